// The audit log (who did what to which case, when — and nothing else) and how consent and the
// question category decide what lists and agendas show.
import { describe, expect, it } from 'vitest';
import * as t from '../../src/db/schema/index.js';
import { ANNA, KARIN, OLLE, useTestBot } from '../helpers/bot.js';

const { bot, database } = useTestBot({ setup: (bot) => bot.say(ANNA, 'koppla arendeforum-unga') });

const QUESTION = 'Behöver samplanering kring studiestart inför vårterminen';
const STEP = 'boka trepartssamtal med vägledaren';

describe('audit log', () => {
  it('records create, read of one case, change and close, with actor, organisation and time', async () => {
    await bot.say(KARIN, `ärende ny grupp:unga samtycke:ja ${QUESTION}`);
    bot.clock.advance(60_000);
    await bot.say(ANNA, 'ärende visa UNG-2026-001');
    await bot.say(ANNA, 'ärende lista'); // a list is not a read of one case
    await bot.say(ANNA, `åtgärd ny UNG-2026-001 @${OLLE} +3 ${STEP}`);
    await bot.say(OLLE, 'åtgärd klar 1');
    bot.clock.advance(60_000);
    await bot.say(KARIN, 'ärende avsluta UNG-2026-001 studier');
    await bot.say(ANNA, 'ärende visa UNG-2026-002'); // refused: rolled back, nothing recorded

    const rows = await bot.store.audit.forCase('UNG-2026-001');
    const ids = new Map((await bot.store.members.byIds(rows.map((r) => r.actorId!))).entries());
    expect(rows.map((r) => [r.action, ids.get(r.actorId!)?.email, r.actorOrganisationKey, r.forumKey, r.at.toISOString()])).toEqual([
      ['case.create', KARIN, 'helsingborg', 'arendeforum-unga', '2026-11-25T08:00:00.000Z'],
      ['case.read', ANNA, 'af', 'arendeforum-unga', '2026-11-25T08:01:00.000Z'],
      ['step.create', ANNA, 'af', 'arendeforum-unga', '2026-11-25T08:01:00.000Z'],
      ['step.done', OLLE, 'helsingborg', 'arendeforum-unga', '2026-11-25T08:01:00.000Z'],
      ['case.close', KARIN, 'helsingborg', 'arendeforum-unga', '2026-11-25T08:02:00.000Z'],
    ]);
    expect(await bot.store.audit.forCase('UNG-2026-002')).toEqual([]);
  });

  it('`ärende logg` shows the log to the coordinator, in their language, and is itself logged', async () => {
    await bot.say(KARIN, `ärende ny ${QUESTION}`);
    await bot.say(OLLE, 'ärende visa UNG-2026-001');
    const out = await bot.say(ANNA, 'ärende logg UNG-2026-001');
    expect(out).toBe(
      [
        'Logg för ärende UNG-2026-001',
        `  • 2026-11-25 09:00 – ${KARIN} (Helsingborgs stad): lyfte ärendet`,
        `  • 2026-11-25 09:00 – ${OLLE} (Helsingborgs stad): visade ärendet`,
      ].join('\n'),
    );
    expect((await bot.say(ANNA, 'case log UNG-2026-001')).split('\n').at(-1)).toBe(`  • 2026-11-25 09:00 – ${ANNA} (Arbetsförmedlingen): read the log`);
    expect(await bot.say(KARIN, 'ärende logg UNG-2026-001')).toBe('Det får bara forumets samordnare göra.');
  });

  it('holds no free text', async () => {
    await bot.say(KARIN, `ärende ny samtycke:ja ${QUESTION}`);
    await bot.say(ANNA, `åtgärd ny UNG-2026-001 @${OLLE} +3 ${STEP}`);
    await bot.say(ANNA, 'ärende visa UNG-2026-001');
    await bot.say(KARIN, 'ärende avsluta UNG-2026-001 studier');
    const rows = JSON.stringify(await database.db.select().from(t.auditLog));
    expect(rows).not.toContain('samplanering');
    expect(rows).not.toContain('trepartssamtal');
    expect(rows).toContain('UNG-2026-001');
  });
});

describe('consent and question category', () => {
  it('without consent, lists and agendas show only code, target group and category, and say so', async () => {
    await bot.say(KARIN, `ärende ny grupp:unga kategori:studier samtycke:nej ${QUESTION}`);
    await bot.say(KARIN, `ärende ny grupp:unga ${QUESTION}`); // consent unknown counts as none
    await bot.say(ANNA, `ärende ny grupp:unga samtycke:ja kategori:arbete ${QUESTION}`);
    await bot.say(ANNA, `åtgärd ny UNG-2026-001 @${OLLE} 2026-12-01 ${STEP}`);
    await bot.say(ANNA, `åtgärd ny UNG-2026-003 @${OLLE} 2026-12-01 ringa arbetsgivaren`);
    const list = await bot.say(OLLE, 'ärende lista');
    expect(list).toContain('UNG-2026-001 · Målgrupp: Unga 18–29 · Kategori: Studier och utbildning — utan samtycke – visas avidentifierat');
    expect(list).toContain('UNG-2026-002 · Målgrupp: Unga 18–29 · Kategori: ingen angiven — utan samtycke – visas avidentifierat');
    expect(list).toContain(`UNG-2026-003 · Målgrupp: Unga 18–29 · Samtycke: ja · Lyft av: Arbetsförmedlingen · Kategori: Arbete och matchning — ${QUESTION}`);
    expect(list.match(new RegExp(QUESTION, 'g'))).toHaveLength(1);
    expect(list).not.toContain('Helsingborgs stad');
    const agenda = await bot.say(OLLE, 'dagordning');
    expect(agenda).not.toContain(STEP);
    expect(agenda).toContain('UNG-2026-001: (utan samtycke – texten visas inte)');
    expect(agenda).toContain('UNG-2026-003: ringa arbetsgivaren');
    expect(await bot.say(OLLE, 'case list')).toContain('UNG-2026-002 · Target group: Unga 18–29 · Category: none given — without consent – shown de-identified');
  });

  it('refuses an unknown category and names the configured ones', async () => {
    const out = await bot.say(KARIN, `ärende ny kategori:hälsa ${QUESTION}`);
    expect(out).toBe('Okänd kategori "halsa". Välj bland: samplanering, studier, arbete, forsorjning, insats, overlamning, ovrigt.');
    expect(await bot.store.cases.open('arendeforum-unga')).toEqual([]);
  });

  it('shows the category when the case is raised and in the case view', async () => {
    await bot.say(KARIN, `case new category:insats ${QUESTION}`);
    // The channel post is in the forum's language (sv), whatever the typer writes (issue 18).
    expect(bot.port.toChannel('unga').at(-1)).toContain('Kategori: Insats eller program');
    expect(await bot.say(KARIN, 'ärende visa UNG-2026-001')).toContain('Kategori: Insats eller program');
  });
});
