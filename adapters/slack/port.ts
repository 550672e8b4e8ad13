// Delivers outbox messages to Slack: chat.postMessage to a channel or a person's DM with the app,
// chat.update when the message replaces an earlier one (a refreshed agenda).
import type { webApi } from '@slack/bolt';
import type { Message, Target } from '../../src/core/model.js';
import type { ChatPort } from '../../src/core/ports.js';
import type { Logger } from '../../src/log.js';
import { platformError, toDeliveryError, UNREACHABLE } from './errors.js';
import { fallbackText, toBlocks } from './render.js';

/** What a delivered message is remembered by, so a later one can replace it. */
export interface SlackRef {
  channel: string;
  ts: string;
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

export class SlackPort implements ChatPort {
  private readonly dms = new Map<string, string>();
  /** Channels the bot could not post to lately (error code), so the person who asked can be told. */
  private readonly unreachable = new Map<string, string>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly log: Logger,
  ) {}

  async send(target: Target, message: Message, replaces?: unknown, key?: string): Promise<SlackRef> {
    const where = target.kind === 'channel' ? target.channelId : target.externalId;
    try {
      const channel = target.kind === 'channel' ? target.channelId : await this.dmChannel(target.externalId);
      const content = { text: fallbackText(message), blocks: toBlocks(message) };
      if (isRef(replaces)) {
        const updated = await this.update(replaces, content);
        if (updated) return updated;
      }
      const metadata = key ? { event_type: METADATA_EVENT, event_payload: { key } } : undefined;
      const res = await this.client.chat.postMessage({ channel, ...content, unfurl_links: false, unfurl_media: false, ...(metadata ? { metadata } : {}) });
      this.unreachable.delete(where);
      return { channel: res.channel ?? channel, ts: res.ts ?? '' };
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
      const channel = target.kind === 'channel' ? target.channelId : await this.dmChannel(target.externalId);
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

  /** Edits in place; a message that is gone (deleted, too old) is posted anew instead. */
  private async update(ref: SlackRef, content: { text: string; blocks: unknown[] }): Promise<SlackRef | null> {
    try {
      const res = await this.client.chat.update({ channel: ref.channel, ts: ref.ts, ...content } as never);
      return { channel: res.channel ?? ref.channel, ts: res.ts ?? ref.ts };
    } catch (e) {
      const code = platformError(e);
      if (code === 'message_not_found' || code === 'cant_update_message' || code === 'edit_window_closed') return null;
      throw e;
    }
  }

  private async dmChannel(userId: string): Promise<string> {
    const known = this.dms.get(userId);
    if (known) return known;
    const res = await this.client.conversations.open({ users: userId });
    const id = res.channel?.id;
    if (!id) throw new Error('conversations.open returned no channel');
    this.dms.set(userId, id);
    return id;
  }
}
