// The transaction facade: every store bound to one connection, and `transaction` binding them all to one
// transaction. The only place that turns a drizzle handle into the core's `Store`.
import type { Store } from '../../core/stores.js';
import type { Db } from '../client.js';
import { auditStore } from './audit.js';
import { caseStore } from './cases.js';
import { forumStore } from './forums.js';
import { handoverStore } from './handovers.js';
import { indicatorStore } from './indicators.js';
import { meetingStore } from './meetings.js';
import { memberStore } from './members.js';
import { membershipStore } from './memberships.js';
import { outboxStore } from './outbox.js';
import { DbPageTokenStore } from './page-tokens.js';
import { routineStore } from './routines.js';
import { stepStore } from './steps.js';
import { topicStore } from './topics.js';

export { conversationRefs } from './refs.js';
export { syncSettings } from './settings.js';

export function createStore(db: Db): Store {
  return {
    members: memberStore(db),
    memberships: membershipStore(db),
    forums: forumStore(db),
    cases: caseStore(db),
    steps: stepStore(db),
    topics: topicStore(db),
    handovers: handoverStore(db),
    meetings: meetingStore(db),
    audit: auditStore(db),
    outbox: outboxStore(db),
    pages: new DbPageTokenStore(db),
    routines: routineStore(db),
    indicators: indicatorStore(db),
    transaction: (fn) => db.transaction((tx) => fn(createStore(tx as unknown as Db))),
  };
}
