// Carry-over: what was open at a held meeting and is still open comes back on the next agenda,
// marked with how many meetings it has been open for.
import type { FileConfig } from '../settings.js';
import type { CaseRow, ForumRow, HandoverRow, Store, StepRow, TopicRow } from '../stores.js';
import type { Messages } from '../../i18n/index.js';
import type { Block } from '../model.js';
import { handoverLine, templateName } from '../render.js';

export interface CarryOver {
  /** Held meetings that ended after the item was raised or agreed, i.e. meetings it stayed open through. */
  count(createdAt: Date): number;
  openSteps: StepRow[];
  openHandovers: HandoverRow[];
}

/** Loads what carry-over needs for one forum: its open steps and handovers and the held meetings since the oldest open item. */
export async function carryOverFor(store: Store, forum: ForumRow, open: { cases?: CaseRow[]; topics?: TopicRow[] }): Promise<CarryOver> {
  const [openSteps, openHandovers] = forum.kind === 'case' ? await Promise.all([store.steps.openOfForum(forum.key), store.handovers.openOfForum(forum.key)]) : [[], []];
  const created = [...(open.cases ?? []), ...(open.topics ?? []), ...openSteps, ...openHandovers].map((x) => x.createdAt.getTime());
  const ends = created.length ? (await store.meetings.heldEnds(forum.key, new Date(Math.min(...created)))).map((d) => d.getTime()) : [];
  return { count: (createdAt) => ends.filter((e) => e > createdAt.getTime()).length, openSteps, openHandovers };
}

/** ` (överfört, öppet sedan 2 möten)` or nothing. */
export function carriedMark(m: Messages, n: number): string {
  return n > 0 ? ` (${m.meeting.carried({ n })})` : '';
}

/** Open steps worth following up: those due by the meeting, and every step carried over from a held meeting. */
export function stepsToFollowUp(carry: CarryOver, dueBy: string): StepRow[] {
  return carry.openSteps.filter((s) => s.dueDate <= dueBy || carry.count(s.createdAt) > 0);
}

/** Unanswered handovers that were already open at a held meeting. */
export async function carriedHandoverBlocks(store: Store, cfg: FileConfig, m: Messages, carry: CarryOver, today: string, exclude: Set<number> = new Set()): Promise<Block[]> {
  const carried = carry.openHandovers.filter((x) => carry.count(x.createdAt) > 0 && !exclude.has(x.id));
  if (!carried.length) return [];
  const [people, codes] = await Promise.all([store.members.byIds(carried.map((x) => x.toMemberId)), store.cases.codesByIds(carried.map((x) => x.caseId))]);
  const blocks: Block[] = [{ type: 'emphasis', text: m.meeting.openHandovers }];
  for (const x of carried) {
    const name = templateName(cfg, x.templateKey);
    blocks.push({ type: 'item', text: `${codes.get(x.caseId) ?? '?'}: ${handoverLine(m, x, name, people.get(x.toMemberId), today)}${carriedMark(m, carry.count(x.createdAt))}` });
  }
  return blocks;
}
