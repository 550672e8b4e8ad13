// Handover loops (överlämningar): one organisation asks, the other owes an answer with fields from a
// template in config. `överlämning ny` starts a loop, `överlämning svar` validates and stores the answer
// and tells the asking side (flagging what falls short of the agreement).
import { type FileConfig, type HandoverFieldConfig, type HandoverTemplateConfig } from '../settings.js';
import type { ForumRow, HandoverRow, MemberRow, WritePost } from '../stores.js';
import { messages, type Messages } from '../../i18n/index.js';
import { channelTarget, memberTarget, type HandlerContext } from '../context.js';
import { addWorkingDays, isValidIsoDate, nextWorkingDay } from '../dates.js';
import { parseDate } from '../date-words.js';
import { UserError } from '../errors.js';
import { fold } from '../commands/words.js';
import { formButton } from '../commands/texts.js';
import type { Block, Lang, Message } from '../model.js';
import { memberName, orgName } from '../render.js';
import { requireReceiver, requireSender } from './handover-sides.js';
import { createFollowUp } from './follow-up.js';
import { caseInForum } from './cases.js';
import { movedNote, readDue, type Due } from '../due.js';
import { mayActOnOwned } from '../access.js';
import { person, shownText, type Audience } from '../consent.js';
import { chooseLang } from '../lang.js';
import { channelM } from '../voices.js';

const MAX_TEXT = 200;

export function templateOf(cfg: FileConfig, key: string): HandoverTemplateConfig | undefined {
  return cfg.handoverTemplates.find((t) => t.key === key);
}

function langOf(cfg: FileConfig, mem: MemberRow | null | undefined): Lang {
  return chooseLang(cfg.language, mem?.language);
}

export async function handoverNew(h: HandlerContext, cmd: { template: string; code: string; to: string; due: string | null }): Promise<void> {
  const tpl = templateOf(h.config, cmd.template);
  if (!tpl) throw new UserError('unknownTemplate', { key: cmd.template.slice(0, 40), keys: h.config.handoverTemplates.map((t) => t.key).join(', ') });
  const c = await caseInForum(h, cmd.code);
  if (c.status !== 'open') throw new UserError('caseClosed', { code: c.code });
  // A loop goes from one organisation to the other, as the agreement says.
  // A side may be one of several organisations (GGVV: any of the four municipalities); a
  // sub-organisation counts where its parent is named.
  // Either side may also be a role (`{ role: … }`, roles.ts): then the person must hold it.
  const forum = await h.forum();
  requireSender(h, tpl, forum);
  const receiver = await h.resolveMember(cmd.to);
  requireReceiver(h, tpl, forum, receiver);
  const typed: Due | null = cmd.due ? readDue(h.today, cmd.due) : null;
  const due = typed ? typed.date : addWorkingDays(h.today, tpl.dueWorkingDays);
  const x = await h.store.handovers.insert({
    templateKey: tpl.key,
    caseId: c.id,
    forumKey: forum.key,
    fromMemberId: h.member.id,
    fromOrganisationKey: h.organisation.key,
    toMemberId: receiver.id,
    toOrganisationKey: receiver.organisationKey,
    dueDate: due,
    createdAt: h.now,
  });
  await h.audit('handover.create', c.code, forum.key);
  const cm = channelM(h.config, forum.key); // the channel reads the forum's language (issue 18)
  const posted = cm.handoverPosted({ id: x.id, name: tpl.name, code: c.code, to: `${memberName(receiver)} (${orgName(h.config, receiver.organisationKey)})`, due });
  const text = [posted, typed ? movedNote(cm, typed) : ''].filter(Boolean).join(' ');
  await h.post(channelTarget(forum), { tone: 'info', blocks: [{ type: 'text', text }] }, `handover.new:${x.id}`, { caseCode: c.code });
  await h.post(memberTarget(receiver), handoverRequest(h.config, forum, x, tpl, c.code, h.member, langOf(h.config, receiver)), `handover.request:${x.id}`, { caseCode: c.code });
}

/** The receiver's direct message: what is asked, by when, and how to answer (fields, a button to the form). */
export function handoverRequest(cfg: FileConfig, forum: ForumRow, x: HandoverRow, tpl: HandoverTemplateConfig, code: string, from: MemberRow, lang: Lang): Message {
  const m = messages(lang);
  const example = tpl.fields.map((f) => `${f.key}=${fieldHint(m, f)}`).join(' ');
  return {
    title: `${m.forms.handoverReply} #${x.id}: ${tpl.name} (${code})`,
    summary: `${tpl.name} (${code})`,
    blocks: [
      { type: 'text', text: m.handoverRequest({ id: x.id, name: tpl.name, code, forum: forum.name, from: `${memberName(from)} (${orgName(cfg, x.fromOrganisationKey)})`, due: x.dueDate, description: tpl.description }) },
      { type: 'fields', fields: tpl.fields.map((f) => ({ label: f.optional ? `${f.label} (${m.fieldHint.optional})` : f.label, value: `${f.key}=${fieldHint(m, f)}` })) },
      { type: 'text', text: m.handoverHowTo({ id: x.id, example }) },
      { type: 'actions', actions: [formButton({ id: 'handover-reply', label: m.buttons.reply, style: 'primary' }, 'handover.reply', lang, { id: String(x.id) })] },
    ],
  };
}

function fieldHint(m: Messages, f: HandoverFieldConfig): string {
  if (f.type === 'choice') return (f.choices ?? []).join('|');
  return m.fieldHint[f.type];
}

/** Who may answer: the named receiver, or anyone of the receiving organisation (a colleague may cover). */
export async function answerable(h: HandlerContext, id: number): Promise<{ x: HandoverRow; tpl: HandoverTemplateConfig; channelForum: ForumRow | null }> {
  const x = await h.store.handovers.byId(id);
  const tpl = x ? templateOf(h.config, x.templateKey) : undefined;
  if (!x || !tpl) throw new UserError('handoverNotFound', { id: String(id) });
  // Access follows the case: in the forum's channel, or the named receiver in their own direct message.
  const where = { direct: Boolean(h.channel.direct), forum: await h.channelForum() };
  if (!mayActOnOwned(h.config, { forumKey: x.forumKey, ownerId: x.toMemberId }, h.member, where)) throw new UserError('handoverNotFound', { id: String(id) });
  if (x.toMemberId !== h.member.id && h.member.organisationKey !== x.toOrganisationKey) {
    throw new UserError('handoverNotReceiver', { id: String(id), org: orgName(h.config, x.toOrganisationKey) });
  }
  if (x.status !== 'open') throw new UserError('handoverAnswered', { id: String(id) });
  return { x, tpl, channelForum: where.forum };
}

export interface Shortfall {
  field: string;
  value: string;
  dependsOn: string;
  choice: string;
  min: number;
}

/** What is wrong with an answer, all at once: unknown keys, each bad value by field key, missing fields. */
export interface AnswerCheck {
  values: Record<string, string>;
  unknown: string[];
  errors: Record<string, UserError>;
  missing: HandoverFieldConfig[];
}

/** Checks every field against the template without stopping at the first problem (a form marks each field). */
export function checkAnswer(h: Pick<HandlerContext, 'today' | 'guard'>, tpl: HandoverTemplateConfig, given: Record<string, string>): AnswerCheck {
  const byFolded = new Map(tpl.fields.map((f) => [fold(f.key), f]));
  const unknown = Object.keys(given).filter((k) => !byFolded.has(fold(k)));
  const answer = new Map(Object.entries(given).map(([k, v]) => [fold(k), v.trim()]));
  const values: Record<string, string> = {};
  const errors: Record<string, UserError> = {};
  for (const f of tpl.fields) {
    const raw = answer.get(fold(f.key));
    if (!raw) continue;
    try {
      values[f.key] = fieldValue(h, f, raw);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      errors[f.key] = e;
    }
  }
  const missing = tpl.fields.filter((f) => !f.optional && !answer.get(fold(f.key)));
  return { values, unknown, errors, missing };
}

/** Checks every field against the template: unknown and missing fields are named, each value by its type. */
export function validateAnswer(h: Pick<HandlerContext, 'today' | 'guard'>, tpl: HandoverTemplateConfig, given: Record<string, string>): { values: Record<string, string>; shortfalls: Shortfall[] } {
  const c = checkAnswer(h, tpl, given);
  if (c.unknown.length) throw new UserError('handoverUnknownFields', { fields: c.unknown.join(', ').slice(0, 120), valid: tpl.fields.map((f) => f.key).join(', ') });
  // What was given is checked first, so identity data is refused even in an incomplete answer.
  const bad = tpl.fields.map((f) => c.errors[f.key]).find(Boolean);
  if (bad) throw bad;
  if (c.missing.length) throw new UserError('handoverMissingFields', { fields: c.missing.map((f) => f.key).join(', ') });
  return { values: c.values, shortfalls: shortfalls(tpl, c.values) };
}

function fieldValue(h: Pick<HandlerContext, 'today' | 'guard'>, f: HandoverFieldConfig, raw: string): string {
  const shown = raw.slice(0, 30);
  switch (f.type) {
    case 'date': {
      const d = parseDate(raw, h.today);
      if (!d || !isValidIsoDate(d)) throw new UserError('badFieldDate', { field: f.key, value: shown });
      return d;
    }
    case 'choice': {
      const c = f.choices?.find((x) => fold(x) === fold(raw));
      if (!c) throw new UserError('badFieldChoice', { field: f.key, value: shown, choices: (f.choices ?? []).join(', ') });
      return c;
    }
    case 'number': {
      const n = /^-?\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : NaN;
      if (!Number.isFinite(n) || (f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) {
        throw new UserError('badFieldNumber', { field: f.key, value: shown, range: `${f.min ?? '…'}–${f.max ?? '…'}` });
      }
      return String(n);
    }
    case 'member':
      // A colleague, as a mention (`@lena@helsingborg.se`, a Slack/Teams mention or people picker); resolved when stored.
      if (!/^@\S+$/.test(raw)) throw new UserError('badFieldMember', { field: f.key, value: raw.startsWith('@') ? shown : '…' });
      return raw;
    case 'text':
      if (raw.length > MAX_TEXT) throw new UserError('fieldTooLong', { field: f.key, max: String(MAX_TEXT) });
      h.guard(raw, f.label);
      return raw;
  }
}

/** What falls short of the agreement's expectation (e.g. SFI spår 2 at fewer than 30 h/week). */
function shortfalls(tpl: HandoverTemplateConfig, values: Record<string, string>): Shortfall[] {
  const rule = tpl.minimum;
  if (!rule) return [];
  const choice = values[rule.dependsOn];
  const min = choice === undefined ? undefined : rule.values[choice];
  const value = values[rule.field];
  if (min === undefined || value === undefined || Number(value) >= min) return [];
  return [{ field: rule.field, value, dependsOn: rule.dependsOn, choice, min }];
}

export async function handoverReply(h: HandlerContext, id: number, given: Record<string, string>): Promise<Message> {
  const { x, tpl, channelForum } = await answerable(h, id);
  const { values, shortfalls: short } = validateAnswer(h, tpl, given);
  for (const f of tpl.fields) {
    if (f.type !== 'member' || values[f.key] === undefined) continue;
    const who = await h.resolveMember(values[f.key]);
    values[f.key] = `member:${who.id}`;
  }
  const flags = short.map((s) => `minimum:${s.field}:${s.min}`);
  // Everything is read and built first; the write is one statement (handovers.answerWithPosts): the
  // answer, its audit line and both posts.
  const answered: HandoverRow = { ...x, fields: values, flags, status: 'answered', answeredBy: h.member.id, answeredAt: h.now };
  const theCase = (await h.store.cases.byIds([x.caseId])).get(x.caseId);
  const code = theCase?.code ?? '?';
  const people = await h.store.members.byIds([x.fromMemberId, ...fieldMemberIds(tpl, answered)]);
  const sender = people.get(x.fromMemberId) ?? null;
  const forum = channelForum?.key === x.forumKey ? channelForum : await h.store.forums.byKey(x.forumKey);
  const posts: WritePost[] = [];
  if (sender) posts.push({ target: memberTarget(sender), payload: answerMessage(tpl, answered, code, short, langOf(h.config, sender), theCase, person(sender.id), people), key: `handover.answer:${x.id}`, caseCode: code });
  if (forum?.channelId) {
    const text = channelM(h.config, forum.key).handoverAnsweredChannel({ id: x.id, name: tpl.name, code });
    posts.push({ target: channelTarget(forum), payload: { tone: 'success', blocks: [{ type: 'text', text }] }, key: `handover.answered:${x.id}`, caseCode: code });
  }
  const written = await h.store.handovers.answerWithPosts(x.id, { fields: values, flags, by: h.member.id }, h.oneWrite('handover.reply', code, x.forumKey, posts));
  if (!written) throw new UserError('handoverAnswered', { id: String(id) });
  h.written(written);
  if (tpl.recurEveryMonths && forum) await recur(h, forum, answered, tpl, code);
  if (tpl.followUp && forum && theCase?.status === 'open') await createFollowUp(h, forum, answered, tpl, theCase);
  return { tone: 'success', blocks: [{ type: 'text', text: h.m.handoverAnsweredReply({ id: x.id, to: memberName(sender ?? undefined) }) }] };
}

/** What the asking side reads: the answer field by field, and a warning for each shortfall. */
export function answerMessage(tpl: HandoverTemplateConfig, x: HandoverRow, code: string, short: Shortfall[], lang: Lang, c: { consent: string } | undefined, to: Audience, people: Map<number, MemberRow>): Message {
  const m = messages(lang);
  const label = (key: string) => tpl.fields.find((f) => f.key === key)?.label ?? key;
  const blocks: Block[] = [{ type: 'fields', fields: tpl.fields.filter((f) => x.fields?.[f.key] !== undefined).map((f) => ({ label: f.label, value: fieldShown(m, f, x, c, to, people) })) }];
  for (const s of short) blocks.push({ type: 'text', text: m.handoverFlag({ ...s, field: label(s.field), dependsOn: label(s.dependsOn) }) });
  return { title: m.handoverAnsweredTitle({ id: x.id, name: tpl.name, code }), tone: short.length ? 'warning' : 'success', summary: `${tpl.name} (${code})`, blocks };
}

/** A mention field stores the colleague as `member:<id>`, never an address. */
export function memberIdOf(value: string): number | null {
  const m = /^member:(\d+)$/.exec(value);
  return m ? Number(m[1]) : null;
}

/** The colleagues named in a handover's mention fields. */
export function fieldMemberIds(tpl: HandoverTemplateConfig, x: HandoverRow): number[] {
  return tpl.fields.filter((f) => f.type === 'member').flatMap((f) => {
    const id = memberIdOf(x.fields?.[f.key] ?? '');
    return id === null ? [] : [id];
  });
}

/** One answered field as `to` may read it: free text only under the consent rule; a colleague by name. */
export function fieldShown(m: Messages, f: HandoverFieldConfig, x: HandoverRow, c: { consent: string } | undefined, to: Audience, people: Map<number, MemberRow> = new Map()): string {
  const v = x.fields?.[f.key];
  if (v === undefined) return '–';
  if (f.type === 'member') return memberName(people.get(memberIdOf(v) ?? -1));
  if (f.type !== 'text') return v;
  return shownText(m, c, to, { kind: 'handover', authorId: x.answeredBy ?? null }, v);
}

/** A recurring loop (e.g. every six months of employment) sets up its next round when answered. */
async function recur(h: HandlerContext, forum: ForumRow, x: HandoverRow, tpl: HandoverTemplateConfig, code: string): Promise<void> {
  const c = await h.store.cases.byCode(code);
  if (!c || c.status !== 'open') return;
  let due = nextWorkingDay(addMonths(x.dueDate, tpl.recurEveryMonths!));
  if (due <= h.today) due = nextWorkingDay(addMonths(h.today, tpl.recurEveryMonths!));
  const next = await h.store.handovers.insert({
    templateKey: tpl.key,
    caseId: x.caseId,
    forumKey: x.forumKey,
    fromMemberId: x.fromMemberId,
    fromOrganisationKey: x.fromOrganisationKey,
    toMemberId: x.toMemberId,
    toOrganisationKey: x.toOrganisationKey,
    dueDate: due,
    createdAt: h.now,
  });
  await h.audit('handover.create', code, forum.key);
  if (forum.channelId) {
    const text = channelM(h.config, forum.key).handoverNextLoop({ id: next.id, name: tpl.name, code, due });
    await h.post(channelTarget(forum), { tone: 'info', blocks: [{ type: 'text', text }] }, `handover.new:${next.id}`, { caseCode: code });
  }
}

/** Same day of month N months later, clamped to the month's last day (31 Aug + 6 → 28/29 Feb). */
export function addMonths(date: string, n: number): string {
  const [y, mo, d] = date.split('-').map(Number);
  const total = y * 12 + (mo - 1) + n;
  const [ny, nm] = [Math.floor(total / 12), (total % 12) + 1];
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
