// A person's DM channel id is kept with the member once Slack's conversations.open gave it: a later
// process (each `samrad tick`, another replica) posts to the same DM without asking Slack again.
import { describe, expect, it } from 'vitest';
import { createSlackPort } from '../../adapters/slack/index.js';
import { conversationRefs } from '../../src/db/stores/index.js';
import { memberTarget } from '../../src/core/context.js';
import { createLogger } from '../../src/log.js';
import { useTestBot, KARIN } from '../helpers/bot.js';
import { FakeSlack } from '../helpers/slack.js';

const { bot } = useTestBot();

describe('Slack DM channel ids', () => {
  it('are asked of Slack once, then read from the database by every later process', async () => {
    const fake = new FakeSlack();
    fake.reset([{ id: 'UKARIN', name: 'Karin', email: KARIN }]);
    await fake.start();
    try {
      const karin = await bot.store.members.upsert({ platform: 'slack', externalId: 'UKARIN', email: KARIN, displayName: 'Karin', organisationKey: 'helsingborg', language: 'sv' });
      const port = () => createSlackPort({ botToken: 'xoxb-test', apiUrl: `${fake.url}/api/`, logger: createLogger('silent'), refs: conversationRefs(bot.db) });
      const dm = (text: string) => ({ blocks: [{ type: 'text' as const, text }] });
      // Two processes, one after the other (a fresh port each, as each tick makes).
      await port().send(memberTarget(karin), dm('påminnelse 1'));
      await port().send(memberTarget(karin), dm('påminnelse 2'));
      expect(fake.of('conversations.open')).toHaveLength(1);
      expect(fake.of('chat.postMessage').map((c) => c.body.channel)).toEqual(['DKARIN', 'DKARIN']);
    } finally {
      await fake.stop();
    }
  });
});
