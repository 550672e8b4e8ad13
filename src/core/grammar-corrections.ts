// The correction commands (issue 15), kept apart from the rest of the grammar so they can be ported as
// command specs in one piece:
//   ärende ändra <kod> [grupp:…] [samtycke:…] [kategori:…] [text:<ny fråga …>]   case edit
//   ärende radera <kod>                                                           case erase
//   åtgärd ändra <id> [@ägare] [datum] [text …]                                   step edit
//   åtgärd stryk <id> [orsak …]                                                   step strike | step remove
//   överlämning visa <id>                                                         handover show
//   överlämning rätta <id> <fält>=<värde> …                                       handover correct
// Like the rest of the grammar this only checks shapes; the handlers give the words their meaning.
import { z } from 'zod';
import type { Consent } from './vocabulary.js';

export type CorrectionCommand =
  | { name: 'case.edit'; code: string; text: string | null; groups: string[] | null; consent: Consent | null; category: string | null }
  | { name: 'case.erase'; code: string }
  | { name: 'case.edit.form'; code: string }
  | { name: 'step.edit.form'; id: number }
  | { name: 'step.edit'; id: number; words: string[] }
  | { name: 'step.strike'; id: number; reason: string | null }
  | { name: 'handover.show'; id: number }
  | { name: 'handover.correct'; id: number; fields: Record<string, string> };

/** Sub-verbs (folded) of the correction commands, by group. */
export const CORRECTION_SUBS: Record<string, Record<string, string>> = {
  case: { andra: 'edit', edit: 'edit', radera: 'erase', erase: 'erase' },
  step: { andra: 'edit', edit: 'edit', stryk: 'strike', strike: 'strike', remove: 'strike' },
  handover: { visa: 'show', show: 'show', ratta: 'correct', correct: 'correct' },
};

type Err = { error: 'usage' | 'badCaseCode' | 'badId' | 'badConsent' | 'badField'; params?: Record<string, string> };

const id = z.coerce.number().int().positive().max(2_147_483_647);
const CODE = /^[A-ZÅÄÖ]{2,6}-\d{4}-\d{3,}$/;

function fold(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function idOf(word: string | undefined): number | Err {
  const n = id.safeParse((word ?? '').replace(/^#/, ''));
  return n.success ? n.data : { error: 'badId', params: { value: (word ?? '').slice(0, 20) } };
}

/** The command for a correction sub-verb, a refusal of its shape, or null when `sub` is not one. */
export function buildCorrection(group: string, sub: string, rest: string[], usage: Err): CorrectionCommand | Err | null {
  if (group === 'case' && (sub === 'edit' || sub === 'erase')) {
    const c = (rest[0] ?? '').toUpperCase();
    if (!rest[0]) return usage;
    if (!CODE.test(c)) return { error: 'badCaseCode', params: { value: rest[0].slice(0, 30) } };
    if (sub === 'erase') return rest.length === 1 ? { name: 'case.erase', code: c } : usage;
    if (rest.length === 1) return { name: 'case.edit.form', code: c };
    let text: string | null = null;
    let groups: string[] | null = null;
    let consent: Consent | null = null;
    let category: string | null = null;
    const words = rest.slice(1);
    for (let i = 0; i < words.length; i++) {
      const m = /^(text|grupp|group|samtycke|consent|kategori|category):(.*)$/i.exec(words[i]);
      if (!m) return usage;
      const k = fold(m[1]);
      if (k === 'text') {
        text = [m[2], ...words.slice(i + 1)].join(' ').trim();
        if (!text) return usage;
        break;
      }
      if (k === 'grupp' || k === 'group') groups = [...new Set(m[2].split(',').map((g) => fold(g)).filter(Boolean))];
      else if (k === 'kategori' || k === 'category') category = fold(m[2]) || null;
      else {
        const v = fold(m[2]);
        consent = v === 'ja' || v === 'yes' ? 'ja' : v === 'nej' || v === 'no' ? 'nej' : v === 'okant' || v === 'unknown' ? 'okänt' : null;
        if (!consent) return { error: 'badConsent', params: { value: m[2].slice(0, 20) } };
      }
    }
    if (text === null && groups === null && consent === null && category === null) return usage;
    return { name: 'case.edit', code: c, text, groups, consent, category };
  }
  if (group === 'step' && (sub === 'edit' || sub === 'strike')) {
    const n = idOf(rest[0]);
    if (typeof n !== 'number') return rest[0] ? n : usage;
    if (sub === 'strike') return { name: 'step.strike', id: n, reason: rest.length > 1 ? rest.slice(1).join(' ') : null };
    return rest.length > 1 ? { name: 'step.edit', id: n, words: rest.slice(1) } : { name: 'step.edit.form', id: n };
  }
  if (group === 'handover' && (sub === 'show' || sub === 'correct')) {
    const n = idOf(rest[0]);
    if (typeof n !== 'number') return rest[0] ? n : usage;
    if (sub === 'show') return rest.length === 1 ? { name: 'handover.show', id: n } : usage;
    const fields: Record<string, string> = {};
    let last: string | null = null;
    for (const w of rest.slice(1)) {
      const m = /^([^=\s]+)=(.*)$/.exec(w);
      if (m) fields[(last = fold(m[1]))] = m[2];
      else if (last) fields[last] = `${fields[last]} ${w}`.trim();
      else return { error: 'badField', params: { value: w.slice(0, 30) } };
    }
    return Object.keys(fields).length ? { name: 'handover.correct', id: n, fields } : usage;
  }
  return null;
}
