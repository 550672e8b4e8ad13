// The consent rule through every message kind (issue 15, item 4): a case raised with samtycke:nej has a
// marker word in every one of its texts — the question, a step, a decision and an information duty
// noted in the meeting, a handover's free-text answer, a strike reason. Then every kind of message is
// driven: the channel post of a new step, the meeting walk, the minutes, the agenda, reminders before
// and after the due date, the escalation, the handover request and answer, `mina`, `ärende visa` by
// others, the report and the calendar. No marker may be in any outbox payload or any reply, except the
// step's text in what goes to the step's own owner, and a text shown back to the person who wrote it.
import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema/index.js';
import { ANNA, KARIN, OLLE, shellUser, useTestBot } from '../helpers/bot.js';
import { at, tickAt } from '../helpers/tick.js';
import { toPlainText } from '../../src/core/plaintext.js';
import type { Message, Target } from '../../src/core/model.js';

const Q = 'zqxquestion';
const STEP = 'zqxstep';
const DECISION = 'zqxdecision';
const INFORM = 'zqxinform';
const SCHOOL = 'zqxschool';
const ALL = [Q, STEP, DECISION, INFORM, SCHOOL];

const { bot } = useTestBot({ setup: (bot) => bot.say(ANNA, 'koppla arendeforum-unga') });

describe('a case without consent', () => {
  it('reaches nobody who should not see it, in any message kind', async () => {
    const replies: { user: string; text: string }[] = [];
    const say = async (user: string, text: string, channel = 'unga') => {
      const r = await bot.sayRaw(user, text, channel);
      replies.push({ user, text: r.message ? toPlainText(r.message) : '' });
      return r;
    };
    await say(ANNA, `ärende ny grupp:unga samtycke:nej Behöver stöd ${Q} kring studier`);
    await say(ANNA, `åtgärd ny UNG-2026-001 @karin@helsingborg.se 2026-11-27 boka ${STEP} samtal`);
    await say(ANNA, 'överlämning ny sfi UNG-2026-001 @olle@helsingborg.se');
    await say(OLLE, `överlämning svar 1 startdatum=2027-01-12 nivå=1 skola=Komvux ${SCHOOL} omfattning=23 sfi-kontakt=@karin@helsingborg.se`);
    await say(ANNA, 'överlämning visa 1');
    await say(KARIN, 'överlämning visa 1');
    await say(KARIN, 'ärende visa UNG-2026-001');
    await say(OLLE, 'ärende lista');
    await say(KARIN, 'dagordning');
    await say(KARIN, 'mina');
    await say(KARIN, 'mina', 'dm-karin');
    // Reminders before and after the due date, then the escalation (coordinator and channel), and the agenda post.
    for (const day of ['2026-11-26', '2026-11-30', '2026-12-01', '2026-12-02']) await tickAt(bot, at(day, '08:05'));
    // The meeting walk, notes under the case, the minutes.
    bot.clock.set('2026-12-03T13:00:00+01:00');
    await say(ANNA, 'möte start');
    await say(ANNA, `möte beslut Vi ${DECISION} går vidare`);
    await say(ANNA, `möte info @karin@helsingborg.se ${INFORM} skolan`);
    await say(ANNA, 'möte avsluta');
    await say(KARIN, 'protokoll visa');
    await say(KARIN, 'protokoll justera');
    await say(ANNA, 'protokoll justera');
    await say(KARIN, 'rapport 2026-Q4');
    await say(ANNA, 'kalender');

    const karin = (await bot.store.members.byEmail(KARIN))!.id;
    const rows = await bot.db.select().from(outbox).orderBy(asc(outbox.id));
    expect(rows.length).toBeGreaterThan(10);
    const kinds = new Set(rows.map((r) => r.key.split(':')[0]));
    for (const k of ['case.new', 'step.new', 'step.assigned', 'remind', 'agenda', 'meeting', 'minutes', 'handover.request', 'handover.answer']) expect(kinds, k).toContain(k);
    for (const r of rows) {
      const text = JSON.stringify(r.payload);
      const target = r.target as Target;
      // The step's owner sees that step's text (the DM telling her, her reminders); nothing else, nobody else.
      const allowed = target.kind === 'member' && target.memberId === karin && !r.key.startsWith('remind:step-1:escalate') ? [STEP] : [];
      for (const m of ALL.filter((x) => !allowed.includes(x))) expect(text, `${r.key} → ${JSON.stringify(target)}`).not.toContain(m);
    }
    for (const { user, text } of replies) {
      // Anna wrote the question and the step: she may read them back; the others read neither.
      const own = user === ANNA ? [Q, STEP] : user === KARIN ? [STEP] : [];
      for (const m of ALL.filter((x) => !own.includes(x))) expect(text, `reply to ${user}`).not.toContain(m);
    }
    // The step's owner was told and reminded with the text (the rule's one exception).
    const toKarin = rows.filter((r) => (r.target as Target).kind === 'member' && (r.target as { memberId: number }).memberId === karin).map((r) => toPlainText(r.payload as Message));
    expect(toKarin.some((t) => t.includes(STEP))).toBe(true);
  });
});
