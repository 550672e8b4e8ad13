// `medlem lägg till @x <org>`, `medlem ta bort @x`, `medlem lista` (issue 17): the forum's coordinator
// counts a colleague to one of the forum's organisations, e.g. a Komvux teacher on @helsingborg.se.
// Each change is audited (who, when, which forum; the memberships row says whom and where).
import { forumOrganisations, requireCoordinator } from '../access.js';
import type { HandlerContext } from '../context.js';
import { UserError } from '../errors.js';
import { listedOrganisation } from '../membership.js';
import type { Identity, Message } from '../model.js';
import { organisationFromSettings } from '../parties.js';
import { orgName } from '../render.js';
import { fold } from '../commands/words.js';

const whoText = (who: Pick<Identity, 'displayName' | 'email' | 'externalId'>) => who.displayName ?? who.email ?? who.externalId;
/** A colleague in a refusal: as a mention (`@namn@domän`), which refusals may quote (echo-safe.ts). */
const whoMention = (who: Pick<Identity, 'displayName' | 'email' | 'externalId'>) => (who.email ? `@${who.email}` : whoText(who));

function forumOrgChoices(h: HandlerContext, forumKey: string): string {
  return forumOrganisations(h.config, forumKey).map((k) => `${k} (${orgName(h.config, k)})`).join(', ');
}

export async function memberAdd(h: HandlerContext, token: string, orgWord: string): Promise<Message> {
  const forum = await h.forum();
  requireCoordinator(forum, h.member);
  const inForum = forumOrganisations(h.config, forum.key);
  const wanted = fold(orgWord);
  const org = h.config.organisations.find((o) => inForum.includes(o.key) && (o.key === wanted || fold(o.name) === wanted));
  if (!org) throw new UserError('memberOrgNotInForum', { org: orgWord.slice(0, 40), orgs: forumOrgChoices(h, forum.key) });
  const who = await h.resolveIdentity(token);
  const listed = listedOrganisation(h.config, who);
  if (listed && listed.key !== org.key) throw new UserError('memberListedInConfig', { who: whoMention(who), org: listed.name });
  const had = await h.store.memberships.of(who);
  if (had && had.organisationKey === org.key) return { blocks: [{ type: 'text', text: h.m.members.already({ who: whoText(who), org: org.name }) }] };
  await h.store.memberships.put({ platform: who.platform, externalId: who.externalId, email: who.email ?? null, organisationKey: org.key, forumKey: forum.key, addedBy: h.member.id, addedAt: h.now });
  await h.store.members.setOrganisation(who, org.key);
  await h.audit('member.add', null, forum.key);
  return { tone: 'success', blocks: [{ type: 'text', text: h.m.members.added({ who: whoText(who), org: org.name }) }] };
}

export async function memberRemove(h: HandlerContext, token: string): Promise<Message> {
  const forum = await h.forum();
  requireCoordinator(forum, h.member);
  const who = await h.resolveIdentity(token);
  const had = await h.store.memberships.of(who);
  if (!had) {
    const listed = listedOrganisation(h.config, who);
    if (listed) throw new UserError('memberListedInConfig', { who: whoMention(who), org: listed.name });
    throw new UserError('memberNotAdded', { who: whoMention(who) });
  }
  // A coordinator changes the memberships of their own forum's organisations only.
  if (!forumOrganisations(h.config, forum.key).includes(had.organisationKey)) throw new UserError('memberNotAdded', { who: whoMention(who) });
  await h.store.memberships.remove(had.id);
  const now = organisationFromSettings(h.config, who);
  await h.store.members.setOrganisation(who, now?.key ?? null);
  await h.audit('member.remove', null, forum.key);
  return { tone: 'success', blocks: [{ type: 'text', text: h.m.members.removed({ who: whoText(who), org: orgName(h.config, had.organisationKey), now: now?.name ?? h.m.members.noOrganisation }) }] };
}

export async function memberList(h: HandlerContext): Promise<Message> {
  const forum = await h.forum();
  requireCoordinator(forum, h.member);
  const rows = await h.store.memberships.inOrganisations(forumOrganisations(h.config, forum.key));
  const title = h.m.members.listTitle({ forum: forum.name });
  if (!rows.length) return { title, blocks: [{ type: 'text', text: h.m.members.listEmpty }] };
  return {
    title,
    blocks: rows.map((r) => ({ type: 'item' as const, text: h.m.members.line({ who: r.email ?? r.externalId, org: orgName(h.config, r.organisationKey), since: r.addedAt.toISOString().slice(0, 10) }) })),
  };
}
