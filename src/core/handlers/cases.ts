import type { FileConfig } from '../settings.js';
import type { CaseRow, ForumRow } from '../stores.js';
import { channelTarget, type HandlerContext } from '../context.js';
import { UserError } from '../errors.js';
import { labelOf, type Consent, type Outcome } from '../vocabulary.js';
import type { Block, Message } from '../model.js';
import { categoryText, groupsText, handoverLine, memberName, orgName, stepLine, caseLine, templateName } from '../render.js';
import { requireCoordinator, requireMayClose } from '../access.js';
import { mayShow, replyAudience } from '../consent.js';
import { localDate, localTime } from '../dates.js';
import { formatMeeting, upcomingMeeting } from '../schedule.js';
import { closeStepsWithCase } from './corrections.js';
import { commandLine, formButton } from '../commands/texts.js';
import { countLine, moreButton, noSuchPage, pageOf } from '../paging.js';
import { CASE_CODE_SLOT } from '../case-code.js';
import { channelM } from '../voices.js';

/** A case of this channel's forum, or a refusal that does not reveal whether it exists elsewhere. */
export async function caseInForum(h: HandlerContext, code: string): Promise<CaseRow> {
  return caseOf(h, await h.forum(), code);
}

/** The same, for a handler that has read the forum already. */
export async function caseOf(h: HandlerContext, forum: ForumRow, code: string): Promise<CaseRow> {
  const c = await h.store.cases.byCode(code);
  if (!c || c.forumKey !== forum.key) throw new UserError('caseNotFound', { code });
  return c;
}

/** Refuses a target group the config does not know (typed commands and forms alike). */
export function checkGroups(cfg: FileConfig, groups: string[]): void {
  for (const g of groups) {
    if (!(g in cfg.targetGroups)) throw new UserError('unknownGroup', { value: g, groups: Object.keys(cfg.targetGroups).join(', ') });
  }
}

export async function caseNew(h: HandlerContext, cmd: { groups: string[]; consent: Consent; question: string; category?: string | null }): Promise<void> {
  const forum = await h.forum();
  if (forum.kind !== 'case') throw new UserError('notCaseForum');
  checkGroups(h.config, cmd.groups);
  const category = cmd.category ?? null;
  if (category !== null && !(category in h.config.questionCategories)) {
    throw new UserError('unknownCategory', { value: category.slice(0, 30), categories: Object.keys(h.config.questionCategories).join(', ') || '–' });
  }
  h.guard(cmd.question, h.m.labels.question);
  const year = Number(h.today.slice(0, 4));
  // Everything is read and built before the write, which is one statement (cases.raiseWithPost):
  // the forum's case counter is locked only from that statement to the commit.
  const next = await upcomingMeeting(h.store, forum, h.now);
  const code = CASE_CODE_SLOT;
  // The channel post is in the forum's language, whoever raised the case (issue 18).
  const cm = channelM(h.config, forum.key);
  const msg: Message = {
    tone: 'success',
    summary: code,
    blocks: [
      { type: 'text', text: cm.caseRaised({ code, forum: forum.name, next: next ? formatMeeting(cm, next.start) : cm.labels.noMeeting }) },
      {
        type: 'fields',
        fields: [
          { label: cm.labels.groups, value: groupsText(h.config, cm, cmd.groups) },
          { label: cm.labels.category, value: categoryText(h.config, cm, category) },
          { label: cm.labels.consent, value: cm.consent[cmd.consent] ?? cmd.consent },
          { label: cm.labels.raisedBy, value: h.organisation.name },
        ],
      },
      { type: 'actions', actions: caseActions({ m: cm }, code) },
    ],
  };
  await h.raiseCase({
    forumKey: forum.key,
    prefix: forum.prefix,
    year,
    targetGroups: cmd.groups,
    consent: cmd.consent,
    category,
    question: cmd.question,
    post: { target: channelTarget(forum), payload: msg, key: `case.new:${code}` },
  });
}

export function caseActions(h: Pick<HandlerContext, 'm'>, code: string) {
  return [
    formButton({ id: 'step-new', label: h.m.buttons.newStep, style: 'primary' }, 'step.new', h.m.lang, { code }),
    formButton({ id: 'case-close', label: h.m.buttons.closeCase }, 'case.close', h.m.lang, { code }),
    // --- corrections (issue 15)
    formButton({ id: 'case-edit', label: h.m.corrections.editButton }, 'case.edit', h.m.lang, { code }),
  ];
}

/** `ärende lista [sida]`: a page of the open cases (`page` undefined: all of them). */
export async function caseList(h: HandlerContext, page?: number): Promise<Message> {
  const forum = await h.forum();
  const cases = await h.store.cases.open(forum.key);
  if (!cases.length) return { blocks: [{ type: 'text', text: h.m.caseListEmpty({ forum: forum.name }) }] };
  const p = pageOf(cases, page);
  if (!p) return noSuchPage(h.m, cases.length, page);
  return {
    title: h.m.caseListTitle({ forum: forum.name, n: cases.length }),
    blocks: [
      ...countLine(h.m, p, (next) => commandLine('case.list', h.lang, { page: next })),
      ...p.rows.map((c): Block => ({ type: 'item', text: caseLine(h.config, h.m, c) })),
      ...moreButton(h.m, p, (next) => commandLine('case.list', h.lang, { page: next })),
    ],
  };
}

export async function caseShow(h: HandlerContext, code: string): Promise<Message> {
  const c = await caseInForum(h, code);
  await h.audit('case.read', c.code, c.forumKey);
  const [steps, handovers] = await Promise.all([h.store.steps.forCases([c.id]), h.store.handovers.forCases([c.id])]);
  const people = await h.store.members.byIds([...steps.map((s) => s.ownerId), ...handovers.map((x) => x.toMemberId)]);
  const blocks: Block[] = [
    {
      type: 'fields',
      fields: [
        { label: h.m.labels.status, value: c.status === 'open' ? h.m.labels.open : `${h.m.labels.closed} (${labelOf(h.m.outcome, c.outcome, c.outcome ?? '–')})` },
        { label: h.m.labels.groups, value: groupsText(h.config, h.m, c.targetGroups) },
        { label: h.m.labels.category, value: categoryText(h.config, h.m, c.category) },
        { label: h.m.labels.consent, value: h.m.consent[c.consent] ?? c.consent },
        { label: h.m.labels.raisedBy, value: `${orgName(h.config, c.organisationKey)}` },
      ],
    },
  ];
  // The raising caseworker and the consent decide how much of the question others see.
  if (c.purgedAt) blocks.push({ type: 'text', text: h.m.labels.purged });
  else if (c.question && mayShow(c, replyAudience(h.channel, h.member.id), { kind: 'question', authorId: c.raisedBy })) blocks.push({ type: 'text', text: `${h.m.labels.question}: ${c.question}` });
  else if (c.question) blocks.push({ type: 'text', text: `${h.m.labels.question}: ${h.m.labels.withoutConsent}` });
  blocks.push({ type: 'text', text: `${h.m.labels.steps}: ${steps.length ? '' : h.m.labels.none}` });
  for (const s of steps) {
    const actions = s.status === 'open' ? [{ id: 'step-edit', label: h.m.corrections.editButton, command: `åtgärd ändra ${s.id}`, form: 'step-edit' as const }] : undefined;
    blocks.push({ type: 'item', text: stepLine(h.m, s, people.get(s.ownerId), h.today, c, replyAudience(h.channel, h.member.id)), ...(actions ? { actions } : {}) });
  }
  if (handovers.length) {
    blocks.push({ type: 'text', text: `${h.m.labels.handovers}:` });
    for (const x of handovers) {
      const name = templateName(h.config, x.templateKey);
      blocks.push({ type: 'item', text: handoverLine(h.m, x, name, people.get(x.toMemberId), h.today) });
    }
  }
  if (c.status === 'open') blocks.push({ type: 'actions', actions: caseActions(h, c.code) });
  return { title: `${h.m.caseTitle({ code: c.code })}`, blocks, summary: c.code };
}

export async function caseClose(h: HandlerContext, code: string, outcome: Outcome): Promise<void> {
  const c = await caseInForum(h, code);
  if (c.status !== 'open') throw new UserError('caseClosed', { code });
  const forum = await h.forum();
  requireMayClose(forum, c, h.member);
  await h.store.cases.close(c.id, outcome, h.member.id, h.now);
  await h.audit('case.close', c.code, c.forumKey);
  // Its open steps close with it (issue 15): listed here, their owners told, never reminded again.
  const closed = await closeStepsWithCase(h, c);
  const cm = channelM(h.config, forum.key);
  const blocks: Block[] = [{ type: 'text', text: cm.caseClosedMsg({ code, outcome: cm.outcome[outcome] ?? outcome }) }];
  if (closed.length) blocks.push({ type: 'text', text: cm.corrections.stepsClosedWithCase({ code, ids: closed.map((id) => `#${id}`).join(', ') }) });
  await h.post(channelTarget(forum), { tone: 'success', blocks }, `case.close:${code}`, { caseCode: code });
}

/** `ärende logg <kod>`: who did what to the case, when. The coordinator only; the log holds no free text. */
export async function caseLog(h: HandlerContext, code: string): Promise<Message> {
  const forum = await h.forum();
  requireCoordinator(forum, h.member);
  const c = await caseInForum(h, code);
  const entries = await h.store.audit.forCase(c.code);
  await h.audit('case.log.read', c.code, c.forumKey);
  const people = await h.store.members.byIds(entries.flatMap((e) => (e.actorId === null ? [] : [e.actorId])));
  const blocks: Block[] = entries.map((e) => ({
    type: 'item',
    text: h.m.auditLine({
      at: `${localDate(e.at)} ${localTime(e.at)}`,
      who: e.actorId === null ? h.m.labels.system : memberName(people.get(e.actorId)),
      org: e.actorOrganisationKey ? orgName(h.config, e.actorOrganisationKey) : '–',
      action: labelOf(h.m.auditActions, e.action, h.m.auditOther),
    }),
  }));
  if (!blocks.length) blocks.push({ type: 'text', text: h.m.auditEmpty });
  return { title: h.m.auditTitle({ code: c.code }), blocks, summary: c.code };
}

