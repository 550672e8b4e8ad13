// The ports the core is handed: a chat platform to deliver outbox messages through.
import type { Message, Target } from './model.js';

/** One chat platform's way to deliver a message. Returns a reference to what was posted (for updates). */
export interface ChatPort {
  /** `key` is the message's idempotency key; a platform that can carry it with the post does. */
  send(target: Target, message: Message, replaces?: unknown, key?: string): Promise<unknown>;
  /**
   * Looks for a post carrying `key` made since `since` (an earlier attempt whose outcome is unknown):
   * its reference when found, null when surely not there. Platforms that cannot look leave it out.
   */
  findSent?(target: Target, key: string, since: Date): Promise<unknown | null>;
}

/** A failed delivery: retryable ones come back later (after `retryAfterMs` when the platform said so). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
    /** The request may have reached the platform (timeout, reset, 5xx): the post may exist. */
    readonly ambiguous = false,
  ) {
    super(message);
  }
}

/**
 * How a platform adapter keeps what it needs to reach a person or a channel later (Teams conversation
 * references). Declared here, implemented by the database (src/db/stores/refs.ts).
 */
export interface ConversationRefs {
  /** Stores how to reach a person directly; `onlyIfEmpty` keeps a richer reference already there. */
  setMemberRef(platform: string, externalId: string, ref: unknown, opts?: { onlyIfEmpty?: boolean }): Promise<boolean>;
  memberRef(memberId: number): Promise<unknown>;
  /** Refreshes the stored reference of a linked channel (e.g. the bot was reinstalled). */
  setChannelRef(platform: string, channelId: string, ref: unknown): Promise<boolean>;
}

/** The structured log lines the core writes (pino's logger fits; the core names no logging library). */
export interface Logger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}
