// `ärende ny` writes counter, case, audit line and the channel post in one statement, the post
// inserted already claimed and sent right after commit. Exactly once, also when the process dies
// between the commit and the post: the lease runs out and the tick sends it, once.
import { describe, expect, it } from 'vitest';
import { Samrad } from '../../src/core/samrad.js';
import { ANNA, KARIN, useTestBot } from '../helpers/bot.js';
import { tickAt } from '../helpers/tick.js';

const { bot } = useTestBot();

describe('a new case', () => {
  it('is posted once, with its code, and audited', async () => {
    await bot.say(ANNA, 'koppla arendeforum-unga');
    await bot.say(KARIN, 'ärende ny grupp:unga samtycke:ja Behöver samplanering');
    const posts = bot.port.toChannel('unga').filter((t) => t.includes('UNG-2026-001'));
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain('Ärende UNG-2026-001');
    expect(JSON.stringify(bot.port.sent.at(-1)?.message)).not.toContain('\u2063');
    expect((await bot.store.audit.forCase('UNG-2026-001')).map((e) => e.action)).toEqual(['case.create']);
    await tickAt(bot, '2026-11-25T09:05:00+01:00');
    expect(bot.port.toChannel('unga').filter((t) => t.includes('UNG-2026-001'))).toHaveLength(1);
  });

  it('is posted once by the tick when the process died between commit and post', async () => {
    await bot.say(ANNA, 'koppla arendeforum-unga');
    bot.port.clear();
    // A server that committed and then died before sending what it had claimed.
    const dying = new Samrad({ ...bot.core.deps, deliverClaimed: async () => {} });
    const r = await dying.handle({ identity: { platform: 'shell', externalId: KARIN, email: KARIN }, channel: { platform: 'shell', id: 'unga' }, text: 'ärende ny grupp:unga Behöver stöd' });
    expect(r.ok).toBe(true);
    expect(bot.port.sent).toEqual([]);
    await tickAt(bot, '2026-11-25T09:00:30+01:00'); // still leased: not sent twice meanwhile
    expect(bot.port.sent).toEqual([]);
    await tickAt(bot, '2026-11-25T09:02:00+01:00'); // the lease ran out
    expect(bot.port.toChannel('unga').filter((t) => t.includes('UNG-2026-001'))).toHaveLength(1);
    await tickAt(bot, '2026-11-25T09:10:00+01:00');
    expect(bot.port.sent).toHaveLength(1);
  });
});
