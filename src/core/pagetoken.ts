// Page links (`sida`, `rapport länk`): a random token in the link, only its SHA-256 in the database.
// The token has 192 random bits, so a plain hash is enough (nothing to brute-force) and one index
// lookup finds it; a wrong, unknown or revoked token is simply not found.
import { randomBytes } from 'node:crypto';

export type { PageGrant, PageScope, PageTokenStore } from './stores.js';

export function newPageToken(): string {
  return randomBytes(24).toString('base64url');
}

export const forumPagePath = (forumKey: string, token: string) => `/forum/${encodeURIComponent(forumKey)}?token=${token}`;
export const dashboardPath = (token: string) => `/dashboard?token=${token}`;
export const minePagePath = (token: string) => `/mine?token=${token}`;
