import type { ForumRow, Store } from '../stores.js';
import type { FileConfig } from '../settings.js';
import type { Messages } from '../../i18n/index.js';
import type { HandlerContext } from '../context.js';
import { localDate } from '../dates.js';
import type { Block, Message } from '../model.js';
import { caseLine, memberName, stepTextShown, templateName } from '../render.js';
import { formatMeeting, upcomingMeeting, type PlannedMeeting } from '../schedule.js';
import { caseActions } from './cases.js';
import { routineBlocks } from '../routines/handlers.js';
import { carriedHandoverBlocks, carriedMark, carryOverFor, stepsToFollowUp } from '../meeting/carryover.js';

export async function agenda(h: HandlerContext): Promise<Message> {
  const forum = await h.forum();
  const meeting = await upcomingMeeting(h.store, forum, h.now);
  // In a Teams channel h.m is already the forum's language (Samrad.answerLang, issue 18).
  return buildAgenda(h.store, h.config, h.m, forum, meeting, h.now);
}

/** The agenda of a forum's next meeting: cases (new since the last meeting first), steps due, topics. */
export async function buildAgenda(store: Store, cfg: FileConfig, m: Messages, forum: ForumRow, meeting: PlannedMeeting | null, now: Date): Promise<Message> {
  const when = meeting ? formatMeeting(m, meeting.start) : m.labels.noMeeting;
  const blocks: Block[] = [];
  if (forum.kind === 'case') {
    const cases = await store.cases.open(forum.key);
    const carry = await carryOverFor(store, forum, { cases });
    const since = meeting ? new Date(meeting.start.getTime() - forum.everyWeeks * 7 * 86_400_000) : now;
    const isNew = (c: (typeof cases)[number]) => c.createdAt.getTime() > since.getTime();
    const ordered = [...cases.filter(isNew), ...cases.filter((c) => !isNew(c))];
    blocks.push({ type: 'emphasis', text: m.agendaCases });
    if (!ordered.length) blocks.push({ type: 'text', text: m.agendaEmpty });
    for (const c of ordered) blocks.push({ type: 'item', text: caseLine(cfg, m, c, { isNew: isNew(c) }) + carriedMark(m, carry.count(c.createdAt)), actions: caseActions({ m }, c.code) });
    const steps = stepsToFollowUp(carry, meeting ? localDate(meeting.start) : localDate(now));
    if (steps.length) {
      const [owners, byId] = await Promise.all([store.members.byIds(steps.map((s) => s.ownerId)), store.cases.byIds(steps.map((s) => s.caseId))]);
      blocks.push({ type: 'emphasis', text: m.agendaSteps });
      for (const s of steps) {
        const c = byId.get(s.caseId);
        blocks.push({ type: 'item', text: `#${s.id} ${c?.code ?? '?'}: ${stepTextShown(m, c, s)} – ${memberName(owners.get(s.ownerId))}, ${s.dueDate}${carriedMark(m, carry.count(s.createdAt))}` });
      }
    }
    // Handovers whose answer will be late by the meeting: the forum chases them together.
    const late = await store.handovers.openDueBefore(forum.key, meeting ? localDate(meeting.start) : localDate(now));
    if (late.length) {
      const [owers, codes] = await Promise.all([store.members.byIds(late.map((x) => x.toMemberId)), store.cases.codesByIds(late.map((x) => x.caseId))]);
      blocks.push({ type: 'emphasis', text: m.agendaHandovers });
      for (const x of late) {
        const name = templateName(cfg, x.templateKey);
        blocks.push({ type: 'item', text: `#${x.id} ${codes.get(x.caseId) ?? '?'}: ${name} – ${memberName(owers.get(x.toMemberId))}, ${x.dueDate}${carriedMark(m, carry.count(x.createdAt))}` });
      }
    }
    // Other unanswered handovers that have waited through a meeting already.
    blocks.push(...(await carriedHandoverBlocks(store, cfg, m, carry, localDate(now), new Set(late.map((x) => x.id)))));
  } else {
    const topics = await store.topics.open(forum.key);
    const carry = await carryOverFor(store, forum, { topics });
    blocks.push({ type: 'emphasis', text: m.agendaTopics });
    if (!topics.length) blocks.push({ type: 'text', text: m.agendaEmpty });
    for (const t of topics) blocks.push({ type: 'item', text: t.text + carriedMark(m, carry.count(t.createdAt)) });
  }
  // The forum's routines that are open (issue 17): the forum follows them up together.
  blocks.push(...(await routineBlocks(store, cfg, m, m.lang, forum, localDate(now), null, m.routines.title)));
  return { title: m.agendaTitle({ forum: forum.name, when }), blocks, summary: m.agendaTitle({ forum: forum.name, when }) };
}
