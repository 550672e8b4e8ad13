// The walk-through: `möte start` opens a meeting and shows its first item, `möte nästa` / `möte hoppa`
// move on, `möte beslut` / `möte info` note what was said, `möte avsluta` writes the minutes.
// Everything is posted to the forum's channel, so all participants follow the same item.
import type { ForumRow, MeetingRow } from '../stores.js';
import { channelTarget, type HandlerContext } from '../context.js';
import { addDays, type IsoDate } from '../dates.js';
import { dayName } from '../day-name.js';
import { UserError } from '../errors.js';
import type { Action, Block, Message } from '../model.js';
import { caseLine, handoverLine, memberName, orgName, stepLine, templateName } from '../render.js';
import { formatMeeting, plannedMeetings, upcomingMeeting, type PlannedMeeting } from '../schedule.js';
import { caseActions } from '../handlers/cases.js';
import { CHANNEL, shownText } from '../consent.js';
import { carriedMark, carryOverFor } from './carryover.js';
import { composeMinutes, minutesMessage } from './minutes.js';
import { currentItem, requireCoordinator, requireRunning, runState, withParticipant, type MeetingItem, type RunState } from './state.js';
import { commandButton } from '../commands/texts.js';
import { inChannelOf } from '../voices.js';

/**
 * Today's meeting of the forum, or the one on `date` when the coordinator named it. Any other meeting is
 * not opened: the coordinator is asked to name its date (issue 18: a start on 2 December opened the
 * 3 December meeting without asking).
 */
async function meetingToOpen(h: HandlerContext, forum: ForumRow, date: IsoDate | null): Promise<{ planned: PlannedMeeting; today: boolean }> {
  const rows = await h.store.meetings.ofForum(forum.key);
  const span = 7 * forum.everyWeeks + 14; // a moved meeting keeps its scheduled date; look around today
  const around = (d: IsoDate) => plannedMeetings(forum, rows, addDays(d, -span), addDays(d, span)).filter((p) => p.status !== 'cancelled');
  const want = date ?? h.today;
  const found = around(want).filter((p) => p.date === want)[0];
  if (found) return { planned: found, today: want === h.today };
  if (date) throw new UserError('noMeetingOn', { date });
  const next = await upcomingMeeting(h.store, forum, h.now);
  if (!next) throw new UserError('noMeetingPlanned');
  throw new UserError('meetingNotToday', { day: dayName(h.m, next.date), date: next.date });
}

export async function meetingStart(h: HandlerContext, date: IsoDate | null = null): Promise<Message | undefined> {
  const forum = await h.forum();
  requireCoordinator(h, forum);
  const running = await h.store.meetings.running(forum.key);
  if (running) {
    // Nothing changes; the coordinator is told where the meeting stands.
    const state = runState(running);
    const item = currentItem(running);
    const lead = h.m.meeting.alreadyRunning({ when: formatMeeting(h.m, running.startsAt) });
    return item ? await itemMessage(h, forum, state, item, lead) : { blocks: [{ type: 'text', text: `${lead} ${h.m.meeting.allDone}` }] };
  }
  const found = await meetingToOpen(h, forum, date);
  const { planned } = found;
  let row = await h.store.meetings.lock({ forumKey: forum.key, scheduledDate: planned.scheduledDate, date: planned.date, startsAt: planned.start });
  // Two starts at once: the second waited for the first's row lock and finds it running.
  if (row.status === 'running') return { blocks: [{ type: 'text', text: h.m.meeting.alreadyRunning({ when: formatMeeting(h.m, row.startsAt) }) }] };
  let state: RunState;
  let resumed = false;
  if (row.status === 'held') {
    // A held meeting may be resumed while its minutes are a draft; approved minutes never change.
    if (row.minutesStatus === 'approved') throw new UserError('minutesLocked', { date: row.date });
    state = runState(row);
    resumed = true;
  } else {
    state = { items: await agendaItems(h, forum, planned), participants: [], seq: 0 };
  }
  state = withParticipant(state, h.member.organisationKey ?? h.organisation.key);
  // A resumed meeting goes back to what is left, or to its last item when everything was walked.
  const left = state.items.findIndex((i) => i.state === 'pending' || i.state === 'skipped');
  const idx = left >= 0 || !resumed ? left : state.items.length - 1;
  if (idx >= 0) state.items[idx] = { ...state.items[idx], state: 'current' };
  row = await h.store.meetings.update(row.id, {
    status: 'running',
    startedAt: row.startedAt ?? h.now,
    endedAt: null,
    currentItem: idx >= 0 ? idx : null,
    walkState: state,
    minutes: null,
    minutesStatus: null,
    approvals: null,
  });
  await h.audit('meeting.start', null, forum.key);
  // The walk is posted to the channel: in the forum's language, whoever opened it (issue 18).
  const c = inChannelOf(h, forum.key);
  const which = found.today ? c.m.meeting.whichToday : c.m.meeting.whichNext;
  const lead = `${c.m.meeting.started({ forum: forum.name, when: formatMeeting(c.m, planned.start), which, n: state.items.length })}${resumed ? ` ${c.m.meeting.resumed}` : ''}`;
  const item = idx >= 0 ? state.items[idx] : null;
  const msg = item ? await itemMessage(c, forum, state, item, lead) : { blocks: [{ type: 'text' as const, text: `${lead}\n${state.items.length ? c.m.meeting.allDone : c.m.meeting.noItems}` }], actions: [endAction(c)] };
  await postToChannel(h, forum, row, state, msg);
  return undefined;
}

/** The items to walk: the forum's open cases (new since the last meeting first, as on the agenda) or open topics. */
async function agendaItems(h: HandlerContext, forum: ForumRow, planned: PlannedMeeting): Promise<MeetingItem[]> {
  if (forum.kind === 'case') {
    const cases = await h.store.cases.open(forum.key);
    const carry = await carryOverFor(h.store, forum, { cases });
    const since = planned.start.getTime() - forum.everyWeeks * 7 * 86_400_000;
    const ordered = [...cases.filter((c) => c.createdAt.getTime() > since), ...cases.filter((c) => c.createdAt.getTime() <= since)];
    return ordered.map((c) => ({ kind: 'case', id: c.id, code: c.code, carried: carry.count(c.createdAt), state: 'pending', notes: [] }));
  }
  const topics = await h.store.topics.open(forum.key);
  const carry = await carryOverFor(h.store, forum, { topics });
  return topics.map((t) => ({ kind: 'topic', id: t.id, carried: carry.count(t.createdAt), state: 'pending', notes: [] }));
}

/** `möte nästa` (the item is discussed) or `möte hoppa` (skipped: it stays open for the next meeting). */
export async function meetingAdvance(h: HandlerContext, how: 'discussed' | 'skipped'): Promise<void> {
  const { forum, meeting } = await requireRunning(h);
  requireCoordinator(h, forum);
  const item = currentItem(meeting);
  if (!item) throw new UserError('noCurrentItem');
  const state = withParticipant(runState(meeting), h.member.organisationKey ?? h.organisation.key);
  const idx = meeting.currentItem!;
  state.items[idx] = { ...item, state: how };
  const next = state.items.findIndex((i, k) => k > idx && i.state === 'pending');
  if (next >= 0) state.items[next] = { ...state.items[next], state: 'current' };
  const row = await h.store.meetings.update(meeting.id, { currentItem: next >= 0 ? next : null, walkState: state });
  await h.audit(how === 'skipped' ? 'meeting.skip' : 'meeting.next', item.code ?? null, forum.key);
  const c = inChannelOf(h, forum.key);
  const lead = how === 'skipped' ? c.m.meeting.skipped({ label: await itemLabel(c, item) }) : undefined;
  const msg = next >= 0 ? await itemMessage(c, forum, state, state.items[next], lead) : { blocks: [{ type: 'text' as const, text: [lead, c.m.meeting.allDone].filter(Boolean).join('\n') }], actions: [endAction(c)] };
  await postToChannel(h, forum, row, state, msg);
}

/** `möte beslut <text>` and `möte info @vem <text>`: a note on the current item, for the minutes. */
export async function meetingNote(h: HandlerContext, cmd: { kind: 'decision'; text: string } | { kind: 'inform'; who: string; text: string }): Promise<void> {
  const { forum, meeting } = await requireRunning(h);
  const item = currentItem(meeting);
  if (!item) throw new UserError('noCurrentItem');
  h.guard(cmd.text);
  const state = withParticipant(runState(meeting), h.member.organisationKey ?? h.organisation.key);
  let text: string;
  const cm = inChannelOf(h, forum.key).m;
  const label = await itemLabel(h, item);
  // What the channel reads back: a note under a case without consent is kept for the minutes' record but not echoed.
  const theCase = item.kind === 'case' ? (await h.store.cases.byIds([item.id])).get(item.id) : undefined;
  const echo = item.kind === 'case' ? shownText(cm, theCase, CHANNEL, { kind: 'note' }, cmd.text) : cmd.text;
  if (cmd.kind === 'decision') {
    item.notes = [...item.notes, { kind: 'decision', text: cmd.text }];
    text = cm.meeting.decisionNoted({ label, text: echo });
  } else {
    const who = await h.resolveMember(cmd.who);
    item.notes = [...item.notes, { kind: 'inform', memberId: who.id, name: memberName(who), organisationKey: who.organisationKey ?? '', text: cmd.text }];
    text = cm.meeting.informNoted({ label, who: `${memberName(who)} (${orgName(h.config, who.organisationKey)})`, text: echo });
  }
  state.items[meeting.currentItem!] = item;
  const row = await h.store.meetings.update(meeting.id, { walkState: state });
  await h.audit(cmd.kind === 'decision' ? 'meeting.decision' : 'meeting.inform', item.code ?? null, forum.key);
  await postToChannel(h, forum, row, runState(row), { blocks: [{ type: 'text', text }], actions: [] });
}

/** `möte avsluta`: the meeting is held; its minutes are written as a draft and posted. */
export async function meetingEnd(h: HandlerContext): Promise<void> {
  const { forum, meeting } = await requireRunning(h);
  requireCoordinator(h, forum);
  const state = withParticipant(runState(meeting), h.member.organisationKey ?? h.organisation.key);
  state.items = state.items.map((i) => (i.state === 'current' ? { ...i, state: 'discussed' } : i));
  const minutes = await composeMinutes(h, forum, meeting, state);
  for (const i of state.items) {
    if (i.kind === 'topic' && i.state === 'discussed') {
      const decisions = i.notes.filter((n) => n.kind === 'decision').map((n) => n.text);
      await h.store.topics.markDiscussed(i.id, meeting.id, decisions.length ? decisions.join('; ') : null);
    }
  }
  minutes.carried.topics = (await h.store.topics.open(forum.key)).map((t) => ({ id: t.id, text: t.text }));
  const row = await h.store.meetings.update(meeting.id, {
    status: 'held',
    endedAt: h.now,
    currentItem: null,
    walkState: state,
    minutes,
    minutesStatus: 'draft',
    approvals: [],
  });
  await h.audit('meeting.end', null, forum.key);
  const msg = await minutesMessage(h.store, h.config, inChannelOf(h, forum.key).m, forum, row);
  await h.post(channelTarget(forum), msg, `minutes:${row.id}:${h.now.getTime()}`);
}

// --- rendering one item

async function itemLabel(h: HandlerContext, item: MeetingItem): Promise<string> {
  if (item.kind === 'case') return item.code ?? '?';
  const t = (await h.store.topics.byIds([item.id])).get(item.id);
  return t ? `"${t.text.length > 60 ? `${t.text.slice(0, 59)}…` : t.text}"` : '?';
}

interface ItemPost {
  blocks: Block[];
  actions: Action[];
  title?: string;
}

async function itemMessage(h: HandlerContext, forum: ForumRow, state: RunState, item: MeetingItem, lead?: string): Promise<Message & ItemPost> {
  const n = state.items.length;
  const i = state.items.indexOf(item) + 1;
  const blocks: Block[] = [];
  if (lead) blocks.push({ type: 'text', text: lead }, { type: 'divider' });
  const moveOn: Action[] = [
    commandButton({ id: 'meeting-next', label: h.m.meeting.buttons.next, style: 'primary' }, 'meeting.next', h.lang, {}),
    commandButton({ id: 'meeting-skip', label: h.m.meeting.buttons.skip }, 'meeting.skip', h.lang, {}),
  ];
  if (item.kind === 'case') {
    const c = (await h.store.cases.byIds([item.id])).get(item.id);
    blocks.push({ type: 'emphasis', text: h.m.meeting.itemTitle({ i, n, label: item.code ?? '?' }) });
    if (c) {
      blocks.push({ type: 'item', text: caseLine(h.config, h.m, c) + carriedMark(h.m, item.carried) });
      const [steps, handovers] = await Promise.all([h.store.steps.forCases([c.id]), h.store.handovers.forCases([c.id])]);
      const open = steps.filter((s) => s.status === 'open');
      const openHandovers = handovers.filter((x) => x.status === 'open');
      const people = await h.store.members.byIds([...open.map((s) => s.ownerId), ...openHandovers.map((x) => x.toMemberId)]);
      if (open.length) blocks.push({ type: 'text', text: `${h.m.meeting.openSteps}:` });
      for (const s of open) blocks.push({ type: 'item', text: stepLine(h.m, s, people.get(s.ownerId), h.today, c, CHANNEL) });
      if (openHandovers.length) blocks.push({ type: 'text', text: `${h.m.meeting.openHandovers}:` });
      for (const x of openHandovers) {
        const name = templateName(h.config, x.templateKey);
        blocks.push({ type: 'item', text: handoverLine(h.m, x, name, people.get(x.toMemberId), h.today) });
      }
    }
    blocks.push({ type: 'text', text: h.m.meeting.itemHint });
    const actions = c?.status === 'open' ? [...caseActions(h, c.code), ...moveOn] : moveOn;
    blocks.push({ type: 'actions', actions });
    return { blocks, actions, summary: h.m.meeting.itemTitle({ i, n, label: item.code ?? '?' }), title: forum.name };
  }
  const t = (await h.store.topics.byIds([item.id])).get(item.id);
  blocks.push({ type: 'emphasis', text: h.m.meeting.itemTitle({ i, n, label: h.m.labels.topic }) });
  blocks.push({ type: 'item', text: (t?.text ?? '?') + carriedMark(h.m, item.carried) });
  blocks.push({ type: 'text', text: h.m.meeting.topicHint });
  blocks.push({ type: 'actions', actions: moveOn });
  return { blocks, actions: moveOn, summary: h.m.meeting.itemTitle({ i, n, label: h.m.labels.topic }), title: forum.name };
}

function endAction(h: HandlerContext): Action {
  return commandButton({ id: 'meeting-end', label: h.m.meeting.buttons.end, style: 'primary' }, 'meeting.end', h.lang, {});
}

async function postToChannel(h: HandlerContext, forum: ForumRow, row: MeetingRow, state: RunState, msg: ItemPost & { summary?: string }): Promise<void> {
  const seq = state.seq + 1;
  await h.store.meetings.update(row.id, { walkState: { ...state, seq } });
  const blocks = msg.blocks.some((b) => b.type === 'actions') || !msg.actions.length ? msg.blocks : [...msg.blocks, { type: 'actions' as const, actions: msg.actions }];
  await h.post(channelTarget(forum), { title: msg.title, blocks, summary: msg.summary }, `meeting:${row.id}:${seq}`);
}

