import { pgTable, text } from 'drizzle-orm/pg-core';

/** Parties of the agreement, mirrored from config on start. */
export const organisations = pgTable('organisations', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
});
