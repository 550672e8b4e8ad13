// The page-token table behind the core's PageTokenStore (`store.pages`): only a SHA-256 of each token is kept.
import { and, eq, isNull } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { PageGrant, PageScope, PageTokenStore } from '../../core/stores.js';
import type { Db } from '../client.js';
import { pageTokens } from '../schema/index.js';

// The token has 192 random bits: a plain SHA-256 is enough (nothing to brute-force) and one index lookup finds it.
const hashPageToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** Only well-formed tokens are looked up at all. */
const plausiblePageToken = (token: string | null | undefined): token is string => Boolean(token && /^[A-Za-z0-9_-]{32}$/.test(token));

const toGrant = (r: typeof pageTokens.$inferSelect): PageGrant => ({ id: r.id, scope: r.scope as PageScope, forumKey: r.forumKey, memberId: r.memberId });

export class DbPageTokenStore implements PageTokenStore {
  constructor(private readonly db: Db) {}

  async issue(token: string, g: { scope: PageScope; forumKey: string | null; memberId: number | null; createdBy: number | null; at: Date }): Promise<PageGrant> {
    const [row] = await this.db
      .insert(pageTokens)
      .values({ scope: g.scope, forumKey: g.forumKey, memberId: g.memberId, tokenHash: hashPageToken(token), createdBy: g.createdBy, createdAt: g.at })
      .returning();
    return toGrant(row);
  }

  async find(token: string | null | undefined): Promise<PageGrant | null> {
    if (!plausiblePageToken(token)) return null;
    const [row] = await this.db.select().from(pageTokens).where(and(eq(pageTokens.tokenHash, hashPageToken(token)), isNull(pageTokens.revokedAt)));
    return row ? toGrant(row) : null;
  }

  async revoke(w: { scope: PageScope; forumKey?: string | null; memberId?: number | null }, at: Date): Promise<number> {
    const rows = await this.db
      .update(pageTokens)
      .set({ revokedAt: at })
      .where(
        and(
          eq(pageTokens.scope, w.scope),
          w.forumKey ? eq(pageTokens.forumKey, w.forumKey) : undefined,
          w.memberId ? eq(pageTokens.memberId, w.memberId) : undefined,
          isNull(pageTokens.revokedAt),
        ),
      )
      .returning({ id: pageTokens.id });
    return rows.length;
  }
}
