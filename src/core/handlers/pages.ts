// `sida`, `sida återkalla`, `rapport länk`, `rapport länk återkalla`, `mina länk`: links to the
// read-only pages (src/http/pages). Each call makes a new random token, of which only a hash is
// stored (store.pages), so a link can be shown once and never again; revoking ends every live link
// of that kind at once. A forum link opens only its forum, a dashboard link only the aggregates, a
// personal link only that person's own list.
import type { HandlerContext } from '../context.js';
import type { Block, Message } from '../model.js';
import { isCoordinator } from '../access.js';
import { commandButton } from '../commands/texts.js';
import { UserError } from '../errors.js';
import { requireCoordinator } from '../meeting/state.js';
import { dashboardPath, forumPagePath, minePagePath, newPageToken } from '../pagetoken.js';

function linkMessage(h: HandlerContext, text: string): Message {
  const blocks: Block[] = [{ type: 'text', text }];
  if (!h.publicUrl) blocks.push({ type: 'text', text: h.m.calendar.noPublicUrl });
  return { blocks };
}

const url = (h: HandlerContext, path: string) => `${h.publicUrl ?? ''}${path}`;

/** `sida [forumnyckel]`: the coordinator gets a new link to the forum page of this channel's forum (or the one named). */
export async function forumPageLink(h: HandlerContext, forumKey?: string): Promise<Message> {
  const named = forumKey === undefined ? null : await h.store.forums.byKey(forumKey);
  if (forumKey !== undefined && !named) throw new UserError('unknownForum', { key: forumKey, keys: h.config.forums.map((f) => f.key).join(', ') });
  const forum = named ?? (await h.forum());
  requireCoordinator(h, forum);
  const token = newPageToken();
  await h.store.pages.issue(token, { scope: 'forum', forumKey: forum.key, memberId: null, createdBy: h.member.id, at: h.now });
  await h.audit('page.link', null, forum.key);
  return linkMessage(h, h.m.pages.forumLink({ forum: forum.name, url: url(h, forumPagePath(forum.key, token)) }));
}

/** `sida återkalla`: every forum-page link of this channel's forum stops working. */
export async function forumPageRevoke(h: HandlerContext): Promise<Message> {
  const forum = await h.forum();
  requireCoordinator(h, forum);
  const n = await h.store.pages.revoke({ scope: 'forum', forumKey: forum.key }, h.now);
  await h.audit('page.revoke', null, forum.key);
  return { blocks: [{ type: 'text', text: h.m.pages.forumRevoked({ forum: forum.name, count: n }) }] };
}

/** `rapport länk`: a forum's coordinator gets a new link to the steering group's dashboard (aggregates only). */
export async function dashboardLink(h: HandlerContext): Promise<Message> {
  const forum = await h.forum();
  requireCoordinator(h, forum);
  const token = newPageToken();
  await h.store.pages.issue(token, { scope: 'dashboard', forumKey: null, memberId: null, createdBy: h.member.id, at: h.now });
  await h.audit('dashboard.link', null, forum.key);
  return linkMessage(h, h.m.pages.dashboardLink({ url: url(h, dashboardPath(token)) }));
}

/** `rapport länk återkalla`: every dashboard link stops working. */
export async function dashboardRevoke(h: HandlerContext): Promise<Message> {
  const forum = await h.forum();
  requireCoordinator(h, forum);
  const n = await h.store.pages.revoke({ scope: 'dashboard' }, h.now);
  await h.audit('dashboard.revoke', null, forum.key);
  return { blocks: [{ type: 'text', text: h.m.pages.dashboardRevoked({ count: n }) }] };
}

/** `mina länk`: the person gets a link to their own open steps and handovers (anywhere, a DM too). */
export async function minePageLink(h: HandlerContext): Promise<Message> {
  const token = newPageToken();
  await h.store.pages.issue(token, { scope: 'member', forumKey: null, memberId: h.member.id, createdBy: h.member.id, at: h.now });
  await h.audit('mine.link', null, null);
  return linkMessage(h, h.m.pages.mineLink({ url: url(h, minePagePath(token)) }));
}

/**
 * `sida lista`: the pages this person may open, each with a button that makes its link when pressed
 * (App Home shows the same): their own list, and the forum page of each forum they coordinate.
 * Nothing is minted by listing; a button runs `mina länk` or `sida <forumnyckel>`.
 */
export async function pageList(h: HandlerContext): Promise<Message> {
  const forums = (await h.store.forums.all()).filter((f) => isCoordinator(f, h.member));
  const blocks: Block[] = [{ type: 'item', text: h.m.pages.listMine, actions: [commandButton({ id: 'page-mine', label: h.m.pages.makeLink }, 'mine.link', h.lang, {})] }];
  for (const f of forums) blocks.push({ type: 'item', text: h.m.pages.listForum({ forum: f.name }), actions: [commandButton({ id: `page-forum-${f.key}`, label: h.m.pages.makeLink }, 'page.link', h.lang, { forumKey: f.key })] });
  if (!forums.length) blocks.push({ type: 'text', text: h.m.pages.listNoForum });
  return { title: h.m.pages.listTitle, blocks };
}
