// Delivers outbox messages to Slack: chat.postMessage to a channel or a person's DM with the app,
// chat.update when the message replaces an earlier one (a refreshed agenda).
import type { webApi } from '@slack/bolt';
import type { Message, Target } from '../../src/core/model.js';
import type { ChatPort, ConversationRefs } from '../../src/core/ports.js';
import type { Logger } from '../../src/log.js';
import { platformError, toDeliveryError, UNREACHABLE } from './errors.js';
import { fallbackText, toPages } from './render.js';

/** What a delivered message is remembered by, so a later one can replace it. */
export interface SlackRef {
  channel: string;
  ts: string;
  /** The further posts of a message split across several (a long agenda or minutes). */
  more?: string[];
}

type Content = { text: string; blocks: unknown[] };

/** The notification line of a further post: its header, or the message's own line. */
function pageText(blocks: unknown[], text: string): string {
  const h = blocks[0] as { type?: string; text?: { text?: string } } | undefined;
  return h?.type === 'header' && h.text?.text ? h.text.text : text;
}

function isRef(v: unknown): v is SlackRef {
  return typeof v === 'object' && v !== null && typeof (v as SlackRef).channel === 'string' && typeof (v as SlackRef).ts === 'string';
}

/** Every post carries its outbox key here, so a post whose outcome was unknown can be found again. */
export const METADATA_EVENT = 'samrad_outbox';

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: { key?: unknown } };
}

/** members.chat_ref of a Slack member: the DM channel with the app (conversations.open's answer). */
interface SlackDmRef {
  kind: 'slack-dm';
  channel: string;
}

function dmRef(v: unknown): string | null {
  const r = v as SlackDmRef | null;
  return r && typeof r === 'object' && r.kind === 'slack-dm' && typeof r.channel === 'string' ? r.channel : null;
}

type MemberTarget = Extract<Target, { kind: 'member' }>;

export class SlackPort implements ChatPort {
  /** DM channel ids by Slack user id, in memory; the database keeps them across processes (`refs`). */
  private readonly dms = new Map<string, string>();
  /** Channels the bot could not post to lately (error code), so the person who asked can be told. */
  private readonly unreachable = new Map<string, string>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly log: Logger,
    private readonly refs?: ConversationRefs,
  ) {}

  async send(target: Target, message: Message, replaces?: unknown, key?: string): Promise<SlackRef> {
    const where = target.kind === 'channel' ? target.channelId : target.externalId;
    try {
      const channel = target.kind === 'channel' ? target.channelId : await this.dmChannel(target);
      const pages = toPages(message);
      const text = fallbackText(message);
      const contents = pages.map((blocks, i) => ({ text: i === 0 ? text : pageText(blocks, text), blocks }));
      const sent = isRef(replaces) ? await this.replace(replaces, channel, contents, key) : await this.postAll(channel, contents, 0, undefined, key);
      this.unreachable.delete(where);
      return sent;
    } catch (e) {
      const code = platformError(e);
      if (code && UNREACHABLE.has(code)) {
        this.unreachable.set(where, code);
        this.log.warn({ channel: where, error: code }, 'slack: cannot post here; invite the app to the channel (/invite @Samråd) or link the forum again');
      }
      throw toDeliveryError(e);
    }
  }

  /**
   * Looks through the channel's (or the DM's) history since `since` for a post carrying `key`: an
   * earlier attempt that timed out, was reset or crashed may have posted it after all.
   */
  async findSent(target: Target, key: string, since: Date): Promise<SlackRef | null> {
    try {
      const channel = target.kind === 'channel' ? target.channelId : await this.dmChannel(target);
      let cursor: string | undefined;
      // A minute's slack for clocks that differ; three pages of 200 cover any burst one channel takes.
      const oldest = String(Math.floor(since.getTime() / 1000) - 60);
      for (let page = 0; page < 3; page++) {
        const res = await this.client.conversations.history({ channel, oldest, limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
        const hit = (res.messages as HistoryMessage[] | undefined)?.find((m) => m.metadata?.event_type === METADATA_EVENT && m.metadata.event_payload?.key === key);
        if (hit?.ts) return { channel, ts: hit.ts };
        cursor = res.response_metadata?.next_cursor || undefined;
        if (!res.has_more || !cursor) break;
      }
      return null;
    } catch (e) {
      throw toDeliveryError(e);
    }
  }

  /** The error code of the last failed post to a channel or person, until a post there succeeds. */
  undeliverable(where: string): string | undefined {
    return this.unreachable.get(where);
  }

  private async postAll(channel: string, contents: Content[], from = 0, into?: SlackRef, key?: string): Promise<SlackRef> {
    let ref = into;
    for (const content of contents.slice(from)) {
      // The first post carries the outbox key, so an uncertain delivery can be found in the history.
      const metadata = key && !ref ? { metadata: { event_type: METADATA_EVENT, event_payload: { key } } } : {};
      const res = await this.client.chat.postMessage({ channel, ...content, unfurl_links: false, unfurl_media: false, ...metadata });
      const ts = res.ts ?? '';
      if (!ref) ref = { channel: res.channel ?? channel, ts };
      else ref.more = [...(ref.more ?? []), ts];
    }
    return ref ?? { channel, ts: '' };
  }

  /** A message posted before (maybe in several posts) gets the new pages: edited, added to, or trimmed. */
  private async replace(prev: SlackRef, channel: string, contents: Content[], key?: string): Promise<SlackRef> {
    const first = await this.update(prev, contents[0]);
    if (!first) return this.postAll(channel, contents, 0, undefined, key);
    const ref: SlackRef = { ...first, more: [] };
    const older = prev.more ?? [];
    for (const [i, content] of contents.slice(1).entries()) {
      const edited = older[i] ? await this.update({ channel: ref.channel, ts: older[i] }, content) : null;
      if (edited) ref.more!.push(edited.ts);
      else await this.postAll(ref.channel, [content], 0, ref);
    }
    // Posts the shorter message no longer needs are removed, so no stale page is left behind.
    for (const ts of older.slice(contents.length - 1)) await this.client.chat.delete({ channel: ref.channel, ts }).catch(() => undefined);
    if (!ref.more!.length) delete ref.more;
    return ref;
  }

  /** Edits in place; a message that is gone (deleted, too old) is posted anew instead. */
  private async update(ref: SlackRef, content: Content): Promise<SlackRef | null> {
    try {
      const res = await this.client.chat.update({ channel: ref.channel, ts: ref.ts, ...content } as never);
      return { channel: res.channel ?? ref.channel, ts: res.ts ?? ref.ts };
    } catch (e) {
      const code = platformError(e);
      if (code === 'message_not_found' || code === 'cant_update_message' || code === 'edit_window_closed') return null;
      throw e;
    }
  }

  /**
   * The person's DM channel with the app: from memory, else as stored with the member (one read), else
   * conversations.open — whose answer is then stored, so no later tick or process asks Slack again.
   */
  private async dmChannel(target: MemberTarget): Promise<string> {
    const userId = target.externalId;
    const known = this.dms.get(userId) ?? dmRef(target.ref) ?? (this.refs ? dmRef(await this.refs.memberRef(target.memberId)) : null);
    if (known) {
      this.dms.set(userId, known);
      return known;
    }
    const res = await this.client.conversations.open({ users: userId });
    const id = res.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    this.dms.set(userId, id);
    if (this.refs) {
      await this.refs.setMemberRef('slack', userId, { kind: 'slack-dm', channel: id } satisfies SlackDmRef).catch((err: unknown) => this.log.warn({ err }, 'slack: could not store the DM channel id (it is asked again next time)'));
    }
    return id;
  }
}
