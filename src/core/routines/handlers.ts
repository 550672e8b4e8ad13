// `rutin klar <id>` / `routine done <id>`, `rutin lista` / `routine list`, and the routine lines that
// `mina` and the agenda show (issue 17).
import type { Messages } from '../../i18n/index.js';
import { takesPart } from '../access.js';
import { channelTarget } from '../context.js';
import type { HandlerContext } from '../context.js';
import { UserError } from '../errors.js';
import type { Block, Lang, Message } from '../model.js';
import { memberName } from '../render.js';
import type { FileConfig } from '../settings.js';
import type { ForumRow, Store } from '../stores.js';
import { commandButton } from '../commands/texts.js';
import { myRoutines } from './mine.js';
import { ownerMember, ownerText, ownsRoutine, routineOf } from './owner.js';
import { nextRoutineDate } from './rule.js';
import { channelM } from '../voices.js';

export async function routineDone(h: HandlerContext, id: number): Promise<Message> {
  const o = await h.store.routines.byId(id);
  const r = o ? routineOf(h.config, o) : undefined;
  const forum = o ? await h.store.forums.byKey(o.forumKey) : null;
  const here = await h.channelForum();
  // As for a step: the owner anywhere they talk to the bot; the forum's members in the forum's channel.
  const allowed =
    o && r && forum && takesPart(h.config, forum.key, h.member.organisationKey) && ((here !== null && here.key === forum.key) || (h.channel.direct && ownsRoutine(h.config, r.owner, h.member, forum)));
  if (!o || !r || !forum || !allowed) throw new UserError('routineNotFound', { id: String(id) });
  if (o.status === 'done') throw new UserError('routineAlreadyDone', { id: String(id) });
  const done = await h.store.routines.markDone(id, h.member.id, h.now);
  if (!done) throw new UserError('routineAlreadyDone', { id: String(id) });
  await h.audit('routine.done', null, forum.key);
  const late = o.dueDate < h.today;
  if (forum.channelId && !(here && here.key === forum.key)) {
    // Marked in a DM: the forum's channel learns it too.
    await h.post(channelTarget(forum), { tone: 'success', blocks: [{ type: 'text', text: channelM(h.config, forum.key).routines.doneChannel({ id, name: r.name, by: memberName(h.member), late }) }] }, `routine.done:${id}`);
  }
  return { tone: 'success', blocks: [{ type: 'text', text: h.m.routines.done({ id, name: r.name, late }) }] };
}

/** The forum's open occurrences, and when each of its routines comes next. */
export async function routineList(h: HandlerContext): Promise<Message> {
  const forum = await h.forum();
  const routines = h.config.routines.filter((r) => r.forum === forum.key);
  if (!routines.length) return { title: h.m.routines.listTitle({ forum: forum.name }), blocks: [{ type: 'text', text: h.m.routines.listEmpty }] };
  const blocks = await routineBlocks(h.store, h.config, h.m, h.lang, forum, h.today, null);
  const open = new Set((await h.store.routines.openOfForums([forum.key])).map((o) => `${o.routineKey}|${o.dueDate}`));
  const upcoming: Block[] = [];
  for (const r of routines) {
    const date = nextRoutineDate(r.rule, h.config.calendar.terms, h.today);
    if (!date || open.has(`${r.key}|${date}`)) continue;
    upcoming.push({ type: 'item', text: h.m.routines.next({ name: r.name, owner: ownerText(h.config, r.owner, await ownerMember(h.store, h.config, r.owner, forum)), date }) });
  }
  if (upcoming.length) blocks.push({ type: 'emphasis', text: h.m.routines.upcoming }, ...upcoming);
  return { title: h.m.routines.listTitle({ forum: forum.name }), blocks };
}

/** The forum's open occurrences due by `until` (all when null), one item each with a Done button. */
export async function routineBlocks(store: Store, cfg: FileConfig, m: Messages, lang: Lang, forum: ForumRow, today: string, until: string | null, title = m.routines.open): Promise<Block[]> {
  const list = (await store.routines.openOfForums([forum.key])).filter((o) => until === null || o.dueDate <= until);
  const blocks: Block[] = [];
  const owners = await store.members.byIds(list.flatMap((o) => (o.ownerMemberId !== null ? [o.ownerMemberId] : [])));
  for (const o of list) {
    const r = routineOf(cfg, o);
    if (!r) continue;
    const owner = o.ownerMemberId !== null ? owners.get(o.ownerMemberId) : null;
    blocks.push({
      type: 'item',
      text: m.routines.line({ id: o.id, name: r.name, due: o.dueDate, owner: ownerText(cfg, r.owner, owner), late: o.dueDate < today }),
      actions: [commandButton({ id: 'routine-done', label: m.buttons.markDone }, 'routine.done', lang, { id: o.id })],
    });
  }
  return blocks.length ? [{ type: 'emphasis', text: title }, ...blocks] : [];
}

/** `mina`: the open occurrences that are mine (by person or organisation), in this forum or, in a DM, all. */
export async function myRoutineBlocks(h: HandlerContext, forumKey: string | null): Promise<Block[]> {
  return (await myRoutines(h.store, h.config, h.member, forumKey)).map(({ occurrence: o, name, forumName }) => ({
    type: 'item' as const,
    text: h.m.routines.mine({ id: o.id, name, due: o.dueDate, forum: forumName, late: o.dueDate < h.today }),
    actions: [commandButton({ id: 'routine-done', label: h.m.buttons.markDone }, 'routine.done', h.lang, { id: o.id })],
  }));
}
