// The ports the core is handed: a chat platform to deliver outbox messages through.
import type { Message, Target } from './model.js';

/** One chat platform's way to deliver a message. Returns a reference to what was posted (for updates). */
export interface ChatPort {
  send(target: Target, message: Message, replaces?: unknown): Promise<unknown>;
}

/** A failed delivery: retryable ones come back later (after `retryAfterMs` when the platform said so). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
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
