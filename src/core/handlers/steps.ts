import { movedNote, readDue } from '../due.js';
import { channelTarget, memberTarget, type HandlerContext } from '../context.js';
import { UserError } from '../errors.js';
import type { Message } from '../model.js';
import { memberName, stepTextShown } from '../render.js';
import { CHANNEL } from '../consent.js';
import { caseInForum } from './cases.js';
import { mayActOnOwned, requireMayOwn } from '../access.js';
import { channelM, personM } from '../voices.js';

/**
 * A due date from the words a person typed, relative to today: refuses unknown words and past dates,
 * saying why; a weekend or holiday moves to the next working day (`movedNote` says so).
 */
export function dueDate(h: Pick<HandlerContext, 'today'>, word: string): string {
  return readDue(h.today, word).date;
}

export async function stepAdd(h: HandlerContext, cmd: { code: string; owner: string; due: string; text: string }): Promise<void> {
  const c = await caseInForum(h, cmd.code);
  if (c.status !== 'open') throw new UserError('caseClosed', { code: c.code });
  const typed = readDue(h.today, cmd.due);
  const due = typed.date;
  h.guard(cmd.text, h.m.labels.stepText);
  const owner = await h.resolveMember(cmd.owner);
  const forum = await h.forum();
  requireMayOwn(h.config, forum.key, owner, cmd.owner);
  const step = await h.store.steps.insert({
    caseId: c.id,
    forumKey: c.forumKey,
    ownerId: owner.id,
    ownerOrganisationKey: owner.organisationKey,
    dueDate: due,
    text: cmd.text,
    createdBy: h.member.id,
    createdAt: h.now,
  });
  await h.audit('step.create', c.code, c.forumKey);
  // The channel reads the forum's language, the owner their own (issue 18).
  const cm = channelM(h.config, forum.key);
  const text = [cm.stepAdded({ id: step.id, code: c.code, owner: memberName(owner), due, text: stepTextShown(cm, c, step, CHANNEL) }), movedNote(cm, typed)].filter(Boolean).join(' ');
  await h.post(channelTarget(forum), { tone: 'success', blocks: [{ type: 'text', text }] }, `step.new:${step.id}`, { caseCode: c.code });
  if (owner.id !== h.member.id) {
    const dm = personM(h.config, owner).stepAssigned({ id: step.id, code: c.code, due, text: cmd.text, forum: forum.name });
    await h.post(memberTarget(owner), { blocks: [{ type: 'text', text: dm }] }, `step.assigned:${step.id}`, { caseCode: c.code });
  }
}

export async function stepDone(h: HandlerContext, id: number): Promise<Message> {
  const step = await h.store.steps.byId(id);
  // The owner may mark it done in a DM too; others only in the forum's channel (rules in access.ts).
  if (!step || !mayActOnOwned(h.config, step, h.member, { direct: Boolean(h.channel.direct), forum: await h.channelForum() })) throw new UserError('stepNotFound', { id: String(id) });
  if (step.status === 'done') throw new UserError('stepAlreadyDone', { id: String(id) });
  await h.store.steps.markDone(id, h.now);
  const c = (await h.store.cases.codeById(step.caseId)) ?? '?';
  await h.audit('step.done', c, step.forumKey);
  // Someone else closed the owner's step: the owner is told, in their own language (issue 18).
  if (step.ownerId !== h.member.id) {
    const owner = await h.store.members.byId(step.ownerId);
    if (owner) await h.post(memberTarget(owner), { tone: 'info', blocks: [{ type: 'text', text: personM(h.config, owner).followup.stepDoneByOther({ id, code: c, by: memberName(h.member) }) }] }, `step.done.owner:${id}`, { caseCode: c });
  }
  return { tone: 'success', blocks: [{ type: 'text', text: h.m.stepDone({ id, code: c }) }] };
}
