// Digests (issue 18): what the morning sweep has to tell goes out as ONE post per forum channel and ONE
// direct message per person per day, instead of a post per step (a busy tick sent 2 611 DMs to 32 owners).
//
// Each reminder keeps its own key (`remind:step-4:after:2026-11-27`, reminders.ts) as a marker row in
// the outbox — status `superseded`, never delivered — so an item is told once however many days its
// window spans; the digest carries `digest:<day>:<recipient>`, so a recipient gets one per day however
// many ticks and replicas run. The markers are written first, in the transaction that writes the digest:
// a notice whose marker another replica wrote meanwhile is left out, and a replica that loses the race
// for the digest row undoes its markers, so what it saw is told by the winner or waits for tomorrow.
import type { Messages } from '../i18n/index.js';
import { messages } from '../i18n/index.js';
import type { NewOutbox, Store } from './stores.js';
import type { IsoDate } from './dates.js';
import type { Block, Lang, Message, Target } from './model.js';

/** One thing to tell one recipient today. */
export interface Notice {
  /** The reminder's own key: written as a marker once told. */
  marker: string;
  /** One digest per recipient per day: `member-<id>` or `forum-<key>` (the forum's channel). */
  recipient: string;
  target: Target;
  lang: Lang;
  /** What a recipient with only this one notice reads (the long-standing single message). */
  single: Message;
  /** The notice as a line of the digest. */
  line: string;
  /** The section of a person's digest: their own items, or overdue items of forums they coordinate. */
  section: 'own' | 'coordinated' | 'channel';
  /** The heading the line goes under: the owner (channel), the forum (coordinator), none (own). */
  group?: string;
  /** Forum name, for the channel digest's title. */
  forum: string;
  caseCode: string;
  /** Its window closes today ("due tomorrow"): it cannot wait for tomorrow's digest. */
  lastChance?: boolean;
}

export function digestKey(day: IsoDate, recipient: string): string {
  return `digest:${day}:${recipient}`;
}

/** The one follow-up a recipient may get after the day's digest, for what became due tomorrow since. */
export function followUpKey(day: IsoDate, recipient: string): string {
  return `${digestKey(day, recipient)}:more`;
}

/** The digest message of one recipient's notices (two or more). */
export function digestMessage(notices: Notice[]): Message {
  const m = messages(notices[0].lang);
  const blocks: Block[] = [];
  const channel = notices[0].section === 'channel';
  if (channel) {
    blocks.push({ type: 'text', text: m.followup.digest.channelTitle({ forum: notices[0].forum, n: notices.length }) });
    pushGrouped(blocks, notices, (g) => m.followup.digest.byOwner({ owner: g }));
  } else {
    const own = notices.filter((n) => n.section === 'own');
    const coordinated = notices.filter((n) => n.section === 'coordinated');
    if (own.length) {
      blocks.push({ type: 'emphasis', text: m.followup.digest.ownerTitle({ n: own.length }) });
      for (const n of own) blocks.push({ type: 'item', text: n.line });
    }
    if (coordinated.length) {
      blocks.push({ type: 'emphasis', text: m.followup.digest.coordinatorTitle({ n: coordinated.length }) });
      pushGrouped(blocks, coordinated, (g) => m.followup.digest.forum({ forum: g }));
    }
  }
  const tone = notices.some((n) => n.single.tone === 'warning') ? 'warning' : 'info';
  return { tone, blocks, summary: summaryOf(m, notices, channel) };
}

function summaryOf(m: Messages, notices: Notice[], channel: boolean): string {
  return channel ? m.followup.digest.channelTitle({ forum: notices[0].forum, n: notices.length }) : m.followup.digest.ownerTitle({ n: notices.length });
}

/** Lines under their group's heading, groups in the order first met, lines in their order. */
function pushGrouped(blocks: Block[], notices: Notice[], heading: (g: string) => string): void {
  const groups = new Map<string, Notice[]>();
  for (const n of notices) groups.set(n.group ?? '', [...(groups.get(n.group ?? '') ?? []), n]);
  for (const [g, list] of groups) {
    if (g) blocks.push({ type: 'emphasis', text: heading(g) });
    for (const n of list) blocks.push({ type: 'item', text: n.line });
  }
}

/**
 * Queues today's digests: per recipient, the single message or the digest, and the markers of what it
 * told. A recipient who already had today's digest waits for tomorrow's — except for what became due
 * tomorrow since (a step added after the morning): that goes out in ONE follow-up the same day, under
 * its own key, so however many ticks and replicas run there is at most one more per person per day.
 * Returns the messages queued.
 */
class AlreadyQueued extends Error {}

export async function enqueueDigests(store: Store, notices: Notice[], day: IsoDate, now: Date): Promise<number> {
  const byRecipient = new Map<string, Notice[]>();
  for (const n of notices) byRecipient.set(n.recipient, [...(byRecipient.get(n.recipient) ?? []), n]);
  const sent = await store.outbox.existingKeys([...byRecipient.keys()].flatMap((r) => [digestKey(day, r), followUpKey(day, r)]));
  let queued = 0;
  for (const [recipient, all] of byRecipient) {
    let key = digestKey(day, recipient);
    let list = all;
    if (sent.has(key)) {
      // Told today already: only what would otherwise never be told ("due tomorrow" is tomorrow too late).
      key = followUpKey(day, recipient);
      list = all.filter((n) => n.lastChance);
      if (sent.has(key) || !list.length) continue;
    }
    queued += await store
      .transaction(async (tx) => {
        // The markers first, one by one in key order: a marker another tick or replica wrote meanwhile
        // (its digest told that notice) drops the notice from this one, and the same order everywhere
        // means two replicas wait on each other instead of deadlocking.
        const fresh: Notice[] = [];
        for (const n of [...list].sort((a, b) => (a.marker < b.marker ? -1 : a.marker > b.marker ? 1 : 0))) {
          const marker: NewOutbox = { key: n.marker, target: n.target, payload: { blocks: [] } satisfies Message, caseCode: n.caseCode, status: 'superseded', nextAttemptAt: now, createdAt: now };
          if ((await tx.outbox.enqueue([marker])).length) fresh.push(n);
        }
        if (!fresh.length) return 0;
        const told = list.filter((n) => fresh.includes(n));
        const payload = told.length === 1 ? told[0].single : digestMessage(told);
        const codes = new Set(told.map((n) => n.caseCode));
        const digest: NewOutbox = { key, target: told[0].target, payload, caseCode: codes.size === 1 ? told[0].caseCode : null, nextAttemptAt: now, createdAt: now };
        // Another tick or replica queued this digest first: undo the markers, its digest marks what it told.
        if (!(await tx.outbox.enqueue([digest])).length) throw new AlreadyQueued();
        return 1;
      })
      .catch((e: unknown) => {
        if (e instanceof AlreadyQueued) return 0;
        throw e;
      });
  }
  return queued;
}
