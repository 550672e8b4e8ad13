import { asc, eq } from 'drizzle-orm';
import type { AuditStore } from '../../core/stores.js';
import type { Db } from '../client.js';
import { auditLog } from '../schema/index.js';

export function auditStore(db: Db): AuditStore {
  return {
    async add(e) {
      await db.insert(auditLog).values(e);
    },
    forCase: (code) => db.select().from(auditLog).where(eq(auditLog.caseCode, code)).orderBy(asc(auditLog.at), asc(auditLog.id)),
  };
}
