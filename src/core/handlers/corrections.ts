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
import type { Messages } from '../../i18n/index.js';
import { channelM, personM } from '../voices.js';

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
  const set: Parameters<typeof h.store.cases.update>[1] = {};
  if (cmd.text !== null) set.question = cmd.text;
  if (cmd.groups) set.targetGroups = cmd.groups;
  if (cmd.consent) set.consent = cmd.consent;
  if (cmd.category !== null) set.category = cmd.category;
  // Which parts changed, in the words of whoever reads it (the channel, the raiser, the typer).
  const listIn = (m: Messages) => {
    const p = m.corrections.parts;
    const what: string[] = [];
    if (cmd.text !== null) what.push(p.question!);
    if (cmd.groups) what.push(`${p.groups}: ${groupsText(h.config, m, cmd.groups)}`);
    if (cmd.consent) what.push(`${p.consent}: ${m.consent[cmd.consent] ?? cmd.consent}`);
    if (cmd.category !== null) what.push(`${p.category}: ${categoryText(h.config, m, cmd.category)}`);
    return what.join(', ');
  };
  await h.store.cases.update(c.id, set);
  await h.audit('case.edit', c.code, c.forumKey);
  // The channel reads which parts changed, never the new text itself (the case line shows it where consent allows).
  const cm = channelM(h.config, forum.key);
  await h.post(channelTarget(forum), { tone: 'info', blocks: [{ type: 'text', text: cm.corrections.caseEdited({ code: c.code, what: listIn(cm), by: memberName(h.member) }) }] }, `case.edit:${c.code}:${h.now.getTime()}`, { caseCode: c.code });
  if (c.raisedBy !== h.member.id) {
    const raiser = await h.store.members.byId(c.raisedBy);
    const rm = personM(h.config, raiser);
    if (raiser) await h.post(memberTarget(raiser), { blocks: [{ type: 'text', text: rm.corrections.caseEdited({ code: c.code, what: listIn(rm), by: memberName(h.member) }) }] }, `case.edit.raiser:${c.code}:${h.now.getTime()}`, { caseCode: c.code });
  }
  return { tone: 'success', blocks: [{ type: 'text', text: h.m.corrections.caseEditedReply({ code: c.code, what: listIn(h.m) }) }] };
}

/** `ärende radera <kod>` (coordinator): the retention purge, now, for this case; statistics stay. */
export async function caseErase(h: HandlerContext, code: string): Promise<Message> {
  const c = await caseInForum(h, code);
  const forum = await h.forum();
  if (!isCoordinator(forum, h.member)) throw new UserError('notCoordinator');
  await purgeCase(h.store, c, h.now, { codes: [], steps: 0, handovers: 0, outbox: 0, meetings: 0 });
  await h.audit('case.erase', c.code, c.forumKey);
  const text = channelM(h.config, forum.key).corrections.caseErased({ code: c.code });
  await h.post(channelTarget(forum), { tone: 'warning', blocks: [{ type: 'text', text }] }, `case.erase:${c.code}:${h.now.getTime()}`);
  return { tone: 'success', blocks: [{ type: 'text', text: h.m.corrections.caseErased({ code: c.code }) }] };
}

/** Closing a case closes its open steps with it and tells their owners; returns the step ids closed. */
export async function closeStepsWithCase(h: HandlerContext, c: CaseRow): Promise<number[]> {
  const closed = await h.store.steps.closeOpenOfCase(c.id, h.now);
  if (!closed.length) return [];
  await h.audit('step.close', c.code, c.forumKey);
  const owners = await h.store.members.byIds(closed.map((s) => s.ownerId));
  for (const s of closed) {
    const owner = owners.get(s.ownerId);
    if (owner && owner.id !== h.member.id) await h.post(memberTarget(owner), { blocks: [{ type: 'text', text: personM(h.config, owner).corrections.stepClosedOwner({ id: s.id, code: c.code }) }] }, `step.closed:${s.id}`, { caseCode: c.code });
  }
  return closed.map((s) => s.id);
}
