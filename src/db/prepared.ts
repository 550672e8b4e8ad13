// Prepared statements for drizzle on postgres.js (issue 19). drizzle's postgres.js driver sends every
// query it did not get a `.prepare(name)` for as an unnamed statement, and postgres.js sends an
// unnamed statement with parameters in two round trips: Parse + Describe (to learn the parameter
// types), wait, then Bind + Execute. Every store call of a command paid that twice over, and Postgres
// parsed and planned each one afresh. Here every query goes out prepared: postgres.js keeps one named
// statement per query text on each connection, so from the second use on a statement is one round
// trip (Bind + Execute) with its plan cached.
//
// Query texts are not all fixed: an `in (…)` list or a multi-row insert has one text per length. So
// that the statements kept on each connection (in postgres.js and in the server) stay bounded, only
// the first MAX_TEXTS distinct texts with parameters are prepared; any other goes out unnamed as before
// (a text without parameters is sent in one round trip either way).
import type { Sql } from 'postgres';

export const MAX_TEXTS = 500;

type Unsafe = Sql['unsafe'];
type QueryOptions = NonNullable<Parameters<Unsafe>[2]>;

/** The same client, with drizzle's queries sent as prepared statements (see above). */
export function preparing<T extends Sql>(client: T, texts: Set<string> = new Set()): T {
  const prepareOf = (query: string, params: unknown[] | undefined, options?: QueryOptions): boolean => {
    if (options && options.prepare === true) return true;
    // Without parameters postgres.js sends all of it at once anyway (and a migration's DDL is used once).
    if (!params?.length) return false;
    if (texts.has(query)) return true;
    if (texts.size >= MAX_TEXTS) return false;
    texts.add(query);
    return true;
  };
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === 'unsafe') {
        return (query: string, params?: unknown[], options?: QueryOptions) => (target.unsafe as (q: string, p?: unknown[], o?: QueryOptions) => unknown)(query, params, { ...options, prepare: prepareOf(query, params, options) });
      }
      // A transaction (and a savepoint inside one) hands drizzle another client: prepared the same way.
      if (prop === 'begin' || prop === 'savepoint') {
        return (...args: unknown[]) => {
          const i = args.findIndex((a) => typeof a === 'function');
          if (i >= 0) {
            const fn = args[i] as (tx: Sql) => unknown;
            args[i] = (tx: Sql) => fn(preparing(tx, texts));
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
}
