import type { HandlerContext } from '../context.js';
import type { Block, Message } from '../model.js';
import { templateName } from '../render.js';
import { commandButton, formButton } from '../commands/texts.js';
import { myRoutineBlocks } from '../routines/handlers.js';

/** `mina`: what I owe, steps and handovers, in every forum. */
export async function mine(h: HandlerContext): Promise<Message> {
  // In a DM: everything I owe. In a forum's channel: only that forum's, so nothing of another forum shows there.
  const forumKey = h.channel.direct ? null : (await h.forum()).key;
  const here = <T extends { forumKey: string }>(rows: T[]) => rows.filter((r) => forumKey === null || r.forumKey === forumKey);
  const [steps, handovers] = await Promise.all([h.store.steps.openOwnedBy(h.member.id).then(here), h.store.handovers.openOwedBy(h.member.id).then(here)]);
  const routines = await myRoutineBlocks(h, forumKey); // issue 17: the forum routines that are mine
  if (!steps.length && !handovers.length && !routines.length) return { blocks: [{ type: 'text', text: h.m.mineEmpty }] };
  const codes = await h.store.cases.codesByIds([...steps.map((s) => s.caseId), ...handovers.map((x) => x.caseId)]);
  const blocks: Block[] = [];
  for (const s of steps) {
    const code = codes.get(s.caseId) ?? '?';
    blocks.push({
      type: 'item',
      text: h.m.mineStep({ id: s.id, code, text: s.text ?? '…', due: s.dueDate, late: s.dueDate < h.today }),
      actions: [
        commandButton({ id: 'step-done', label: h.m.buttons.markDone }, 'step.done', h.lang, { id: s.id }),
        // --- corrections (issue 15)
        formButton({ id: 'step-edit', label: h.m.corrections.editButton }, 'step.edit', h.lang, { id: String(s.id) }),
      ],
    });
  }
  for (const x of handovers) {
    const name = templateName(h.config, x.templateKey);
    blocks.push({
      type: 'item',
      text: h.m.mineHandover({ id: x.id, code: codes.get(x.caseId) ?? '?', name, due: x.dueDate, late: x.dueDate < h.today }),
      actions: [formButton({ id: 'handover-reply', label: h.m.buttons.reply }, 'handover.reply', h.lang, { id: String(x.id) })],
    });
  }
  blocks.push(...routines);
  return { title: h.m.mineTitle, blocks };
}
