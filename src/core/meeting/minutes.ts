// Minutes (protokoll): what a meeting agreed, frozen when it ends, approved (justerat) by one member
// of each organisation. The record keeps ids, owners, dates and outcomes; the case line and a step's
// text are read from their rows when shown, so consent rules and retention purges apply to minutes too.
import { dayName } from '../day-name.js';
import { createHash } from 'node:crypto';
import type { FileConfig } from '../settings.js';
import type { ForumRow, MeetingRow, Store } from '../stores.js';
import type { Messages } from '../../i18n/index.js';
import { channelTarget, type HandlerContext } from '../context.js';
import { localDate, localTime } from '../dates.js';
import { UserError } from '../errors.js';
import type { Block, Message } from '../model.js';
import { caseLine, memberName, orgName, stepTextShown, templateName } from '../render.js';
import { CHANNEL, shownText } from '../consent.js';
import type { Note, RunState } from './state.js';
import { forumParties, partyOf } from '../parties.js';
import { labelOf } from '../vocabulary.js';
import { commandButton } from '../commands/texts.js';
import { loadProtokoll } from './protokoll-load.js';
import { minutesPeople } from './minutes-people.js';
import { channelM } from '../voices.js';

export interface FrozenStep {
  id: number;
  caseId: number;
  code: string;
  owner: string;
  ownerOrganisationKey: string;
  due: string;
}

export interface MinutesItem {
  kind: 'case' | 'topic';
  id: number;
  code?: string;
  /** Topic text (topics are not case data and are not purged). */
  text?: string;
  state: 'pending' | 'current' | 'discussed' | 'skipped';
  steps: FrozenStep[];
  outcome: string | null;
  notes: Note[];
}

export interface MinutesRecord {
  date: string;
  time: string;
  participants: string[];
  items: MinutesItem[];
  /** Steps agreed during the meeting on cases that were not on its agenda (raised during it). */
  otherSteps: FrozenStep[];
  closed: { caseId: number; code: string; outcome: string }[];
  carried: {
    cases: { id: number; code: string }[];
    steps: FrozenStep[];
    handovers: { id: number; caseId: number; code: string; template: string; to: string; due: string }[];
    topics: { id: number; text: string }[];
  };
}

export interface Approval {
  memberId: number;
  name: string;
  organisationKey: string;
  at: string;
}

export async function composeMinutes(h: HandlerContext, forum: ForumRow, meeting: MeetingRow, state: RunState): Promise<MinutesRecord> {
  const started = meeting.startedAt ?? h.now;
  const during = (d: Date) => d.getTime() >= started.getTime() && d.getTime() <= h.now.getTime();
  const [openCases, closedNow, openSteps, openHandovers] = await Promise.all([
    h.store.cases.open(forum.key),
    h.store.cases.closedBetween(forum.key, started, new Date(h.now.getTime() + 1)),
    h.store.steps.openOfForum(forum.key),
    h.store.handovers.openOfForum(forum.key),
  ]);
  const caseIds = [...new Set([...state.items.filter((i) => i.kind === 'case').map((i) => i.id), ...openCases.map((c) => c.id), ...closedNow.map((c) => c.id)])];
  const [steps, cases] = await Promise.all([h.store.steps.forCases(caseIds), h.store.cases.byIds(caseIds)]);
  const agreed = steps.filter((s) => during(s.createdAt));
  const people = await h.store.members.byIds([...steps.map((s) => s.ownerId), ...openSteps.map((s) => s.ownerId), ...openHandovers.map((x) => x.toMemberId)]);
  const codes = await h.store.cases.codesByIds([...openSteps.map((s) => s.caseId), ...openHandovers.map((x) => x.caseId)]);
  const freeze = (s: (typeof steps)[number]): FrozenStep => ({
    id: s.id,
    caseId: s.caseId,
    code: cases.get(s.caseId)?.code ?? codes.get(s.caseId) ?? '?',
    owner: memberName(people.get(s.ownerId)),
    ownerOrganisationKey: s.ownerOrganisationKey ?? people.get(s.ownerId)?.organisationKey ?? '',
    due: s.dueDate,
  });
  const onAgenda = new Set(state.items.filter((i) => i.kind === 'case').map((i) => i.id));
  const topics = await h.store.topics.byIds(state.items.filter((i) => i.kind === 'topic').map((i) => i.id));
  const closedIds = new Map(closedNow.map((c) => [c.id, c.outcome ?? '']));
  return {
    date: localDate(meeting.startsAt),
    time: localTime(meeting.startsAt),
    participants: state.participants,
    items: state.items.map((i) => ({
      kind: i.kind,
      id: i.id,
      code: i.code,
      text: i.kind === 'topic' ? topics.get(i.id)?.text : undefined,
      state: i.state,
      steps: i.kind === 'case' ? agreed.filter((s) => s.caseId === i.id).map(freeze) : [],
      outcome: i.kind === 'case' ? (closedIds.get(i.id) ?? null) : null,
      notes: i.notes,
    })),
    otherSteps: agreed.filter((s) => !onAgenda.has(s.caseId)).map(freeze),
    closed: closedNow.map((c) => ({ caseId: c.id, code: c.code, outcome: c.outcome ?? '' })),
    carried: {
      cases: openCases.map((c) => ({ id: c.id, code: c.code })),
      // Steps agreed at this meeting are listed under their case; carried are those from before it.
      steps: openSteps.filter((s) => s.createdAt.getTime() < started.getTime()).map((s) => freeze(s)),
      handovers: openHandovers.map((x) => ({
        id: x.id,
        caseId: x.caseId,
        code: codes.get(x.caseId) ?? '?',
        template: templateName(h.config, x.templateKey),
        to: memberName(people.get(x.toMemberId)),
        due: x.dueDate,
      })),
      topics: [],
    },
  };
}

function approvalsOf(row: MeetingRow): Approval[] {
  return Array.isArray(row.approvals) ? (row.approvals as Approval[]) : [];
}

function approvers(cfg: FileConfig, list: Approval[]): string {
  return list.map((a) => `${a.name} (${orgName(cfg, a.organisationKey)}) ${a.at}`).join(', ');
}

/** The forum's parties (its own organisations, a sub-organisation counted with its parent) not yet approved. */
function waitingFor(cfg: FileConfig, forumKey: string, list: Approval[]): string[] {
  const done = new Set(list.map((a) => partyOf(cfg, a.organisationKey)));
  return forumParties(cfg, forumKey).filter((k) => !done.has(k)).map((k) => orgName(cfg, k));
}

/** The minutes as a message: frozen record, live case lines (consent applies), live step texts. */
export async function minutesMessage(store: Store, cfg: FileConfig, m: Messages, forum: ForumRow, row: MeetingRow): Promise<Message> {
  const rec = row.minutes as MinutesRecord;
  const approvals = approvalsOf(row);
  const allSteps = [...rec.items.flatMap((i) => i.steps), ...rec.otherSteps, ...rec.carried.steps];
  const caseIds = [...rec.items.filter((i) => i.kind === 'case').map((i) => i.id), ...allSteps.map((s) => s.caseId), ...rec.closed.map((c) => c.caseId)];
  const [cases, stepRows] = await Promise.all([store.cases.byIds(caseIds), store.steps.byIds(allSteps.map((s) => s.id))]);
  // The minutes are read by the channel: texts of cases without consent stay out (consent.ts).
  const stepText = (s: FrozenStep) => {
    const row = stepRows.get(s.id);
    const text = row ? stepTextShown(m, cases.get(s.caseId), row, CHANNEL) : m.labels.purged;
    return m.minutes.step({ id: s.id, code: s.code, text, owner: s.owner, org: orgName(cfg, s.ownerOrganisationKey), due: s.due });
  };
  const noteText = (n: Note, c?: { consent: string } | null) => {
    const text = c === undefined ? n.text || m.labels.purged : shownText(m, c, CHANNEL, { kind: 'note' }, n.text || m.labels.purged);
    return n.kind === 'decision' ? m.minutes.decision({ text }) : m.minutes.inform({ who: n.name, org: orgName(cfg, n.organisationKey), text });
  };
  const status =
    row.minutesStatus === 'approved' ? m.minutes.approved({ by: approvers(cfg, approvals) }) : m.minutes.draft({ waiting: waitingFor(cfg, forum.key, approvals).join(', '), soFar: approvers(cfg, approvals) });
  const blocks: Block[] = [
    {
      type: 'fields',
      fields: [
        { label: m.minutes.date, value: `${rec.date} ${rec.time}` },
        { label: m.minutes.participants, value: rec.participants.map((o) => orgName(cfg, o)).join(', ') || m.labels.none },
        ...(await minutesPeople(store, cfg, m, forum, row, approvals)),
        { label: m.minutes.status, value: status },
      ],
    },
  ];
  const caseItems = rec.items.filter((i) => i.kind === 'case');
  const topicItems = rec.items.filter((i) => i.kind === 'topic');
  const stateMark = (i: MinutesItem) => (i.state === 'skipped' ? ` (${m.minutes.skipped})` : i.state === 'pending' ? ` (${m.minutes.notReached})` : '');
  if (forum.kind === 'case' || caseItems.length) {
    blocks.push({ type: 'emphasis', text: m.minutes.cases });
    if (!caseItems.length && !rec.otherSteps.length) blocks.push({ type: 'text', text: m.labels.none });
    for (const i of caseItems) {
      const c = cases.get(i.id);
      const lines = [`${c ? caseLine(cfg, m, c) : i.code}${stateMark(i)}`];
      for (const s of i.steps) lines.push(`   → ${stepText(s)}`);
      if (i.outcome) lines.push(`   → ${m.minutes.outcome({ outcome: labelOf(m.outcome, i.outcome, i.outcome) })}`);
      for (const n of i.notes) lines.push(`   → ${noteText(n, c ?? null)}`);
      if (i.state === 'discussed' && !i.steps.length && !i.outcome && !i.notes.length) lines.push(`   → ${m.minutes.noSteps}`);
      blocks.push({ type: 'item', text: lines.join('\n') });
    }
    for (const s of rec.otherSteps) blocks.push({ type: 'item', text: stepText(s) });
    blocks.push({ type: 'emphasis', text: m.minutes.closed });
    if (!rec.closed.length) blocks.push({ type: 'text', text: m.labels.none });
    for (const c of rec.closed) blocks.push({ type: 'item', text: `${c.code}: ${labelOf(m.outcome, c.outcome, c.outcome ?? '–')}` });
  }
  if (forum.kind === 'topic' || topicItems.length) {
    blocks.push({ type: 'emphasis', text: m.minutes.topics });
    if (!topicItems.length) blocks.push({ type: 'text', text: m.labels.none });
    for (const i of topicItems) {
      const lines = [`${i.text ?? '?'}${stateMark(i)}`, ...i.notes.map((n) => `   → ${noteText(n)}`)];
      blocks.push({ type: 'item', text: lines.join('\n') });
    }
  }
  const carried = rec.carried;
  blocks.push({ type: 'emphasis', text: m.minutes.carried });
  const carriedLines = [
    ...(carried.cases.length ? [`${m.minutes.carriedCases}: ${carried.cases.map((c) => c.code).join(', ')}`] : []),
    ...carried.steps.map(stepText),
    ...carried.handovers.map((x) => m.minutes.handover({ id: x.id, code: x.code, template: x.template, to: x.to, due: x.due })),
    ...carried.topics.map((t) => t.text),
  ];
  if (!carriedLines.length) blocks.push({ type: 'text', text: m.labels.none });
  for (const l of carriedLines) blocks.push({ type: 'item', text: l });
  if (row.minutesStatus !== 'approved') blocks.push({ type: 'actions', actions: [commandButton({ id: 'minutes-approve', label: m.minutes.approveButton, style: 'primary' }, 'minutes.approve', m.lang, {})] });
  const title = m.minutes.title({ forum: forum.name, date: rec.date });
  return { title, blocks, summary: title, tone: row.minutesStatus === 'approved' ? 'success' : 'info' };
}

/** `protokoll visa`: the latest minutes of this channel's forum. */
export async function minutesShow(h: HandlerContext): Promise<Message> {
  const forum = await h.forum();
  const row = await h.store.meetings.latestMinutes(forum.key);
  if (!row) throw new UserError('noMinutes');
  return minutesMessage(h.store, h.config, h.m, forum, row);
}

/** `protokoll justera`: one member of each organisation approves; then the minutes are final. */
export async function minutesApprove(h: HandlerContext): Promise<void> {
  const forum = await h.forum();
  const row = await h.store.meetings.latestMinutes(forum.key);
  if (!row) throw new UserError('noMinutes');
  const list = approvalsOf(row);
  if (row.minutesStatus === 'approved') throw new UserError('minutesAlreadyApproved', { date: row.date, by: approvers(h.config, list) });
  // Minutes of a meeting opened ahead of its day are not approved before that day (issue 18).
  if (h.today < row.date) throw new UserError('minutesTooEarly', { day: dayName(h.m, row.date) });
  const org = h.member.organisationKey ?? h.organisation.key;
  // One approver per party: Komvux's approval is the city's.
  if (list.some((a) => partyOf(h.config, a.organisationKey) === partyOf(h.config, org))) throw new UserError('orgAlreadyApproved', { org: orgName(h.config, partyOf(h.config, org)) });
  const next: Approval[] = [...list, { memberId: h.member.id, name: memberName(h.member), organisationKey: org, at: `${localDate(h.now)} ${localTime(h.now)}` }];
  const done = waitingFor(h.config, forum.key, next).length === 0;
  const updated = await h.store.meetings.update(row.id, { approvals: next, minutesStatus: done ? 'approved' : 'draft' });
  // The approved record is fixed as a PDF; its SHA-256 in the audit log lets anyone check a filed copy.
  await h.audit(done ? 'minutes.approved' : 'minutes.approve', null, forum.key, done ? await approvedPdfSha256(h, forum, updated) : null);
  const date = (row.minutes as MinutesRecord).date;
  const cm = channelM(h.config, forum.key); // the channel reads the forum's language (issue 18)
  if (done) {
    // The minutes are in the channel once (issue 18): the draft post is edited to the approved version
    // in place, and the channel reads one line that they are approved — not the whole minutes again.
    const msg = await minutesMessage(h.store, h.config, cm, forum, updated);
    const draftKey = row.endedAt ? `minutes:${row.id}:${row.endedAt.getTime()}` : null;
    if (draftKey) await h.post(channelTarget(forum), msg, `minutes.approved:${row.id}:edit`, { replaces: draftKey });
    await h.post(channelTarget(forum), { tone: 'success', blocks: [{ type: 'text', text: cm.minutes.approvedMsg({ date, by: approvers(h.config, next) }) }] }, `minutes.approved:${row.id}`);
  } else {
    const text = cm.minutes.approvalNoted({ name: memberName(h.member), org: orgName(h.config, org), date, waiting: waitingFor(h.config, forum.key, next).join(', ') });
    await h.post(channelTarget(forum), { blocks: [{ type: 'text', text }] }, `minutes.approve:${row.id}:${org}:${h.now.getTime()}`);
  }
}

async function approvedPdfSha256(h: HandlerContext, forum: ForumRow, row: MeetingRow): Promise<string | null> {
  if (!h.minutesPdf) return null;
  const { doc, createdAt } = await loadProtokoll(h.store, h.config, forum, row);
  return createHash('sha256').update(await h.minutesPdf(doc, createdAt)).digest('hex');
}

/**
 * Retention: removes the free text noted under a purged case (decisions, information duties) from every
 * meeting's walk and minutes, approved ones included — the purge is a legal duty that outranks justering.
 * Step texts and the case question are not copied into minutes, so purging their rows is enough.
 */
export async function purgeCaseFromMeetings(store: Store, caseId: number): Promise<number> {
  const rows = await store.meetings.withCaseItem(caseId);
  const scrub = <T extends { kind: string; id: number; notes: Note[] }>(items: T[] | undefined): T[] | undefined =>
    items?.map((i) => (i.kind === 'case' && i.id === caseId ? { ...i, notes: i.notes.map((n) => ({ ...n, text: '' })) } : i));
  for (const row of rows) {
    const snap = row.walkState as RunState | null;
    const rec = row.minutes as MinutesRecord | null;
    await store.meetings.update(row.id, {
      walkState: snap ? { ...snap, items: scrub(snap.items) } : snap,
      minutes: rec ? { ...rec, items: scrub(rec.items) } : rec,
    });
  }
  return rows.length;
}
