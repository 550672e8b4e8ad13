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
