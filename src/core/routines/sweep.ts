// The tick's routine sweep (issue 17). On a working day from the morning hour, each linked forum's
// routines get their occurrence when it comes within `leadWorkingDays` of its due day (the channel and,
// for a person, the owner are told); then it is reminded the working day before and the morning after,
// and escalated to the coordinator and the channel, like a step. The occurrence is unique per forum,
// routine and due day, made in one transaction with its first messages, and every message's key carries
// the occurrence and the due day: however many ticks or replicas run, each exists and goes out once.
import type { FileConfig, RoutineConfig } from '../settings.js';
import type { ForumRow, MemberRow, NewOutbox, RoutineOccurrenceRow, Store } from '../stores.js';
import { messages } from '../../i18n/index.js';
import { channelTarget, memberTarget } from '../context.js';
import { addWorkingDays, localDate, workingDaysBetween } from '../dates.js';
import { chooseLang } from '../lang.js';
import type { Lang, Message } from '../model.js';
import { commandButton } from '../commands/texts.js';
import { coordinatorOf, reminderWindows, remindersOpen, type ReminderKind } from '../reminders.js';
import { ownerKey, ownerMember, ownerText, routineOf } from './owner.js';
import { routineDueDates } from './rule.js';

const langOf = (cfg: FileConfig, mem: MemberRow | null | undefined): Lang => chooseLang(cfg.language, mem?.language);
const forumLang = (cfg: FileConfig, forum: ForumRow): Lang => cfg.forums.find((f) => f.key === forum.key)?.language ?? cfg.language;

function text(lang: Lang, t: string, id: number, tone: Message['tone'] = 'info', button = true): Message {
  const done = commandButton({ id: 'routine-done', label: messages(lang).buttons.markDone }, 'routine.done', lang, { id });
  return { tone, blocks: [{ type: 'text', text: t }, ...(button ? [{ type: 'actions' as const, actions: [done] }] : [])] };
}

/** Creates the occurrences coming due and queues reminders; returns how many messages were queued. */
export async function sweepRoutines(store: Store, cfg: FileConfig, now: Date): Promise<number> {
  if (!cfg.routines.length || !remindersOpen(cfg, now)) return 0;
  const today = localDate(now);
  const forums = new Map((await store.forums.linked()).map((f) => [f.key, f]));
  let queued = 0;
  for (const r of cfg.routines) {
    const forum = forums.get(r.forum);
    if (!forum) continue;
    for (const due of routineDueDates(r.rule, cfg.calendar.terms, today, addWorkingDays(today, r.leadWorkingDays))) {
      queued += await store.transaction((tx) => createOccurrence(tx, cfg, forum, r, due, now));
    }
  }
  return queued + (await remind(store, cfg, forums, now));
}

async function createOccurrence(store: Store, cfg: FileConfig, forum: ForumRow, r: RoutineConfig, due: string, now: Date): Promise<number> {
  const owner = await ownerMember(store, cfg, r.owner, forum);
  const o = await store.routines.ensure({ forumKey: forum.key, routineKey: r.key, dueDate: due, owner: ownerKey(r.owner), ownerMemberId: owner?.id ?? null, createdAt: now });
  if (!o) return 0; // another tick or replica made it, with its messages
  const p = (lang: Lang) => ({ id: o.id, name: r.name, text: r.text, due, owner: ownerText(cfg, r.owner, owner), forum: forum.name });
  const lang = forumLang(cfg, forum);
  const rows: NewOutbox[] = [{ key: `routine.created:${o.id}`, target: channelTarget(forum), payload: text(lang, messages(lang).routines.created(p(lang)), o.id), nextAttemptAt: now, createdAt: now }];
  if (owner) {
    const l = langOf(cfg, owner);
    rows.push({ key: `routine.assigned:${o.id}`, target: memberTarget(owner), payload: text(l, messages(l).routines.created(p(l)), o.id), nextAttemptAt: now, createdAt: now });
  }
  return (await store.outbox.enqueue(rows)).length;
}

async function remind(store: Store, cfg: FileConfig, forums: Map<string, ForumRow>, now: Date): Promise<number> {
  const today = localDate(now);
  const windows = reminderWindows(today, cfg.reminders.escalateAfterWorkingDays);
  const rows: NewOutbox[] = [];
  const keyOf = (o: RoutineOccurrenceRow, kind: ReminderKind, to: string) => `remind:routine-${o.id}:${kind}:${o.dueDate}:${to}`;
  for (const kind of ['before', 'after', 'escalate'] as const) {
    for (const o of await store.routines.openDueIn(...windows[kind])) {
      const r = routineOf(cfg, o);
      const forum = forums.get(o.forumKey);
      if (!r || !forum) continue;
      // A person who first talked to the bot after the occurrence was made is found now.
      const owner = o.ownerMemberId !== null ? await store.members.byId(o.ownerMemberId) : await ownerMember(store, cfg, r.owner, forum);
      const base = { id: o.id, name: r.name, due: o.dueDate, forum: forum.name };
      if (kind !== 'escalate') {
        // To the person; an organisation's routine is reminded in the forum's channel.
        const lang = owner ? langOf(cfg, owner) : forumLang(cfg, forum);
        const p = { ...base, owner: ownerText(cfg, r.owner, owner) };
        const t = kind === 'before' ? messages(lang).routines.remindBefore(p) : messages(lang).routines.remindAfter(p);
        rows.push({ key: keyOf(o, kind, owner ? 'owner' : 'channel'), target: owner ? memberTarget(owner) : channelTarget(forum), payload: text(lang, t, o.id, kind === 'after' ? 'warning' : 'info'), nextAttemptAt: now, createdAt: now });
        continue;
      }
      const days = workingDaysBetween(o.dueDate, today);
      const coordinator = await coordinatorOf(store, forum);
      if (coordinator) {
        const l = langOf(cfg, coordinator);
        rows.push({ key: keyOf(o, kind, 'coordinator'), target: memberTarget(coordinator), payload: text(l, messages(l).routines.escalation({ ...base, owner: ownerText(cfg, r.owner, owner), days }), o.id, 'warning', false), nextAttemptAt: now, createdAt: now });
      }
      const l = forumLang(cfg, forum);
      rows.push({ key: keyOf(o, kind, 'channel'), target: channelTarget(forum), payload: text(l, messages(l).routines.escalation({ ...base, owner: ownerText(cfg, r.owner, owner), days }), o.id, 'warning', false), nextAttemptAt: now, createdAt: now });
    }
  }
  if (!rows.length) return 0;
  const done = await store.outbox.existingKeys(rows.map((x) => x.key));
  const todo = rows.filter((x) => !done.has(x.key));
  return todo.length ? (await store.outbox.enqueue(todo)).length : 0;
}
