// A template's follow-up (issue 17): once the loop is answered, someone owes a next step — e.g. SFI
// answered → AF "Fatta UTA-beslut" within five working days. It is an ordinary step on the case, so it
// is reminded, escalated, followed up on the agenda, shown in `mina` and counted like any other.
import { messages } from '../../i18n/index.js';
import { CHANNEL } from '../consent.js';
import { channelTarget, memberTarget, type HandlerContext } from '../context.js';
import { readDue } from '../due.js';
import { chooseLang } from '../lang.js';
import { memberName, stepTextShown } from '../render.js';
import { roleHolders } from '../roles.js';
import type { HandoverTemplateConfig } from '../settings.js';
import type { FollowUp } from '../settings-roles.js';
import type { CaseRow, ForumRow, HandoverRow, MemberRow } from '../stores.js';

/** The follow-up's owner: the asker, whoever answered, or the first holder of a role (else the asker). */
async function ownerOf(h: HandlerContext, forum: ForumRow, x: HandoverRow, owner: FollowUp['owner']): Promise<MemberRow | null> {
  const asker = await h.store.members.byId(x.fromMemberId);
  if (owner === 'asker') return asker;
  if (owner === 'receiver') return h.member;
  return (await roleHolders(h.store, h.config, owner.role, forum))[0] ?? asker;
}

export async function createFollowUp(h: HandlerContext, forum: ForumRow, x: HandoverRow, tpl: HandoverTemplateConfig, c: CaseRow): Promise<void> {
  const f = tpl.followUp!;
  const owner = await ownerOf(h, forum, x, f.owner);
  if (!owner) return;
  // `+5` counts from the day of the answer; a weekend or holiday moves to the next working day.
  const due = readDue(h.today, f.due).date;
  const step = await h.store.steps.insert({ caseId: c.id, forumKey: x.forumKey, ownerId: owner.id, ownerOrganisationKey: owner.organisationKey, dueDate: due, text: f.text, createdBy: h.member.id, createdAt: h.now });
  await h.audit('step.create', c.code, forum.key);
  if (forum.channelId) {
    const m = messages(h.config.forums.find((cf) => cf.key === forum.key)?.language ?? h.config.language);
    const text = m.members.followUpPosted({ id: step.id, code: c.code, text: stepTextShown(m, c, step, CHANNEL), due, owner: memberName(owner), template: tpl.name });
    await h.post(channelTarget(forum), { tone: 'info', blocks: [{ type: 'text', text }] }, `step.new:${step.id}`, { caseCode: c.code });
  }
  // The owner sees the step's text (the consent rule's owner exception), in their own language.
  const dm = messages(chooseLang(h.config.language, owner.language)).members.followUpAssigned({ id: step.id, code: c.code, text: f.text, due, template: tpl.name, forum: forum.name });
  await h.post(memberTarget(owner), { blocks: [{ type: 'text', text: dm }] }, `step.assigned:${step.id}`, { caseCode: c.code });
}
