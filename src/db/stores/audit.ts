import { and, asc, eq, gte, isNotNull, lte } from 'drizzle-orm';
import type { AuditStore } from '../../core/stores.js';
import type { Db } from '../client.js';
import { auditLog } from '../schema/index.js';

export function auditStore(db: Db): AuditStore {
  return {
    async add(e) {
      await db.insert(auditLog).values(e);
    },
    forCase: (code) => db.select().from(auditLog).where(eq(auditLog.caseCode, code)).orderBy(asc(auditLog.at), asc(auditLog.id)),
    async actorsBetween(forumKey, from, to) {
      const rows = await db
        .selectDistinct({ id: auditLog.actorId })
        .from(auditLog)
        .where(and(eq(auditLog.forumKey, forumKey), gte(auditLog.at, from), lte(auditLog.at, to), isNotNull(auditLog.actorId)));
      return rows.map((r) => r.id!).sort((a, b) => a - b);
    },
  };
}
