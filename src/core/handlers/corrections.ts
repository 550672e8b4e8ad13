// `ärende ändra` and `ärende radera` (issue 15): the raiser or the coordinator corrects what was typed
// about a case, or — for identity data that slipped past the guard — erases its free text at once.
// Every change is checked by the guard, audited (without text) and told to the people concerned.
import type { CaseRow } from '../stores.js';
import { channelTarget, memberTarget, type HandlerContext } from '../context.js';
import { UserError } from '../errors.js';
import type { Consent } from '../grammar.js';
import type { Message } from '../model.js';
import { isCoordinator } from '../access.js';
import { categoryText, groupsText, memberName } from '../render.js';
import { purgeCase } from '../retention.js';
import { caseInForum, checkGroups } from './cases.js';

function requireMayEdit(h: HandlerContext, forum: Parameters<typeof isCoordinator>[0], c: CaseRow): void {
  if (c.raisedBy !== h.member.id && !isCoordinator(forum, h.member)) throw new UserError('editNotAllowed', { code: c.code });
}

export async function caseEdit(h: HandlerContext, cmd: { code: string; text: string | null; groups: string[] | null; consent: Consent | null; category: string | null }): Promise<Message> {
  const c = await caseInForum(h, cmd.code);
  const forum = await h.forum();
  requireMayEdit(h, forum, c);
  if (c.status !== 'open') throw new UserError('caseClosed', { code: c.code });
  if (cmd.groups) checkGroups(h.config, cmd.groups);
  if (cmd.category !== null && !(cmd.category in h.config.questionCategories)) {
    throw new UserError('unknownCategory', { value: cmd.category.slice(0, 30), categories: Object.keys(h.config.questionCategories).join(', ') || '–' });
  }
  if (cmd.text !== null) h.guard(cmd.text, h.m.labels.question);
  const p = h.m.corrections.parts;
  const what: string[] = [];
  const set: Parameters<typeof h.store.cases.update>[1] = {};
  if (cmd.text !== null) (set.question = cmd.text), what.push(p.question!);
  if (cmd.groups) (set.targetGroups = cmd.groups), what.push(`${p.groups}: ${groupsText(h.config, h.m, cmd.groups)}`);
  if (cmd.consent) (set.consent = cmd.consent), what.push(`${p.consent}: ${h.m.consent[cmd.consent] ?? cmd.consent}`);
  if (cmd.category !== null) (set.category = cmd.category), what.push(`${p.category}: ${categoryText(h.config, h.m, cmd.category)}`);
  await h.store.cases.update(c.id, set);
  await h.audit('case.edit', c.code, c.forumKey);
  const list = what.join(', ');
  // The channel reads which parts changed, never the new text itself (the case line shows it where consent allows).
  await h.post(channelTarget(forum), { tone: 'info', blocks: [{ type: 'text', text: h.m.corrections.caseEdited({ code: c.code, what: list, by: memberName(h.member) }) }] }, `case.edit:${c.code}:${h.now.getTime()}`, { caseCode: c.code });
  if (c.raisedBy !== h.member.id) {
    const raiser = await h.store.members.byId(c.raisedBy);
    if (raiser) await h.post(memberTarget(raiser), { blocks: [{ type: 'text', text: h.m.corrections.caseEdited({ code: c.code, what: list, by: memberName(h.member) }) }] }, `case.edit.raiser:${c.code}:${h.now.getTime()}`, { caseCode: c.code });
  }
  return { tone: 'success', blocks: [{ type: 'text', text: h.m.corrections.caseEditedReply({ code: c.code, what: list }) }] };
}

/** `ärende radera <kod>` (coordinator): the retention purge, now, for this case; statistics stay. */
export async function caseErase(h: HandlerContext, code: string): Promise<Message> {
  const c = await caseInForum(h, code);
  const forum = await h.forum();
  if (!isCoordinator(forum, h.member)) throw new UserError('notCoordinator');
  await purgeCase(h.store, c, h.now, { codes: [], steps: 0, handovers: 0, outbox: 0, meetings: 0 });
  await h.audit('case.erase', c.code, c.forumKey);
  const text = h.m.corrections.caseErased({ code: c.code });
  await h.post(channelTarget(forum), { tone: 'warning', blocks: [{ type: 'text', text }] }, `case.erase:${c.code}:${h.now.getTime()}`);
  return { tone: 'success', blocks: [{ type: 'text', text }] };
}

/** Closing a case closes its open steps with it and tells their owners; returns the step ids closed. */
export async function closeStepsWithCase(h: HandlerContext, c: CaseRow): Promise<number[]> {
  const closed = await h.store.steps.closeOpenOfCase(c.id, h.now);
  if (!closed.length) return [];
  await h.audit('step.close', c.code, c.forumKey);
  const owners = await h.store.members.byIds(closed.map((s) => s.ownerId));
  for (const s of closed) {
    const owner = owners.get(s.ownerId);
    if (owner && owner.id !== h.member.id) await h.post(memberTarget(owner), { blocks: [{ type: 'text', text: h.m.corrections.stepClosedOwner({ id: s.id, code: c.code }) }] }, `step.closed:${s.id}`, { caseCode: c.code });
  }
  return closed.map((s) => s.id);
}
