// Proactive posts to Teams: the outbox hands a target and a message; we continue the stored
// conversation (a linked channel, or a person's personal chat) at its serviceUrl.
import { CardFactory, type CloudAdapter, type ConversationReference, type TurnContext, type Activity } from 'botbuilder';
import type { Message, Target } from '../../src/core/model.js';
import { DeliveryError, type ChatPort, type ConversationRefs } from '../../src/core/ports.js';
import type { Logger } from '../../src/log.js';
import type { UserSeed } from './people.js';
import { renderMessage, summaryOf, type AdaptiveCard } from './render.js';
import { MIN_CARD_BYTES, cardBytes, renderCards, splitCard } from './cards.js';

/** A person's stored way in: their personal chat, or only enough to open one. */
export type MemberChatRef = { kind: 'conversation'; reference: Partial<ConversationReference> } | UserSeed;

/** What `send` returns and `replaces` hands back: enough to update the posted card. */
export interface SentRef {
  activityId: string;
  reference: Partial<ConversationReference>;
  /** The further cards of a message split across several (a long agenda or minutes). */
  more?: string[];
}

export function activityOf(message: Message): Partial<Activity> {
  return cardActivity(message, renderMessage(message));
}

function cardActivity(message: Message, card: AdaptiveCard): Partial<Activity> {
  return { type: 'message', summary: summaryOf(message), attachments: [CardFactory.adaptiveCard(card)] };
}

export class TeamsPort implements ChatPort {
  /** People seen in this process whose seed is not stored yet (mentioned in the command being run). */
  readonly seeds = new Map<string, UserSeed>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly refs: ConversationRefs,
    private readonly log: Logger,
  ) {}

  async send(target: Target, message: Message, replaces?: unknown): Promise<SentRef> {
    const cards = renderCards(message);
    const prev = replaces as SentRef | undefined;
    if (prev?.activityId && prev.reference) return this.replace(prev, message, cards);
    return this.postCards(await this.referenceFor(target), message, cards);
  }

  private async referenceFor(target: Target): Promise<Partial<ConversationReference>> {
    if (target.kind === 'channel') {
      const ref = target.ref as Partial<ConversationReference> | undefined;
      if (!ref?.serviceUrl || !ref.conversation?.id) throw new DeliveryError('no Teams conversation reference for this channel (link it again)', false);
      return ref;
    }
    const stored = (target.ref ?? (await this.refs.memberRef(target.memberId))) as MemberChatRef | null;
    if (stored?.kind === 'conversation') return stored.reference;
    const seed = stored?.kind === 'user' ? stored : this.seeds.get(target.externalId);
    // Retryable: the person may open a chat with the bot (or be seen in a channel) later.
    if (!seed) throw new DeliveryError('no way to reach this person in Teams yet', true);
    const reference = await this.openPersonalChat(seed);
    await this.refs.setMemberRef('teams', target.externalId, { kind: 'conversation', reference } satisfies MemberChatRef);
    return reference;
  }

  /** Posts every card; the first one's id is the message's, the others are remembered to update later. */
  private async postCards(reference: Partial<ConversationReference>, message: Message, cards: AdaptiveCard[]): Promise<SentRef> {
    const ids: string[] = [];
    for (const card of cards) ids.push(...(await this.postSmaller(reference, message, card)));
    return { activityId: ids[0] ?? '', reference, ...(ids.length > 1 ? { more: ids.slice(1) } : {}) };
  }

  /** Teams answers 413 when a message is too large: the card is split in half and sent again, never dropped. */
  private async postSmaller(reference: Partial<ConversationReference>, message: Message, card: AdaptiveCard): Promise<string[]> {
    try {
      return [(await this.post(reference, cardActivity(message, card))).activityId];
    } catch (e) {
      const budget = Math.floor(cardBytes(card) / 2);
      if (statusOf(e) !== 413 || budget < MIN_CARD_BYTES) throw e;
      const parts = splitCard(card, budget, message.title ?? null);
      if (parts.length < 2) throw e;
      this.log.warn({ bytes: cardBytes(card), parts: parts.length }, 'teams: card too large (413), sending it in smaller parts');
      const ids: string[] = [];
      for (const part of parts) ids.push(...(await this.postSmaller(reference, message, part)));
      return ids;
    }
  }

  /** A message posted before (maybe as several cards) gets the new cards: updated, added to, or trimmed. */
  private async replace(prev: SentRef, message: Message, cards: AdaptiveCard[]): Promise<SentRef> {
    const older = [prev.activityId, ...(prev.more ?? [])];
    const ids: string[] = [];
    for (const [i, card] of cards.entries()) {
      const activity = cardActivity(message, card);
      if (older[i]) {
        await this.onConversation(prev.reference, async (ctx) => void (await ctx.updateActivity({ ...activity, id: older[i] })), older[i]);
        ids.push(older[i]);
      } else ids.push(...(await this.postSmaller(prev.reference, message, card)));
    }
    for (const id of older.slice(cards.length)) await this.onConversation(prev.reference, (ctx) => ctx.deleteActivity(id)).catch(() => undefined);
    return { activityId: ids[0] ?? prev.activityId, reference: prev.reference, ...(ids.length > 1 ? { more: ids.slice(1) } : {}) };
  }

  private post(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<SentRef> {
    return this.onConversation(reference, async (ctx) => (await ctx.sendActivity(activity))?.id ?? '');
  }

  /** Runs `fn` in a proactive turn; errors come back to the caller (the adapter would swallow them). */
  private async onConversation(reference: Partial<ConversationReference>, fn: (ctx: TurnContext) => Promise<string | void>, fallbackId = ''): Promise<SentRef> {
    let failure: unknown = null;
    let activityId = fallbackId;
    await this.adapter.continueConversationAsync(this.appId, reference, async (ctx) => {
      withoutSdkRetries(ctx, this.adapter);
      try {
        activityId = (await fn(ctx)) || activityId;
      } catch (e) {
        failure = e;
      }
    });
    // The HTTP status stays readable on the error (a 413 is retried smaller).
    if (failure) throw Object.assign(deliveryError(failure), { httpStatus: statusOf(failure) });
    return { activityId, reference };
  }

  private async openPersonalChat(seed: UserSeed): Promise<Partial<ConversationReference>> {
    let reference: Partial<ConversationReference> | null = null;
    let failure: unknown = null;
    const params = {
      isGroup: false,
      bot: { id: seed.bot.id, name: seed.bot.name ?? '' },
      members: [{ id: seed.userId, name: '' }],
      tenantId: seed.tenantId ?? undefined,
      channelData: seed.tenantId ? { tenant: { id: seed.tenantId } } : undefined,
      activity: undefined as never,
    };
    try {
      await this.adapter.createConversationAsync(this.appId, seed.channelId, seed.serviceUrl, undefined as never, params, async (ctx) => {
        reference = ctxReference(ctx);
      });
    } catch (e) {
      failure = e;
    }
    if (failure || !reference) throw deliveryError(failure ?? new Error('no conversation created'));
    this.log.debug('opened a personal Teams chat');
    return reference;
  }
}

function ctxReference(ctx: TurnContext): Partial<ConversationReference> {
  const a = ctx.activity;
  return { channelId: a.channelId, serviceUrl: a.serviceUrl, conversation: a.conversation, bot: a.recipient, user: a.from };
}

/** The connector's HTTP pipeline retries and sleeps on 429/5xx by itself; the outbox retries instead. */
function withoutSdkRetries(ctx: TurnContext, adapter: CloudAdapter): void {
  const client = ctx.turnState.get(adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy(p: { name: string }): unknown } } } | undefined;
  try {
    client?.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
  } catch {
    // An SDK without that pipeline keeps its own retries; delivery still works.
  }
}

function statusOf(e: unknown): number | undefined {
  const err = e as { httpStatus?: number; statusCode?: number; status?: number; response?: { status?: number } };
  return err?.httpStatus ?? err?.statusCode ?? err?.response?.status ?? err?.status;
}

/** 429 and 5xx (and network failures) come back later, honouring Retry-After; other 4xx are final. */
export function deliveryError(e: unknown): DeliveryError {
  const err = e as { statusCode?: number; status?: number; message?: string; response?: { status?: number; headers?: { get?(n: string): string | undefined } & Record<string, unknown> } };
  const status = err?.statusCode ?? err?.response?.status ?? err?.status;
  const message = `Teams connector: ${status ?? 'no answer'} ${String(err?.message ?? e).slice(0, 200)}`;
  if (status === undefined) return new DeliveryError(message, true);
  if (status === 429 || status >= 500) {
    const h = err.response?.headers;
    const raw = (typeof h?.get === 'function' ? h.get('retry-after') : (h?.['retry-after'] as string | undefined)) ?? undefined;
    return new DeliveryError(message, true, retryAfterMs(raw));
  }
  return new DeliveryError(message, false);
}

function retryAfterMs(raw: string | undefined): number | undefined {
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  // An HTTP date is relative to the server's clock, which we read only to turn it into a delay.
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
