// `åtgärd ändra`, `åtgärd stryk`, `överlämning visa`, `överlämning rätta` (issue 15). Access follows
// the case (access.ts): in the forum's channel, or in the person's own direct message for their own
// step or handover. What is shown follows the consent rule (consent.ts).
import type { HandoverRow, StepRow } from '../stores.js';
import { channelTarget, memberTarget, type HandlerContext } from '../context.js';
import { parseDate } from '../date-words.js';
import { UserError } from '../errors.js';
import type { Block, Message } from '../model.js';
import { isCoordinator, mayActOnOwned, requireMayOwn } from '../access.js';
import { CHANNEL, person, replyAudience, shownText } from '../consent.js';
import { localDate, localTime } from '../dates.js';
import { memberName, orgName, stepTextShown, templateName } from '../render.js';
import { dueDate } from './steps.js';
import { channelM, personM } from '../voices.js';
import type { Messages } from '../../i18n/index.js';
import { fieldMemberIds, fieldShown, templateOf, validateAnswer } from './handovers.js';

async function ownStep(h: HandlerContext, id: number): Promise<StepRow> {
  const step = await h.store.steps.byId(id);
  if (!step || !mayActOnOwned(h.config, step, h.member, { direct: Boolean(h.channel.direct), forum: await h.channelForum() })) throw new UserError('stepNotFound', { id: String(id) });
  if (step.status !== 'open') throw new UserError('stepNotOpen', { id: String(id) });
  const forum = await h.store.forums.byKey(step.forumKey);
  if (step.ownerId !== h.member.id && step.createdBy !== h.member.id && !(forum && isCoordinator(forum, h.member))) throw new UserError('stepEditNotAllowed', { id: String(id) });
  return step;
}

/** `åtgärd ändra <id> [@ägare] [datum] [text]`: the words in that order, each optional. */
export async function stepEdit(h: HandlerContext, cmd: { id: number; words: string[] }): Promise<Message> {
  const step = await ownStep(h, cmd.id);
  let words = cmd.words;
  let ownerToken: string | null = null;
  let due: string | null = null;
  if (words[0]?.startsWith('@')) [ownerToken, ...words] = words;
  if (words[0] && parseDate(words[0], h.today)) {
    due = dueDate(h, words[0]);
    words = words.slice(1);
  }
  const text = words.length ? words.join(' ') : null;
  if (!ownerToken && !due && !text) throw new UserError('stepEditNothing', { id: String(cmd.id) });
  if (text !== null) h.guard(text, h.m.labels.stepText);
  const c = (await h.store.cases.byIds([step.caseId])).get(step.caseId);
  const code = c?.code ?? '?';
  const set: Parameters<typeof h.store.steps.update>[1] = {};
  let owner = ownerToken ? await h.resolveMember(ownerToken) : null;
  if (owner) {
    requireMayOwn(h.config, step.forumKey, owner, ownerToken!);
    if (owner.id === step.ownerId) owner = null;
    else (set.ownerId = owner.id), (set.ownerOrganisationKey = owner.organisationKey);
  }
  if (due) set.dueDate = due;
  if (text !== null) set.text = text;
  // Which parts changed, in the words of whoever reads it (the channel, the owner, the typer).
  const listIn = (m: Messages) => {
    const p = m.corrections.parts;
    return [...(owner ? [`${p.owner}: ${memberName(owner)}`] : []), ...(due ? [`${p.due}: ${due}`] : []), ...(text !== null ? [p.text!] : [])].join(', ');
  };
  if (!listIn(h.m)) throw new UserError('stepEditNothing', { id: String(cmd.id) });
  const updated = await h.store.steps.update(step.id, set);
  await h.audit('step.edit', code, step.forumKey);
  const list = listIn(h.m);
  const forum = await h.store.forums.byKey(step.forumKey);
  const key = `step.edit:${step.id}:${h.now.getTime()}`;
  const cm = channelM(h.config, step.forumKey); // the channel reads the forum's language (issue 18)
  if (forum?.channelId) await h.post(channelTarget(forum), { tone: 'info', blocks: [{ type: 'text', text: cm.corrections.stepEdited({ id: step.id, code, what: listIn(cm) }) }] }, key, { caseCode: code });
  const previous = await h.store.members.byId(step.ownerId);
  if (owner) {
    // The new owner is told the step (its text: they own it now); the old owner that it left them.
    const dm = personM(h.config, owner).corrections.stepNewOwner({ id: step.id, code, text: stepTextShown(personM(h.config, owner), c, updated, person(owner.id)), due: updated.dueDate, forum: forum?.name ?? step.forumKey });
    if (owner.id !== h.member.id) await h.post(memberTarget(owner), { blocks: [{ type: 'text', text: dm }] }, `${key}:new-owner`, { caseCode: code });
    if (previous && previous.id !== h.member.id) await h.post(memberTarget(previous), { blocks: [{ type: 'text', text: personM(h.config, previous).corrections.stepOldOwner({ id: step.id, code, owner: memberName(owner) }) }] }, `${key}:old-owner`, { caseCode: code });
  } else if (previous && previous.id !== h.member.id) {
    await h.post(memberTarget(previous), { blocks: [{ type: 'text', text: personM(h.config, previous).corrections.stepChangedOwner({ id: step.id, code, what: listIn(personM(h.config, previous)) }) }] }, `${key}:owner`, { caseCode: code });
  }
  return { tone: 'success', blocks: [{ type: 'text', text: h.m.corrections.stepEdited({ id: step.id, code, what: list }) }] };
}

/** `åtgärd stryk <id> [orsak]`: the step is struck (not done); owner and channel are told. */
export async function stepStrike(h: HandlerContext, cmd: { id: number; reason: string | null }): Promise<Message> {
  const step = await ownStep(h, cmd.id);
  if (cmd.reason) h.guard(cmd.reason);
  const c = (await h.store.cases.byIds([step.caseId])).get(step.caseId);
  const code = c?.code ?? '?';
  await h.store.steps.update(step.id, { status: 'struck', doneAt: h.now });
  await h.audit('step.strike', code, step.forumKey);
  const reason = (to: Parameters<typeof shownText>[2], m: Messages = h.m) => (cmd.reason ? shownText(m, c, to, { kind: 'note', authorId: h.member.id }, cmd.reason) : '');
  const forum = await h.store.forums.byKey(step.forumKey);
  const key = `step.strike:${step.id}`;
  if (forum?.channelId) await h.post(channelTarget(forum), { tone: 'info', blocks: [{ type: 'text', text: channelM(h.config, step.forumKey).corrections.stepStruck({ id: step.id, code, reason: reason(CHANNEL, channelM(h.config, step.forumKey)) }) }] }, key, { caseCode: code });
  const owner = await h.store.members.byId(step.ownerId);
  if (owner && owner.id !== h.member.id) await h.post(memberTarget(owner), { blocks: [{ type: 'text', text: personM(h.config, owner).corrections.stepStruckOwner({ id: step.id, code, reason: reason(person(owner.id), personM(h.config, owner)) }) }] }, `${key}:owner`, { caseCode: code });
  return { tone: 'success', blocks: [{ type: 'text', text: h.m.corrections.stepStruck({ id: step.id, code, reason: reason(replyAudience(h.channel, h.member.id)) }) }] };
}

/** A handover either side may read: the asking and the answering person, or anyone of the forum in its channel. */
async function visibleHandover(h: HandlerContext, id: number): Promise<HandoverRow> {
  const x = await h.store.handovers.byId(id);
  const where = { direct: Boolean(h.channel.direct), forum: await h.channelForum() };
  const mine = (ownerId: number) => mayActOnOwned(h.config, { forumKey: x!.forumKey, ownerId }, h.member, where);
  if (!x || !(mine(x.toMemberId) || mine(x.fromMemberId))) throw new UserError('handoverNotFound', { id: String(id) });
  return x;
}

/** `överlämning visa <id>`: the answer, who answered and when, and any flag (e.g. the SFI scope). */
export async function handoverShow(h: HandlerContext, id: number): Promise<Message> {
  const x = await visibleHandover(h, id);
  const tpl = templateOf(h.config, x.templateKey);
  const c = (await h.store.cases.byIds([x.caseId])).get(x.caseId);
  const code = c?.code ?? '?';
  await h.audit('handover.read', code, x.forumKey);
  const name = templateName(h.config, x.templateKey);
  const people = await h.store.members.byIds([x.toMemberId, x.fromMemberId, ...(x.answeredBy ? [x.answeredBy] : []), ...(tpl ? fieldMemberIds(tpl, x) : [])]);
  // In the channel the forum reads along; in a direct message only the person.
  const to = h.channel.direct ? person(h.member.id) : CHANNEL;
  const blocks: Block[] = [];
  if (x.status !== 'answered') blocks.push({ type: 'text', text: h.m.corrections.handoverOpen({ due: x.dueDate, to: `${memberName(people.get(x.toMemberId))} (${orgName(h.config, x.toOrganisationKey)})` }) });
  else {
    if (tpl) blocks.push({ type: 'fields', fields: tpl.fields.filter((f) => x.fields?.[f.key] !== undefined).map((f) => ({ label: f.label, value: fieldShown(h.m, f, x, c, to, people) })) });
    else if (x.fields === null) blocks.push({ type: 'text', text: h.m.labels.purged });
    const at = x.answeredAt ? `${localDate(x.answeredAt)} ${localTime(x.answeredAt)}` : '?';
    blocks.push({ type: 'text', text: h.m.corrections.handoverAnsweredBy({ who: memberName(people.get(x.answeredBy ?? -1)), at }) });
    for (const flag of x.flags ?? []) {
      const [, field, min] = /^minimum:([^:]+):(\d+)$/.exec(flag) ?? [];
      if (!field || !tpl?.minimum) continue;
      const label = (k: string) => tpl.fields.find((f) => f.key === k)?.label ?? k;
      blocks.push({ type: 'text', text: h.m.handoverFlag({ field: label(field), value: x.fields?.[field] ?? '?', dependsOn: label(tpl.minimum.dependsOn), choice: x.fields?.[tpl.minimum.dependsOn] ?? '?', min: Number(min) }) });
    }
  }
  return { title: h.m.corrections.handoverTitle({ id: x.id, name, code }), summary: code, blocks };
}

/** `överlämning rätta <id> <fält>=<värde> …`: the answering side corrects an answer; the asking side is told what changed. */
export async function handoverCorrect(h: HandlerContext, id: number, given: Record<string, string>): Promise<Message> {
  const x = await visibleHandover(h, id);
  const tpl = templateOf(h.config, x.templateKey);
  if (!tpl) throw new UserError('handoverNotFound', { id: String(id) });
  if (x.toMemberId !== h.member.id && h.member.organisationKey !== x.toOrganisationKey) throw new UserError('handoverNotReceiver', { id: String(id), org: orgName(h.config, x.toOrganisationKey) });
  if (x.status !== 'answered' || !x.fields) throw new UserError('handoverNotAnsweredYet', { id: String(id) });
  // The corrected answer is checked whole, by the same rules as the first (guard included).
  const merged: Record<string, string> = {};
  for (const f of tpl.fields) {
    const old = x.fields[f.key];
    const memberId = old?.startsWith('member:') ? Number(old.slice(7)) : null;
    if (old !== undefined) merged[f.key] = memberId !== null ? `@member:${memberId}` : old;
  }
  const byFolded = (k: string) => tpl.fields.find((f) => f.key.toLowerCase() === k.toLowerCase() || f.key.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase() === k)?.key ?? k;
  for (const [k, v] of Object.entries(given)) merged[byFolded(k)] = v;
  const placeholder = Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, v.startsWith('@member:') ? '@keep' : v]));
  const { values, shortfalls } = validateAnswer(h, tpl, placeholder);
  const changed: string[] = [];
  for (const f of tpl.fields) {
    if (values[f.key] === undefined) continue;
    if (f.type === 'member') {
      if (merged[f.key]?.startsWith('@member:')) values[f.key] = merged[f.key].slice(1);
      else values[f.key] = `member:${(await h.resolveMember(values[f.key])).id}`;
    }
    if (values[f.key] !== x.fields[f.key]) changed.push(f.key);
  }
  const updated = await h.store.handovers.correct(x.id, { fields: values, flags: shortfalls.map((s) => `minimum:${s.field}:${s.min}`) });
  const c = (await h.store.cases.byIds([x.caseId])).get(x.caseId);
  const code = c?.code ?? '?';
  await h.audit('handover.correct', code, x.forumKey);
  const sender = await h.store.members.byId(x.fromMemberId);
  if (sender && changed.length) {
    const people = await h.store.members.byIds(fieldMemberIds(tpl, updated));
    // A direct message: in the asking side's own language, whoever corrected (issue 18).
    const sm = personM(h.config, sender);
    const fields = tpl.fields.filter((f) => changed.includes(f.key)).map((f) => ({ label: f.label, value: fieldShown(sm, f, updated, c, person(sender.id), people) }));
    const msg: Message = { title: sm.corrections.handoverCorrected({ id: x.id, name: tpl.name, code, who: memberName(h.member) }), summary: code, blocks: [{ type: 'text', text: sm.corrections.handoverCorrected({ id: x.id, name: tpl.name, code, who: memberName(h.member) }) }, { type: 'fields', fields }] };
    await h.post(memberTarget(sender), msg, `handover.correct:${x.id}:${h.now.getTime()}`, { caseCode: code });
  }
  return { tone: 'success', blocks: [{ type: 'text', text: h.m.corrections.handoverCorrectedReply({ id: x.id, to: memberName(sender ?? undefined) }) }] };
}
