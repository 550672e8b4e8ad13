import type { HandlerContext } from '../context.js';
import type { Block, Message } from '../model.js';
import { templateName } from '../render.js';
import { commandButton, commandLine, formButton } from '../commands/texts.js';
import { countLine, moreButton, noSuchPage, pageOf } from '../paging.js';
import { myRoutineBlocks } from '../routines/handlers.js';
import type { HandoverRow, StepRow } from '../stores.js';

type Owed = { kind: 'step'; row: StepRow } | { kind: 'handover'; row: HandoverRow };

/** `mina [sida]`: what I owe, steps and handovers, in every forum — a page of it (`page` undefined: all). */
export async function mine(h: HandlerContext, page?: number): Promise<Message> {
  // In a DM: everything I owe. In a forum's channel: only that forum's, so nothing of another forum shows there.
  const forumKey = h.channel.direct ? null : (await h.forum()).key;
  const here = <T extends { forumKey: string }>(rows: T[]) => rows.filter((r) => forumKey === null || r.forumKey === forumKey);
  const [steps, handovers] = await Promise.all([h.store.steps.openOwnedBy(h.member.id).then(here), h.store.handovers.openOwedBy(h.member.id).then(here)]);
  const routines = await myRoutineBlocks(h, forumKey); // issue 17: the forum routines that are mine
  if (!steps.length && !handovers.length && !routines.length) return { blocks: [{ type: 'text', text: h.m.mineEmpty }] };
  // The routines are few: they come whole, on the first page (or alone when nothing else is owed).
  if (!steps.length && !handovers.length) return { title: h.m.mineTitle, blocks: routines };
  const owed: Owed[] = [...steps.map((row) => ({ kind: 'step' as const, row })), ...handovers.map((row) => ({ kind: 'handover' as const, row }))];
  const p = pageOf(owed, page);
  if (!p) return noSuchPage(h.m, owed.length, page);
  const codes = await h.store.cases.codesByIds(p.rows.map((o) => o.row.caseId));
  const blocks: Block[] = [...countLine(h.m, p, (next) => commandLine('mine', h.lang, { page: next }))];
  for (const o of p.rows) {
    if (o.kind === 'step') {
      const s = o.row;
      blocks.push({
        type: 'item',
        text: h.m.mineStep({ id: s.id, code: codes.get(s.caseId) ?? '?', text: s.text ?? '…', due: s.dueDate, late: s.dueDate < h.today }),
        actions: [
          commandButton({ id: 'step-done', label: h.m.buttons.markDone }, 'step.done', h.lang, { id: s.id }),
          // --- corrections (issue 15)
          formButton({ id: 'step-edit', label: h.m.corrections.editButton }, 'step.edit', h.lang, { id: String(s.id) }),
        ],
      });
    } else {
      const x = o.row;
      const name = templateName(h.config, x.templateKey);
      blocks.push({
        type: 'item',
        text: h.m.mineHandover({ id: x.id, code: codes.get(x.caseId) ?? '?', name, due: x.dueDate, late: x.dueDate < h.today }),
        actions: [formButton({ id: 'handover-reply', label: h.m.buttons.reply }, 'handover.reply', h.lang, { id: String(x.id) })],
      });
    }
  }
  if (p.page === 1) blocks.push(...routines);
  blocks.push(...moreButton(h.m, p, (next) => commandLine('mine', h.lang, { page: next })));
  return { title: h.m.mineTitle, blocks };
}
