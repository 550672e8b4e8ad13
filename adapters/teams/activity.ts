// Reading a Bot Framework activity the way the core needs it: the command text without the bot's
// mention, people's mentions as `@teams:<id>` tokens, where it was said and by whom.
import { TurnContext, type Activity, type ChannelAccount, type ConversationReference, type Mention } from 'botbuilder';
import type { ChannelRef, Lang } from '../../src/core/model.js';

/** A person mentioned in the text, as Teams describes them in the activity's entities. */
export interface MentionedPerson {
  id: string;
  aadObjectId?: string;
  name?: string;
}

export interface CommandText {
  text: string;
  /** token (`@teams:<id>`) -> the mentioned person */
  mentions: Map<string, MentionedPerson>;
}

const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

function decode(s: string): string {
  return s.replace(/&(nbsp|amp|lt|gt|quot|#39|apos);/g, (e) => ENTITIES[e] ?? e);
}

export function mentionToken(p: MentionedPerson): string {
  return `@teams:${p.aadObjectId ?? p.id}`;
}

/** The command as the core reads it: bot mention gone, people mentions rewritten, markup dropped. */
export function commandText(activity: Partial<Activity>): CommandText {
  let text = activity.text ?? '';
  const mentions = new Map<string, MentionedPerson>();
  const botId = activity.recipient?.id;
  const botName = activity.recipient?.name;
  for (const e of (activity.entities ?? []) as Partial<Mention>[]) {
    if (e.type !== 'mention' || !e.mentioned?.id) continue;
    const written = e.text ?? `<at>${e.mentioned.name ?? ''}</at>`;
    if (e.mentioned.id === botId) {
      text = text.split(written).join(' ');
      continue;
    }
    const person: MentionedPerson = { id: e.mentioned.id, aadObjectId: (e.mentioned as ChannelAccount).aadObjectId, name: e.mentioned.name };
    const token = mentionToken(person);
    mentions.set(token, person);
    text = text.split(written).join(` ${token} `);
  }
  // A client that sends no mention entity for the bot (the Emulator) still writes `<at>Name</at>`.
  text = text.replace(/<at>([^<]*)<\/at>/g, (all, name: string) => (botName && decode(name).trim() === botName ? ' ' : all));
  text = decode(text.replace(/<\/?(p|div|span|br)\b[^>]*>/gi, ' '));
  // `ordförande:<at>Anna</at>`: the mention stays attached to its field word (`ordförande:@teams:…`).
  text = text.replace(/(\S:) +(@teams:)/g, '$1$2');
  return { text: text.replace(/\s+/g, ' ').trim(), mentions };
}

export function isPersonal(activity: Partial<Activity>): boolean {
  return activity.conversation?.conversationType === 'personal';
}

/** The channel's own id (a message in a reply thread carries `;messageid=` in the conversation id). */
export function channelIdOf(activity: Partial<Activity>): string {
  const teamsChannel = (activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
  if (teamsChannel && !isPersonal(activity)) return teamsChannel;
  return (activity.conversation?.id ?? '').split(';')[0];
}

/** A reference to post into the channel (top level) or the personal chat later. */
export function referenceOf(activity: Partial<Activity>): Partial<ConversationReference> {
  const ref = TurnContext.getConversationReference(activity);
  return { ...ref, activityId: undefined, conversation: { ...ref.conversation!, id: channelIdOf(activity) } };
}

export function channelOf(activity: Partial<Activity>): ChannelRef {
  return { platform: 'teams', id: channelIdOf(activity), ref: referenceOf(activity), direct: isPersonal(activity), publicReplies: !isPersonal(activity) };
}

export function tenantOf(activity: Partial<Activity>): string | null {
  return (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? activity.conversation?.tenantId ?? null;
}

/** `sv-SE` → sv, `en-US` → en; anything else leaves the language to the command's words. */
export function langOf(locale: string | undefined): Lang | null {
  const l = locale?.slice(0, 2).toLowerCase();
  return l === 'sv' ? 'sv' : l === 'en' ? 'en' : null;
}
