// Who may see and change what. Every rule about access lives here, and the handlers call these
// instead of deciding for themselves, so the matrix can be read (and tested) in one place.
//
//   see / change cases      members of the forum's organisations, in the channel linked to the forum
//   own steps / handovers   their owner in a direct message or the channel; others only in the channel
//   link a free forum       any member of the forum's organisations (becomes coordinator unless config names one)
//   move / re-link a forum  the coordinator
//   close a case            the coordinator, or the person who raised it
//   read the audit log      the coordinator
//   move / cancel meetings  the coordinator
// A person whose organisation is unknown is refused before any of this (see Samrad.run) and sees nothing.
import type { FileConfig } from './settings.js';
import type { CaseRow, ForumRow, MemberRow } from './stores.js';
import { UserError } from './errors.js';
import { forumMemberOrganisations } from './parties.js';
import type { ChannelRef } from './model.js';

/** The organisations taking part in a forum: the ones its config lists, else every configured one. */
export function forumOrganisations(cfg: FileConfig, forumKey: string): string[] {
  // With the organisations that are part of a listed one (Komvux takes part where the city does).
  return forumMemberOrganisations(cfg, forumKey);
}

export function takesPart(cfg: FileConfig, forumKey: string, organisationKey: string | null | undefined): boolean {
  return Boolean(organisationKey) && forumOrganisations(cfg, forumKey).includes(organisationKey!);
}

/** The coordinator: the person config names by e-mail, else whoever linked the forum's channel. */
export function isCoordinator(forum: ForumRow, member: Pick<MemberRow, 'id' | 'email'>): boolean {
  if (forum.coordinatorEmail) return Boolean(member.email && forum.coordinatorEmail.toLowerCase() === member.email.toLowerCase());
  return forum.coordinatorMemberId !== null && forum.coordinatorMemberId === member.id;
}

/**
 * The forum a command may work on from this channel. A direct message and an unlinked channel show
 * no cases; a forum refuses members of organisations that do not take part in it, without saying more.
 */
export function requireForumAccess(cfg: FileConfig, forum: ForumRow | null, channel: ChannelRef, organisationKey: string): ForumRow {
  if (channel.direct) throw new UserError('directMessage');
  if (!forum) throw new UserError('notLinked');
  if (!takesPart(cfg, forum.key, organisationKey)) throw new UserError('unknownOrganisation');
  return forum;
}

/**
 * `koppla`: `forum` is the forum asked for, `here` the forum this channel is already linked to.
 * Returns whether the link changes anything (false: already linked here).
 */
export function requireMayLink(cfg: FileConfig, forum: ForumRow, here: ForumRow | null, channel: ChannelRef, member: MemberRow): boolean {
  if (channel.direct) throw new UserError('linkInDirect');
  if (!takesPart(cfg, forum.key, member.organisationKey)) throw new UserError('unknownOrganisation');
  if (here && here.key !== forum.key) throw new UserError('channelTaken', { forum: here.name });
  const linkedHere = forum.channelPlatform === channel.platform && forum.channelId === channel.id;
  if (linkedHere) return false;
  if (forum.channelId && !isCoordinator(forum, member)) throw new UserError('forumTaken', { forum: forum.name });
  return true;
}

export function requireCoordinator(forum: ForumRow, member: MemberRow): void {
  if (!isCoordinator(forum, member)) throw new UserError('notCoordinator');
}

export function requireMayClose(forum: ForumRow, c: CaseRow, member: MemberRow): void {
  if (c.raisedBy !== member.id && !isCoordinator(forum, member)) throw new UserError('closeNotAllowed', { code: c.code });
}

/** A step or handover owner must belong to an organisation taking part in the forum. */
export function requireMayOwn(cfg: FileConfig, forumKey: string, owner: MemberRow, token: string): void {
  if (!takesPart(cfg, forumKey, owner.organisationKey)) throw new UserError('memberNotFound', { value: token.slice(0, 60) });
}

/**
 * Work owned by one person (a step, a handover) on a forum: its owner may act on it in a direct message
 * or in the forum's channel; anyone else of the forum's organisations only in the forum's channel.
 * `where.forum` is the forum of the channel the command came from (null when unlinked or a DM).
 */
export function mayActOnOwned(cfg: FileConfig, item: { forumKey: string; ownerId: number }, member: MemberRow, where: { direct: boolean; forum: ForumRow | null }): boolean {
  if (!takesPart(cfg, item.forumKey, member.organisationKey)) return false;
  const inForumChannel = where.forum !== null && where.forum.key === item.forumKey;
  return inForumChannel || (where.direct && item.ownerId === member.id);
}
