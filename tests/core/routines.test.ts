// Forum routines (issue 17): recurring tasks of the forum, not of a case. The tick makes each
// occurrence once (however many ticks run at once), tells the channel and the owner, reminds and
// escalates it like a step; `rutin klar` marks it done, `mina`, `rutin lista` and the agenda show it,
// and the quarter's indicators count it as done on time or not.
import { describe, expect, it } from 'vitest';
import { loadFileConfig, type FileConfig } from '../../src/config.js';
import { settingsSchema } from '../../src/core/settings.js';
import { routineOccurrences } from '../../src/db/schema/index.js';
import { toPlainText } from '../../src/core/plaintext.js';
import { ANNA, createTestBot, KARIN, OLLE, shellUser, useTestDatabase, type TestBot } from '../helpers/bot.js';
import { at, sentTo, tickAt } from '../helpers/tick.js';

const database = useTestDatabase();

/** The default config with two routines on the young people's case forum. */
function withRoutines(): FileConfig {
  const cfg = loadFileConfig();
  return settingsSchema.parse({
    ...cfg,
    routines: [
      // Due Tuesday 1 December 2026; made five working days before.
      { key: 'rapport', forum: 'arendeforum-unga', name: 'Arbetsgruppens rapport', text: 'Skicka rapporten till styrgruppen.', owner: { person: KARIN }, rule: { dates: ['12-01'] }, leadWorkingDays: 5 },
      // AF's: any AF member may mark it done.
      { key: 'utvardering', forum: 'arendeforum-unga', name: 'Årlig utvärdering', text: 'Utvärdera överenskommelsen.', owner: { organisation: 'af' }, rule: { rrule: 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15' }, leadWorkingDays: 3 },
    ],
  });
}

/** A direct message to the bot. */
const dm = (bot: TestBot, user: string, text: string) =>
  bot.core.handle({ identity: shellUser(user), channel: { platform: 'shell', id: `dm-${user}`, direct: true }, text }).then((r) => (r.message ? toPlainText(r.message) : ''));

async function linked() {
  const bot = await createTestBot(database, { config: withRoutines() });
  await bot.say(ANNA, 'koppla arendeforum-unga');
  bot.port.clear();
  return bot;
}

describe('a forum routine owned by a person', () => {
  it('is made once by the tick, told, reminded, escalated, marked done and counted late', async () => {
    const bot = await linked();
    await bot.say(KARIN, 'mina'); // Karin has talked to the bot: she gets direct messages
    // Wednesday 25 November, 08:00: 1 December is within five working days. Two ticks at once.
    await Promise.all([tickAt(bot, at('2026-11-25', '08:00')), tickAt(bot, at('2026-11-25', '08:00'))]);
    await tickAt(bot, at('2026-11-25', '12:00'));
    expect(await bot.db.select().from(routineOccurrences)).toHaveLength(1);
    const channel = bot.port.toChannel('unga');
    expect(channel).toHaveLength(1);
    expect(channel[0]).toContain('Rutin #1 i Ärendeforum unga 18–29: Arbetsgruppens rapport – Skicka rapporten till styrgruppen. Ansvarig: karin@helsingborg.se, senast 2026-12-01.');
    expect((await sentTo(bot, KARIN)).map((s) => s.text.split('\n')[0])).toEqual([channel[0].split('\n')[0]]);

    expect(await dm(bot, KARIN, 'mina')).toContain('Rutin #1 (Ärendeforum unga 18–29): Arbetsgruppens rapport – senast 2026-12-01');
    expect(await dm(bot, OLLE, 'mina')).not.toContain('Rutin');
    expect(await bot.say(ANNA, 'rutin lista')).toMatch(/Att göra\n.*#1 Arbetsgruppens rapport – karin@helsingborg\.se, senast 2026-12-01[\s\S]*Kommande\n.*Årlig utvärdering – Arbetsförmedlingen, nästa gång senast 2026-12-15/);
    expect(await bot.say(ANNA, 'dagordning')).toMatch(/Rutiner\n.*#1 Arbetsgruppens rapport – karin@helsingborg\.se, senast 2026-12-01/);

    // The working day before, the morning after, and three working days late (to Anna, the coordinator).
    for (const d of ['2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']) {
      await tickAt(bot, at(d, '08:00'));
      await tickAt(bot, at(d, '12:00'));
    }
    const toKarin = (await sentTo(bot, KARIN)).slice(1);
    expect(toKarin.map((s) => [s.at.slice(0, 10), s.text.split('.')[0]])).toEqual([
      ['2026-11-30', 'Påminnelse: rutin #1 i Ärendeforum unga 18–29, Arbetsgruppens rapport (karin@helsingborg'],
      ['2026-12-02', 'Rutin #1 i Ärendeforum unga 18–29, Arbetsgruppens rapport (karin@helsingborg'],
    ]);
    const escalated = (await sentTo(bot, ANNA)).filter((s) => s.text.includes('Försenad rutin'));
    expect(escalated.map((s) => s.at.slice(0, 10))).toEqual(['2026-12-04']);
    expect(escalated[0].text).toContain('Försenad rutin i Ärendeforum unga 18–29: #1 Arbetsgruppens rapport – ansvarig karin@helsingborg.se, senast 2026-12-01, 3 arbetsdagar försenad.');

    // Olle may not mark Karin's routine done in a DM; Karin may, and the channel learns it.
    expect(await dm(bot, OLLE, 'rutin klar 1')).toBe('Hittar ingen rutin #1 som du kan markera.');
    bot.clock.set(at('2026-12-04', '14:00'));
    expect(await dm(bot, KARIN, 'rutin klar 1')).toBe('Rutin #1 Arbetsgruppens rapport är klar (efter sista dagen).');
    expect(bot.port.toChannel('unga').at(-1)).toBe('Rutin #1 Arbetsgruppens rapport är klar – markerad av karin@helsingborg.se (efter sista dagen).');
    expect(await dm(bot, KARIN, 'rutin klar 1')).toBe('Rutin #1 är redan klar.');
    expect(await dm(bot, KARIN, 'mina')).not.toContain('Rutin #1');

    // Nothing more is reminded once it is done.
    const before = bot.port.sent.length;
    await tickAt(bot, at('2026-12-07', '08:00'));
    expect(bot.port.sent.slice(before).filter((s) => s.text.includes('Rutin #1') || s.text.includes('rutin #1'))).toEqual([]);

    expect(await bot.say(ANNA, 'rapport 2026-Q4')).toContain('Rutiner: i tid 0, sent 1, inte gjorda 0, väntar 0');
  });
});

describe('a forum routine owned by a role', () => {
  it("reaches the forum's coordinator (the built-in role samordnare) and only them", async () => {
    const cfg = settingsSchema.parse({ ...loadFileConfig(), routines: [{ key: 'kallelse', forum: 'arendeforum-unga', name: 'Kallelse till årsmötet', text: 'Skicka kallelsen.', owner: { role: 'samordnare' }, rule: { dates: ['12-01'] }, leadWorkingDays: 5 }] });
    const bot = await createTestBot(database, { config: cfg });
    await bot.say(ANNA, 'koppla arendeforum-unga'); // Anna links the channel: she is its coordinator
    await tickAt(bot, at('2026-11-25', '08:00'));
    expect((await sentTo(bot, ANNA)).map((s) => s.text.split('\n')[0])).toEqual([
      'Rutin #1 i Ärendeforum unga 18–29: Kallelse till årsmötet – Skicka kallelsen. Ansvarig: forumets samordnare, senast 2026-12-01. Skriv `rutin klar 1` när den är gjord.',
    ]);
    expect(await dm(bot, ANNA, 'mina')).toContain('Rutin #1 (Ärendeforum unga 18–29): Kallelse till årsmötet');
    expect(await dm(bot, KARIN, 'mina')).not.toContain('Kallelse');
    expect(await dm(bot, KARIN, 'rutin klar 1')).toBe('Hittar ingen rutin #1 som du kan markera.');
    expect(await dm(bot, ANNA, 'rutin klar 1')).toBe('Rutin #1 Kallelse till årsmötet är klar.');
  });
});

describe('a forum routine owned by an organisation', () => {
  it('is reminded in the channel, shown in mina to its members and done on time by any of them', async () => {
    const bot = await linked();
    await tickAt(bot, at('2026-12-10', '08:00'));
    const [o] = (await bot.db.select().from(routineOccurrences)).filter((r) => r.routineKey === 'utvardering');
    expect(o.dueDate).toBe('2026-12-15');
    await tickAt(bot, at('2026-12-14', '08:00'));
    expect(bot.port.toChannel('unga').at(-1)).toContain(`Påminnelse: rutin #${o.id} i Ärendeforum unga 18–29, Årlig utvärdering (Arbetsförmedlingen), ska vara gjord senast 2026-12-15.`);
    expect(await dm(bot, KARIN, 'mina')).not.toContain('Årlig utvärdering');
    expect(await dm(bot, 'handlaggare@arbetsformedlingen.se', 'mina')).toContain(`Rutin #${o.id} (Ärendeforum unga 18–29): Årlig utvärdering – senast 2026-12-15`);
    expect(await dm(bot, 'handlaggare@arbetsformedlingen.se', `rutin klar ${o.id}`)).toBe(`Rutin #${o.id} Årlig utvärdering är klar.`);
    bot.clock.set(at('2027-01-04', '10:00'));
    expect(await bot.say(ANNA, 'rapport 2026-Q4')).toContain('Rutiner: i tid 1, sent 0, inte gjorda 0, väntar 0');
    // English alias.
    expect(await bot.say(ANNA, `routine done ${o.id}`)).toBe(`Routine #${o.id} is already done.`);
  });

  it('refuses a config whose routine names an unknown forum, organisation or term', () => {
    const cfg = loadFileConfig();
    const r = settingsSchema.safeParse({ ...cfg, routines: [{ key: 'x', forum: 'nope', name: 'X', text: 'X', owner: { organisation: 'kommunen' }, rule: { termStart: 'sommar' } }, { key: 'y', forum: 'arendeforum-unga', name: 'Y', text: 'Y', owner: { role: 'ordforande' }, rule: { dates: ['01-15'] } }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'routines.0.forum: unknown forum "nope"',
      'routines.0.owner.organisation: unknown organisation "kommunen"',
      'routines.0.rule.termStart: unknown term "sommar" (calendar.terms: vt, ht)',
      'routines.1.owner.role: unknown role "ordforande"',
    ]);
  });
});

describe('whose language a routine marked done is told in (issue 18)', () => {
  it('an English-speaking owner marks it done in a DM: she reads English, the Swedish forum\'s channel Swedish', async () => {
    const bot = await linked();
    await tickAt(bot, at('2026-11-25', '08:00'));
    bot.port.clear();
    const r = await bot.core.handle({ identity: { ...shellUser(KARIN), language: 'en' }, channel: { platform: 'shell', id: `dm-${KARIN}`, direct: true }, text: 'routine done 1' });
    expect(toPlainText(r.message!)).toBe('Routine #1 Arbetsgruppens rapport is done.');
    expect(bot.port.toChannel('unga')).toEqual(['Rutin #1 Arbetsgruppens rapport är klar – markerad av karin@helsingborg.se.']);
  });
});
