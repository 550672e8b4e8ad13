import { movedNote, readDue } from '../due.js';
import { channelTarget, memberTarget, type HandlerContext } from '../context.js';
import { UserError } from '../errors.js';
import type { Message } from '../model.js';
import { memberName, stepTextShown } from '../render.js';
import { CHANNEL } from '../consent.js';
import { caseOf } from './cases.js';
import { NEW_ID_SLOT } from '../write-slot.js';
import type { ForumRow, WritePost } from '../stores.js';
import { mayActOnOwned, requireMayOwn } from '../access.js';
import { channelM, personM } from '../voices.js';

/**
 * A due date from the words a person typed, relative to today: refuses unknown words and past dates,
 * saying why; a weekend or holiday moves to the next working day (`movedNote` says so).
 */
export function dueDate(h: Pick<HandlerContext, 'today'>, word: string): string {
  return readDue(h.today, word).date;
}

/** `forum`: the channel's forum when the caller has read it already. */
export async function stepAdd(h: HandlerContext, cmd: { code: string; owner: string; due: string; text: string }, known?: ForumRow): Promise<void> {
  const forum = known ?? (await h.forum());
  const c = await caseOf(h, forum, cmd.code);
  if (c.status !== 'open') throw new UserError('caseClosed', { code: c.code });
  const typed = readDue(h.today, cmd.due);
  const due = typed.date;
  h.guard(cmd.text, h.m.labels.stepText);
  const owner = await h.resolveMember(cmd.owner);
  requireMayOwn(h.config, forum.key, owner, cmd.owner);
  // Everything is read and built first; the write is one statement (steps.addWithPosts): the step,
  // its audit line and its posts. The posts name the step's id, which only the statement knows.
  const id = NEW_ID_SLOT;
  // The channel reads the forum's language, the owner their own (issue 18).
  const cm = channelM(h.config, forum.key);
  const text = [cm.stepAdded({ id, code: c.code, owner: memberName(owner), due, text: stepTextShown(cm, c, { text: cmd.text, ownerId: owner.id, createdBy: h.member.id }, CHANNEL) }), movedNote(cm, typed)].filter(Boolean).join(' ');
  const posts: WritePost[] = [{ target: channelTarget(forum), payload: { tone: 'success', blocks: [{ type: 'text', text }] }, key: `step.new:${id}`, caseCode: c.code }];
  if (owner.id !== h.member.id) {
    const dm = personM(h.config, owner).stepAssigned({ id, code: c.code, due, text: cmd.text, forum: forum.name });
    posts.push({ target: memberTarget(owner), payload: { blocks: [{ type: 'text', text: dm }] }, key: `step.assigned:${id}`, caseCode: c.code });
  }
  const step = { caseId: c.id, forumKey: c.forumKey, ownerId: owner.id, ownerOrganisationKey: owner.organisationKey, dueDate: due, text: cmd.text, createdBy: h.member.id, createdAt: h.now };
  const written = await h.store.steps.addWithPosts({ ...h.oneWrite('step.create', c.code, c.forumKey, posts), step, slot: NEW_ID_SLOT });
  h.written(written.outbox);
}

export async function stepDone(h: HandlerContext, id: number): Promise<Message> {
  const step = await h.store.steps.byIdWithCode(id);
  // The owner may mark it done in a DM too; others only in the forum's channel (rules in access.ts).
  if (!step || !mayActOnOwned(h.config, step, h.member, { direct: Boolean(h.channel.direct), forum: await h.channelForum() })) throw new UserError('stepNotFound', { id: String(id) });
  if (step.status === 'done') throw new UserError('stepAlreadyDone', { id: String(id) });
  const c = step.caseCode ?? '?';
  // Someone else closed the owner's step: the owner is told, in their own language (issue 18).
  const posts: WritePost[] = [];
  if (step.ownerId !== h.member.id) {
    const owner = await h.store.members.byId(step.ownerId);
    if (owner) posts.push({ target: memberTarget(owner), payload: { tone: 'info', blocks: [{ type: 'text', text: personM(h.config, owner).followup.stepDoneByOther({ id, code: c, by: memberName(h.member) }) }] }, key: `step.done.owner:${id}`, caseCode: c });
  }
  // One statement: the step marked done (unless someone was first), its audit line, the owner's post.
  const written = await h.store.steps.doneWithPosts(id, h.oneWrite('step.done', c, step.forumKey, posts));
  if (!written) throw new UserError('stepAlreadyDone', { id: String(id) });
  h.written(written);
  return { tone: 'success', blocks: [{ type: 'text', text: h.m.stepDone({ id, code: c }) }] };
}
