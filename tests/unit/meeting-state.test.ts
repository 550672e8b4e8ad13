// meetings.walk_state is read through a zod schema: a row of another shape (an agenda post's state, a
// row written by hand) yields an empty walk instead of being taken for one.
import { describe, expect, it } from 'vitest';
import { runState } from '../../src/core/meeting/state.js';
import type { MeetingRow } from '../../src/core/stores.js';

const row = (walkState: unknown) => ({ walkState }) as MeetingRow;

describe('the walk state of a meeting row', () => {
  it('is read back as written', () => {
    const state = { items: [{ kind: 'case', id: 1, code: 'UNG-2026-001', carried: 0, state: 'current', notes: [{ kind: 'decision', text: 'Ja' }] }], participants: ['af'], seq: 2 };
    expect(runState(row(state))).toEqual(state);
  });

  it('is empty when the column holds something else', () => {
    for (const other of [null, { version: 1, fingerprint: 'abc' }, { items: [{ kind: 'person', id: 1 }] }, 'text']) {
      expect(runState(row(other))).toEqual({ items: [], participants: [], seq: 0 });
    }
  });

  it('is the same object on every read of one row (items are found by identity)', () => {
    const r = row({ items: [], participants: [], seq: 0 });
    expect(runState(r)).toBe(runState(r));
  });
});
