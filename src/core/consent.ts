// The consent rule, in one place. Every renderer of a case's texts — the question, a step's text, a
// handover's free-text answers, a note (decision, who informs whom) taken under the case in a meeting —
// asks here before it shows one.
//
//   samtycke: ja          every text is shown wherever the case is shown (channel, minutes, people).
//   samtycke: nej/okänt   only code, target groups, category and dates reach a channel, the minutes or
//                         any person; the exceptions are the person who wrote a text (they see it
//                         back) and a step's owner, who sees that step's text (in the direct message
//                         telling them, in reminders, in `mina`) — never the question or other steps.
// Structured handover values (dates, choices, numbers from the template) are not free text and are
// shown; a template's `text` fields are free text.
import type { Messages } from '../i18n/index.js';

/** Who will read what is rendered: the channel (and minutes, agendas), or one person by member id. */
export type Audience = { kind: 'channel' } | { kind: 'person'; memberId: number };

export const CHANNEL: Audience = { kind: 'channel' };
export const person = (memberId: number): Audience => ({ kind: 'person', memberId });

/** Who reads the answer to a command: the person (Slack ephemeral, a DM, the shell), or the channel (Teams). */
export function replyAudience(channel: { direct?: boolean; publicReplies?: boolean }, memberId: number): Audience {
  return channel.publicReplies && !channel.direct ? CHANNEL : person(memberId);
}

/** Only consent (samtycke: ja) lets a case be discussed in full; otherwise it is shown de-identified. */
export function hasConsent(c: { consent: string } | null | undefined): boolean {
  return c?.consent === 'ja';
}

/** Which text of a case, with the people it belongs to. */
export type CaseText =
  | { kind: 'question'; authorId: number | null }
  | { kind: 'step'; ownerId: number; authorId?: number | null }
  | { kind: 'handover'; authorId?: number | null }
  | { kind: 'note'; authorId?: number | null };

/** Whether `text` of case `c` may be shown to `to`. An unknown case counts as without consent. */
export function mayShow(c: { consent: string } | null | undefined, to: Audience, text: CaseText): boolean {
  if (hasConsent(c)) return true;
  if (to.kind !== 'person') return false;
  if (text.authorId != null && text.authorId === to.memberId) return true;
  return text.kind === 'step' && text.ownerId === to.memberId;
}

/** The text itself, or what stands in its place (`utan samtycke`), or the purge mark when it is gone. */
export function shownText(m: Messages, c: { consent: string } | null | undefined, to: Audience, text: CaseText, value: string | null | undefined): string {
  if (!mayShow(c, to, text)) return text.kind === 'step' ? m.labels.stepWithoutConsent : m.labels.textWithoutConsent;
  return value ?? m.labels.purged;
}
