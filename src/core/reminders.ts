// Reminders and escalations for next steps and handovers. On a working day, from the morning hour on,
// each sweep looks only at the due dates that concern today (indexed ranges on status + due date), so
// its cost follows the due work, not the history. Every message carries a key made of the item, the
// kind and the due date: however many ticks run, for one instant or all day, each goes out once.
import type { FileConfig } from './settings.js';
import type { ForumRow, MemberRow, Store } from './stores.js';
import { messages } from '../i18n/index.js';
import { channelTarget, memberTarget } from './context.js';
import { addDays, addWorkingDays, isWorkingDay, localDate, localTime, workingDaysBetween, type IsoDate } from './dates.js';
import type { Lang, Message } from './model.js';
import { enqueueDigests, type Notice } from './digest.js';
import { forumLanguage } from './meeting/protokoll-load.js';
import { memberName, templateName } from './render.js';
import { formButton } from './commands/texts.js';
import { chooseLang } from './lang.js';
import { CHANNEL, mayShow, person, type Audience } from './consent.js';

export type ReminderKind = 'before' | 'after' | 'escalate';

// A working day on which no tick ran (all replicas down) is caught up later: the reminder after the
// due date until escalation time, the escalation for this many working days more. Keys carry the due
// date, so a caught-up message still goes out only once.
const CATCH_UP_WORKING_DAYS = 5;

/** The due-date ranges [from, to) that get each kind of message on `today` (a working day). */
export function reminderWindows(today: IsoDate, escalateAfter: number): Record<ReminderKind, [IsoDate, IsoDate]> {
  const next = addWorkingDays(today, 1);
  const escFrom = addWorkingDays(today, -escalateAfter);
  return {
    // The working day before: due tomorrow, or on the days off before the next working day (incl. it).
    before: [addDays(today, 1), addDays(next, 1)],
    // The morning after it passed (due on the previous working day or the days off since), or later
    // if that morning was missed, until it is late enough to escalate.
    after: [escFrom < addWorkingDays(today, -1) ? escFrom : addWorkingDays(today, -1), today],
    // N working days late: due on the working day N back or the days off that follow it (plus catch-up).
    escalate: [addWorkingDays(escFrom, -CATCH_UP_WORKING_DAYS), addWorkingDays(escFrom, 1)],
  };
}

/** True when reminders go out at `now`: a working day, at or after the configured morning hour. */
export function remindersOpen(cfg: FileConfig, now: Date): boolean {
  return isWorkingDay(localDate(now)) && localTime(now) >= cfg.reminders.at;
}

interface Item {
  kind: 'step' | 'handover';
  id: number;
  forumKey: string;
  caseId: number;
  ownerId: number;
  due: IsoDate;
  text: string;
}

/** Queues today's reminders and escalations, one digest per person and per channel; returns how many were queued. */
export async function enqueueReminders(store: Store, cfg: FileConfig, now: Date): Promise<number> {
  if (!remindersOpen(cfg, now)) return 0;
  const today = localDate(now);
  const windows = reminderWindows(today, cfg.reminders.escalateAfterWorkingDays);
  const due: { kind: ReminderKind; item: Item }[] = [];
  const kinds = ['before', 'after', 'escalate'] as const;
  const found = await Promise.all(kinds.map((kind) => Promise.all([store.steps.openDueIn(...windows[kind]), store.handovers.openDueIn(...windows[kind])])));
  for (const [k, kind] of kinds.entries()) {
    const [steps, handovers] = found[k];
    for (const s of steps) due.push({ kind, item: { kind: 'step', id: s.id, forumKey: s.forumKey, caseId: s.caseId, ownerId: s.ownerId, due: s.dueDate, text: s.text ?? '…' } });
    for (const x of handovers) {
      const name = templateName(cfg, x.templateKey);
      due.push({ kind, item: { kind: 'handover', id: x.id, forumKey: x.forumKey, caseId: x.caseId, ownerId: x.toMemberId, due: x.dueDate, text: name } });
    }
  }
  if (!due.length) return 0;
  // Skip what an earlier tick today already queued, before building anything.
  const keyOf = (k: ReminderKind, i: Item, to?: string) => `remind:${i.kind}-${i.id}:${k}:${i.due}${to ? `:${to}` : ''}`;
  const allKeys = due.flatMap(({ kind, item }) => (kind === 'escalate' ? [keyOf(kind, item, 'coordinator'), keyOf(kind, item, 'channel')] : [keyOf(kind, item)]));
  const done = await store.outbox.existingKeys(allKeys);
  const todo = due.filter(({ kind, item }) => (kind === 'escalate' ? !done.has(keyOf(kind, item, 'coordinator')) || !done.has(keyOf(kind, item, 'channel')) : !done.has(keyOf(kind, item))));
  if (!todo.length) return 0;

  const [people, codes, forums, cases] = await Promise.all([
    store.members.byIds(todo.map((d) => d.item.ownerId)),
    store.cases.codesByIds(todo.map((d) => d.item.caseId)),
    store.forums.all().then((fs) => new Map(fs.map((f) => [f.key, f]))),
    store.cases.byIds(todo.filter((d) => d.kind === 'escalate').map((d) => d.item.caseId)),
  ]);
  const coordinators = new Map<string, MemberRow | null>();
  // What each recipient is told today, gathered into one digest per person and per channel (digest.ts).
  const notices: Notice[] = [];
  for (const { kind, item } of todo) {
    const owner = people.get(item.ownerId);
    const forum = forums.get(item.forumKey);
    const code = codes.get(item.caseId) ?? '?';
    if (!forum) continue;
    if (kind !== 'escalate') {
      if (!owner || done.has(keyOf(kind, item))) continue;
      const lang = langOf(cfg, owner);
      notices.push({ marker: keyOf(kind, item), recipient: `member-${owner.id}`, target: memberTarget(owner), lang, single: reminderText(lang, kind, item, code, forum), line: reminderLine(lang, kind, item, code), section: 'own', forum: forum.name, caseCode: code, lastChance: kind === 'before' });
      continue;
    }
    if (!coordinators.has(forum.key)) coordinators.set(forum.key, await coordinatorOf(store, forum));
    const coordinator = coordinators.get(forum.key);
    const days = workingDaysBetween(item.due, today);
    // An escalation reaches the coordinator and the channel: a step's text only with consent (consent.ts).
    const shown = (to: Audience, lang: Lang): Item => (item.kind === 'step' && !mayShow(cases.get(item.caseId), to, { kind: 'step', ownerId: item.ownerId }) ? { ...item, text: messages(lang).labels.stepWithoutConsent } : item);
    if (coordinator && !done.has(keyOf(kind, item, 'coordinator'))) {
      const lang = langOf(cfg, coordinator);
      const it = shown(person(coordinator.id), lang);
      notices.push({ marker: keyOf(kind, item, 'coordinator'), recipient: `member-${coordinator.id}`, target: memberTarget(coordinator), lang, single: escalationText(lang, it, code, forum, owner, days), line: `${lateLine(lang, it, code, days)} – ${memberName(owner)}`, section: 'coordinated', group: forum.name, forum: forum.name, caseCode: code });
    }
    // The channel speaks the forum's language, whoever typed last (issue 18).
    if (forum.channelId && !done.has(keyOf(kind, item, 'channel'))) {
      const lang = forumLanguage(cfg, forum.key);
      const it = shown(CHANNEL, lang);
      notices.push({ marker: keyOf(kind, item, 'channel'), recipient: `forum-${forum.key}`, target: channelTarget(forum), lang, single: escalationText(lang, it, code, forum, owner, days), line: lateLine(lang, it, code, days), section: 'channel', group: memberName(owner), forum: forum.name, caseCode: code });
    }
  }
  return enqueueDigests(store, notices, today, now);
}

function langOf(cfg: FileConfig, mem: MemberRow | null | undefined): Lang {
  return chooseLang(cfg.language, mem?.language);
}

export async function coordinatorOf(store: Store, forum: ForumRow): Promise<MemberRow | null> {
  // Same precedence as isCoordinator: the configured e-mail, else whoever linked the channel.
  if (forum.coordinatorEmail) return store.members.byEmail(forum.coordinatorEmail);
  return forum.coordinatorMemberId !== null ? store.members.byId(forum.coordinatorMemberId) : null;
}

function reminderText(lang: Lang, kind: 'before' | 'after', i: Item, code: string, forum: ForumRow): Message {
  const m = messages(lang);
  const p = { id: i.id, code, text: i.text, name: i.text, due: i.due, forum: forum.name };
  const text = i.kind === 'step' ? (kind === 'before' ? m.stepRemindBefore(p) : m.stepRemindAfter(p)) : kind === 'before' ? m.handoverRemindBefore(p) : m.handoverRemindAfter(p);
  const actions = i.kind === 'handover' ? [{ type: 'actions' as const, actions: [formButton({ id: 'handover-reply', label: m.buttons.reply }, 'handover.reply', lang, { id: String(i.id) })] }] : [];
  return { tone: kind === 'after' ? 'warning' : 'info', blocks: [{ type: 'text', text }, ...actions] };
}

function escalationText(lang: Lang, i: Item, code: string, forum: ForumRow, owner: MemberRow | undefined, days: number): Message {
  const m = messages(lang);
  const p = { id: i.id, code, text: i.text, name: i.text, due: i.due, owner: memberName(owner), days, forum: forum.name };
  return { tone: 'warning', blocks: [{ type: 'text', text: i.kind === 'step' ? m.stepEscalation(p) : m.handoverEscalation(p) }] };
}

/** A reminder as a line of the owner's digest. */
function reminderLine(lang: Lang, kind: 'before' | 'after', i: Item, code: string): string {
  const d = messages(lang).followup.digest;
  const p = { id: i.id, code, text: i.text, name: i.text, due: i.due };
  return i.kind === 'step' ? (kind === 'before' ? d.stepBefore(p) : d.stepAfter(p)) : kind === 'before' ? d.handoverBefore(p) : d.handoverAfter(p);
}

/** An escalation as a line of a digest (the channel's, under the owner; the coordinator's, under the forum). */
function lateLine(lang: Lang, i: Item, code: string, days: number): string {
  const d = messages(lang).followup.digest;
  const p = { id: i.id, code, text: i.text, name: i.text, due: i.due, days };
  return i.kind === 'step' ? d.stepLate(p) : d.handoverLate(p);
}
