// The one command grammar (Swedish first, English aliases), parsed once for every adapter.
// The parser is pure: it splits words and checks shapes; meaning (dates, members, cases) is the handlers' job.
import { z } from 'zod';
import type { Lang } from './model.js';

export const OUTCOMES = ['arbete', 'studier', 'insats', 'samplanering', 'ej-aktuellt'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const CONSENTS = ['ja', 'nej', 'okänt'] as const;
export type Consent = (typeof CONSENTS)[number];

const caseCode = z.string().regex(/^[A-ZÅÄÖ]{2,6}-\d{4}-\d{3,}$/);
const mention = z.string().regex(/^@\S+$/);
const id = z.coerce.number().int().positive().max(2_147_483_647);
const freeText = z.string().trim().min(1).max(2000);

export type Command =
  | { name: 'help' }
  | { name: 'link'; forumKey: string }
  | { name: 'case.new'; groups: string[]; consent: Consent; question: string; category?: string | null }
  | { name: 'case.new.form' }
  | { name: 'case.list' }
  | { name: 'case.show'; code: string }
  | { name: 'case.close'; code: string | null; outcome: Outcome }
  | { name: 'case.close.form'; code: string }
  | { name: 'case.log'; code: string }
  | { name: 'topic.add'; text: string }
  | { name: 'agenda' }
  | { name: 'step.add'; code: string | null; owner: string; due: string; text: string }
  | { name: 'step.add.form'; code: string | null }
  | { name: 'step.done'; id: number }
  | { name: 'mine' }
  | { name: 'handover.new'; template: string; code: string; to: string; due: string | null }
  | { name: 'handover.new.form'; code: string | null }
  | { name: 'handover.reply'; id: number; fields: Record<string, string> }
  | { name: 'handover.reply.form'; id: number }
  | { name: 'meeting.start' }
  | { name: 'meeting.next' }
  | { name: 'meeting.skip' }
  | { name: 'meeting.end' }
  | { name: 'meeting.move'; date: string }
  | { name: 'meeting.cancel'; reason: string | null }
  | { name: 'minutes.approve' }
  | { name: 'minutes.show' }
  | { name: 'report'; quarter: string }
  | { name: 'calendar' }
  | { name: 'meeting.decide'; text: string }
  | { name: 'meeting.inform'; who: string; text: string };

export type CommandName = Command['name'];

export type ParseError = { error: ParseErrorKey; params?: Record<string, string>; lang?: Lang };
export type ParseErrorKey =
  | 'empty'
  | 'unknownCommand'
  | 'usage'
  | 'badCaseCode'
  | 'badOutcome'
  | 'badConsent'
  | 'badMention'
  | 'badId'
  | 'badField'
  | 'badQuarter'
  | 'tooLong';

export interface Parsed {
  command: Command;
  /** The language the verb was written in. */
  lang: Lang;
}

/** Lower-case and fold å/ä/ö so `arende ny` and `ärende ny` both work. */
export function fold(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

// verb (folded) -> [group, language]
const GROUPS: Record<string, [string, Lang]> = {
  hjalp: ['help', 'sv'], help: ['help', 'en'], '?': ['help', 'sv'],
  koppla: ['link', 'sv'], link: ['link', 'en'],
  arende: ['case', 'sv'], case: ['case', 'en'],
  fraga: ['topic', 'sv'], topic: ['topic', 'en'],
  dagordning: ['agenda', 'sv'], agenda: ['agenda', 'en'],
  atgard: ['step', 'sv'], step: ['step', 'en'],
  mina: ['mine', 'sv'], mine: ['mine', 'en'],
  overlamning: ['handover', 'sv'], handover: ['handover', 'en'],
  mote: ['meeting', 'sv'], meeting: ['meeting', 'en'],
  protokoll: ['minutes', 'sv'], minutes: ['minutes', 'en'],
  rapport: ['report', 'sv'], report: ['report', 'en'],
  kalender: ['calendar', 'sv'], calendar: ['calendar', 'en'],
};

// group -> sub-verb (folded) -> canonical sub
const SUBS: Record<string, Record<string, string>> = {
  case: { ny: 'new', new: 'new', lista: 'list', list: 'list', visa: 'show', show: 'show', avsluta: 'close', close: 'close', logg: 'log', log: 'log' },
  topic: { ny: 'add', add: 'add', new: 'add' },
  step: { ny: 'add', add: 'add', new: 'add', klar: 'done', done: 'done' },
  handover: { ny: 'new', new: 'new', svar: 'reply', reply: 'reply' },
  meeting: { start: 'start', nasta: 'next', next: 'next', hoppa: 'skip', skip: 'skip', avsluta: 'end', end: 'end', flytta: 'move', move: 'move', 'stall': 'cancel', cancel: 'cancel', beslut: 'decide', decide: 'decide', decision: 'decide', info: 'inform', inform: 'inform', informerar: 'inform' },
  minutes: { justera: 'approve', approve: 'approve', visa: 'show', show: 'show' },
};

const MAX_LINE = 4000;

export function parseCommand(input: string): Parsed | ParseError {
  // Control characters never carry meaning here; they are dropped before anything else looks at the text.
  const line = input.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').trim();
  if (!line) return { error: 'empty' };
  if (line.length > MAX_LINE) return { error: 'tooLong', params: { max: String(MAX_LINE) } };
  const words = line.split(/\s+/);
  const head = GROUPS[fold(words[0])];
  if (!head) return { error: 'unknownCommand', params: { word: words[0].slice(0, 40) } };
  const [group, lang] = head;
  const subs = SUBS[group];
  let sub = '';
  let rest = words.slice(1);
  if (subs) {
    const s = words[1] === undefined ? undefined : subs[fold(words[1])];
    if (!s) return { error: 'usage', params: { group }, lang };
    sub = s;
    rest = words.slice(2);
    // "möte ställ in" is two words in Swedish.
    if (group === 'meeting' && s === 'cancel' && fold(words[1]) === 'stall') {
      if (rest[0] && fold(rest[0]) === 'in') rest = rest.slice(1);
      else return { error: 'usage', params: { group }, lang };
    }
  }
  const result = build(group, sub, rest);
  return 'error' in result ? { ...result, lang } : { command: result, lang };
}

function build(group: string, sub: string, rest: string[]): Command | ParseError {
  const usage: ParseError = { error: 'usage', params: { group } };
  switch (group) {
    case 'help':
      return { name: 'help' };
    case 'agenda':
      return { name: 'agenda' };
    case 'mine':
      return { name: 'mine' };
    case 'calendar':
      return { name: 'calendar' };
    case 'link':
      return rest.length === 1 && /^[a-z0-9-]{1,60}$/i.test(rest[0]) ? { name: 'link', forumKey: rest[0].toLowerCase() } : usage;
    case 'report': {
      if (rest.length !== 1) return usage;
      const q = rest[0].toUpperCase();
      return /^\d{4}-Q[1-4]$/.test(q) ? { name: 'report', quarter: q } : { error: 'badQuarter', params: { value: rest[0].slice(0, 20) } };
    }
    case 'topic': {
      const t = freeText.safeParse(rest.join(' '));
      return t.success ? { name: 'topic.add', text: t.data } : usage;
    }
    case 'case':
      return buildCase(sub, rest, usage);
    case 'step':
      return buildStep(sub, rest, usage);
    case 'handover':
      return buildHandover(sub, rest, usage);
    case 'meeting':
      if (sub === 'move') return rest.length === 1 ? { name: 'meeting.move', date: rest[0] } : usage;
      if (sub === 'cancel') return { name: 'meeting.cancel', reason: rest.length ? rest.join(' ').slice(0, 200) : null };
      if (sub === 'decide' || sub === 'inform') return buildMeetingNote(sub, rest, usage);
      return rest.length === 0 ? ({ name: `meeting.${sub}` } as Command) : usage;
    case 'minutes':
      return rest.length === 0 ? ({ name: sub === 'approve' ? 'minutes.approve' : 'minutes.show' } as Command) : usage;
  }
  return usage;
}

function code(word: string | undefined): string | null {
  if (!word) return null;
  const c = word.toUpperCase();
  return caseCode.safeParse(c).success ? c : null;
}

function buildCase(sub: string, rest: string[], usage: ParseError): Command | ParseError {
  switch (sub) {
    case 'list':
      return rest.length === 0 ? { name: 'case.list' } : usage;
    case 'show':
    case 'log': {
      if (rest.length !== 1) return usage;
      const c = code(rest[0]);
      if (!c) return { error: 'badCaseCode', params: { value: rest[0].slice(0, 30) } };
      return sub === 'show' ? { name: 'case.show', code: c } : { name: 'case.log', code: c };
    }
    case 'close': {
      // `ärende avsluta <kod> <utfall>`, or `ärende avsluta <utfall>` for the case open in a meeting.
      if (rest.length < 1 || rest.length > 2) return usage;
      // `ärende avsluta <kod>` alone asks for the outcome in a form (the agenda's "Avsluta ärende" button).
      if (rest.length === 1 && code(rest[0])) return { name: 'case.close.form', code: code(rest[0])! };
      const c = rest.length === 2 ? code(rest[0]) : null;
      if (rest.length === 2 && !c) return { error: 'badCaseCode', params: { value: rest[0].slice(0, 30) } };
      const o = fold(rest[rest.length - 1]).replace('_', '-');
      const outcome = OUTCOMES.find((x) => x === o || x.replace('-', '') === o);
      if (!outcome) return { error: 'badOutcome', params: { value: rest[rest.length - 1].slice(0, 30) } };
      return { name: 'case.close', code: c, outcome };
    }
    case 'new': {
      if (rest.length === 0) return { name: 'case.new.form' };
      const groups: string[] = [];
      let consent: Consent = 'okänt';
      let category: string | null = null;
      let i = 0;
      for (; i < rest.length; i++) {
        const m = /^(grupp|group|samtycke|consent|kategori|category):(.*)$/i.exec(rest[i]);
        if (!m) break;
        const k = fold(m[1]);
        if (k === 'grupp' || k === 'group') groups.push(...m[2].split(',').map((g) => fold(g)).filter(Boolean));
        else if (k === 'kategori' || k === 'category') category = fold(m[2]) || null;
        else {
          const v = fold(m[2]);
          const c = v === 'ja' || v === 'yes' ? 'ja' : v === 'nej' || v === 'no' ? 'nej' : v === 'okant' || v === 'unknown' ? 'okänt' : null;
          if (!c) return { error: 'badConsent', params: { value: m[2].slice(0, 20) } };
          consent = c;
        }
      }
      const q = freeText.safeParse(rest.slice(i).join(' '));
      if (!q.success) return usage;
      return { name: 'case.new', groups: [...new Set(groups)], consent, question: q.data, category };
    }
  }
  return usage;
}

function buildStep(sub: string, rest: string[], usage: ParseError): Command | ParseError {
  if (sub === 'done') {
    if (rest.length !== 1) return usage;
    const n = id.safeParse(rest[0].replace(/^#/, ''));
    return n.success ? { name: 'step.done', id: n.data } : { error: 'badId', params: { value: rest[0].slice(0, 20) } };
  }
  // `åtgärd ny [<kod>] @ägare <datum> <text>`; the code may be left out during a meeting item.
  if (rest.length === 0) return { name: 'step.add.form', code: null };
  let words = rest;
  let c: string | null = null;
  if (!words[0].startsWith('@')) {
    c = code(words[0]);
    if (!c) return { error: 'badCaseCode', params: { value: words[0].slice(0, 30) } };
    words = words.slice(1);
    if (words.length === 0) return { name: 'step.add.form', code: c };
  }
  if (!mention.safeParse(words[0]).success) return { error: 'badMention', params: { value: (words[0] ?? '').slice(0, 40) } };
  if (words.length < 3) return usage;
  const t = freeText.safeParse(words.slice(2).join(' '));
  if (!t.success) return usage;
  return { name: 'step.add', code: c, owner: words[0], due: words[1], text: t.data };
}

function buildHandover(sub: string, rest: string[], usage: ParseError): Command | ParseError {
  if (sub === 'reply') {
    if (rest.length === 0) return usage;
    const n = id.safeParse(rest[0].replace(/^#/, ''));
    if (!n.success) return { error: 'badId', params: { value: rest[0].slice(0, 20) } };
    if (rest.length === 1) return { name: 'handover.reply.form', id: n.data };
    const fields: Record<string, string> = {};
    let last: string | null = null;
    for (const w of rest.slice(1)) {
      const m = /^([^=\s]+)=(.*)$/.exec(w);
      if (m) {
        last = fold(m[1]);
        fields[last] = m[2];
      } else if (last) {
        fields[last] = `${fields[last]} ${w}`.trim(); // values may hold spaces: skola=Komvux Norra
      } else return { error: 'badField', params: { value: w.slice(0, 30) } };
    }
    return { name: 'handover.reply', id: n.data, fields };
  }
  if (rest.length === 0) return { name: 'handover.new.form', code: null };
  if (rest.length === 1) {
    const c = code(rest[0]);
    return c ? { name: 'handover.new.form', code: c } : usage;
  }
  if (rest.length < 3) return usage;
  const [template, codeWord, to, ...tail] = rest;
  const c = code(codeWord);
  if (!c) return { error: 'badCaseCode', params: { value: codeWord.slice(0, 30) } };
  if (!mention.safeParse(to).success) return { error: 'badMention', params: { value: to.slice(0, 40) } };
  let due: string | null = null;
  if (tail.length) {
    if (tail.length !== 2 || !['senast', 'by'].includes(fold(tail[0]))) return usage;
    due = tail[1];
  }
  return { name: 'handover.new', template: fold(template), code: c, to, due };
}

// `möte beslut <text>` records a decision on the current item; `möte info @vem <till vem och vad>` who informs whom.
function buildMeetingNote(sub: 'decide' | 'inform', rest: string[], usage: ParseError): Command | ParseError {
  if (sub === 'decide') {
    const t = freeText.safeParse(rest.join(' '));
    return t.success ? { name: 'meeting.decide', text: t.data } : usage;
  }
  if (!rest[0] || !mention.safeParse(rest[0]).success) return { error: 'badMention', params: { value: (rest[0] ?? '').slice(0, 40) } };
  const t = freeText.safeParse(rest.slice(1).join(' '));
  return t.success ? { name: 'meeting.inform', who: rest[0], text: t.data } : usage;
}
