// One tick: everything scheduled that is due at `now`, then delivery of what the outbox holds.
// Safe to run at the same instant in one process or many: every message has an idempotency key,
// agenda posts are decided under a row lock, and delivery claims rows with SKIP LOCKED.
import type { FileConfig } from '../config.js';
import type { Store } from '../core/stores.js';
import type { Logger } from '../log.js';
import { postAgendas } from '../core/agenda-post.js';
import { enqueueReminders } from '../core/reminders.js';
import { purgeExpired } from '../core/retention.js';
import { sweepRoutines } from '../core/routines/sweep.js';
import type { Deliverer, DeliveryStats } from '../outbox/deliverer.js';

export interface TickDeps {
  store: Store;
  config: FileConfig;
  /** Should run on the same clock as `now` (the CLI and tests fix both to one instant). */
  deliverer: Deliverer;
  logger: Logger;
}

export interface TickResult {
  agendas: number;
  reminders: number;
  /** Closed cases reduced to statistics by the retention rule. */
  purged: number;
  delivered: DeliveryStats;
}

/** `deadline`: delivery stops claiming then and gives back what waits for its channel's turn. */
export async function runTick(deps: TickDeps, now: Date, deadline?: Date): Promise<TickResult> {
  // A failing sweep must not keep the other one, or delivery, from running.
  const agendas = await guarded(deps, 'agenda sweep failed', () => postAgendas(deps.store, deps.config, now));
  const reminders = await guarded(deps, 'reminder sweep failed', () => enqueueReminders(deps.store, deps.config, now));
  // Forum routines (issue 17): occurrences made and reminded; counted with the reminders.
  const routines = await guarded(deps, 'routine sweep failed', () => sweepRoutines(deps.store, deps.config, now));
  const purged = await guarded(deps, 'retention sweep failed', async () => (await purgeExpired(deps.store, deps.config, now)).codes.length);
  const delivered = await deps.deliverer.deliver(undefined, { deadline });
  if (agendas || reminders || routines || purged || delivered.sent || delivered.failed) deps.logger.info({ at: now.toISOString(), agendas, reminders, routines, purged, ...delivered }, 'tick');
  return { agendas, reminders: reminders + routines, purged, delivered };
}

async function guarded(deps: TickDeps, what: string, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (err) {
    deps.logger.error({ err }, what);
    return 0;
  }
}
