// Web API failures, sorted into "try again later" and "will never work" for the outbox.
import * as webApi from '@slack/web-api';
import { DeliveryError } from '../../src/core/ports.js';

/** Platform errors that go away by themselves. */
const TRANSIENT = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'team_added_to_org']);
/** Errors that mean the bot cannot post where the forum lives until a person acts. */
export const UNREACHABLE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'cannot_dm_bot', 'user_not_found']);

interface SlackErrorLike {
  code?: string;
  message?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
}

/** The Slack error code (`channel_not_found`) of a platform error, if it is one. */
export function platformError(e: unknown): string | undefined {
  const err = e as SlackErrorLike;
  return err?.code === webApi.ErrorCode.PlatformError ? err.data?.error : undefined;
}

export function toDeliveryError(e: unknown): DeliveryError {
  if (e instanceof DeliveryError) return e;
  const err = e as SlackErrorLike;
  switch (err?.code) {
    case webApi.ErrorCode.RateLimitedError:
      return new DeliveryError(`slack: rate limited, retry after ${err.retryAfter}s`, true, Math.max(1, err.retryAfter ?? 1) * 1000);
    case webApi.ErrorCode.HTTPError: {
      const status = err.statusCode ?? 0;
      // A 5xx may come after Slack took the post in: the next attempt looks before posting again.
      return new DeliveryError(`slack: HTTP ${status}`, status >= 500 || status === 408, undefined, status >= 500 || status === 408);
    }
    case webApi.ErrorCode.RequestError:
      // No answer (timeout, reset): the post may have gone through.
      return new DeliveryError(`slack: request failed (${err.message ?? 'network'})`, true, undefined, true);
    case webApi.ErrorCode.PlatformError: {
      const code = err.data?.error ?? 'unknown';
      return new DeliveryError(`slack: ${code}`, TRANSIENT.has(code));
    }
  }
  return new DeliveryError(`slack: ${err?.message ?? String(e)}`, true, undefined, true);
}
