// `åtgärd klar` is done once, also when two people send it at the same moment (issue 19: the step,
// its audit line and the owner's post are one statement that matches only a step not yet done).
// PostgreSQL only: PGlite runs one transaction at a time, so the two could not overlap there.
import { describe, expect, it } from 'vitest';
import { ANNA, KARIN, OLLE, useTestBot } from '../helpers/bot.js';
import { onPostgres } from '../helpers/db.js';

const { bot } = useTestBot({
  setup: async (b) => {
    await b.say(ANNA, 'koppla arendeforum-unga');
    await b.say(ANNA, 'ärende ny grupp:unga samtycke:ja Behöver samplanering');
    await b.say(ANNA, `åtgärd ny UNG-2026-001 @${OLLE} +3 boka trepartssamtal`);
  },
});

describe.skipIf(!onPostgres)('two at once marking a step done', () => {
  it('one is told it is done, the others that it was done already; it is audited once', async () => {
    bot.port.clear();
    // Three people (the same person's commands queue on their own member row and cannot overlap).
    const replies = await Promise.all([ANNA, OLLE, KARIN].map((who) => bot.say(who, 'åtgärd klar 1')));
    expect(replies.filter((r) => r === 'Åtgärd #1 (UNG-2026-001) är klar.')).toHaveLength(1);
    expect(replies.filter((r) => /redan klar/.test(r))).toHaveLength(2);
    expect((await bot.store.audit.forCase('UNG-2026-001')).filter((e) => e.action === 'step.done')).toHaveLength(1);
    expect(bot.port.toMember(OLLE).length).toBeLessThanOrEqual(1);
  });
});
