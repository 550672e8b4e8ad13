// Calendar rules as RFC 5545 recurrence (the `rrule` library): "the first and third Thursday of the
// month" is `FREQ=MONTHLY;BYDAY=1TH,3TH`, "every sixth week on Tuesday" `FREQ=WEEKLY;INTERVAL=6;BYDAY=TU`,
// "the first of April and October" `FREQ=YEARLY;BYMONTH=4,10;BYMONTHDAY=1`. Rules give plain dates
// (the meeting's time of day is the forum's); pauses (summer, Christmas) and terms (only while the
// schools run) then take dates out. Dates are computed as UTC midnights, so DST never shifts a day.
import * as rruleModule from 'rrule';
import { addDays, type IsoDate } from './dates.js';

// rrule ships CommonJS with an __esModule flag: Node's ESM loader puts its exports on `default`, a CJS
// loader (tsx in CJS mode) on the namespace itself.
const { RRule } = ((rruleModule as unknown as { default?: typeof rruleModule }).default?.RRule ? (rruleModule as unknown as { default: typeof rruleModule }).default : rruleModule);

/** A span of days, both ends included: `2026-06-22`…`2026-08-09`, or every year `06-22`…`08-09`. */
export interface DateSpan {
  from: string;
  to: string;
  name?: string;
}

export interface Recurrence {
  /** The RRULE body without DTSTART, e.g. `FREQ=MONTHLY;BYDAY=1TH,3TH`. */
  rrule: string;
  /** DTSTART: the first date the rule may give (and the phase of an INTERVAL). */
  anchor: IsoDate;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_DAY = /^\d{2}-\d{2}$/;

function utc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** Why an RRULE body is not usable here, or null when it is. */
export function ruleProblem(rule: string): string | null {
  if (/DTSTART|UNTIL=\d{8}T|BYHOUR|BYMINUTE|BYSECOND/i.test(rule)) return 'give only the date part of the rule (no DTSTART, times or BYHOUR/BYMINUTE/BYSECOND: the time is cadence.time)';
  let opts;
  try {
    opts = RRule.parseString(rule.replace(/^RRULE:/i, ''));
  } catch (e) {
    return `not an RFC 5545 RRULE: ${(e as Error).message}`;
  }
  if (opts.freq === undefined || opts.freq === null) return 'an RRULE needs FREQ=YEARLY|MONTHLY|WEEKLY|DAILY';
  if (opts.freq > RRule.DAILY) return 'FREQ must be YEARLY, MONTHLY, WEEKLY or DAILY';
  return null;
}

const cache = new Map<string, InstanceType<typeof RRule>>();
function ruleOf(r: Recurrence): InstanceType<typeof RRule> {
  const key = `${r.anchor}|${r.rrule}`;
  let rule = cache.get(key);
  if (!rule) {
    const opts = RRule.parseString(r.rrule.replace(/^RRULE:/i, ''));
    rule = new RRule({ ...opts, dtstart: utc(r.anchor) });
    if (cache.size > 500) cache.clear();
    cache.set(key, rule);
  }
  return rule;
}

/** The dates the rule gives in [from, to], both included, in order. */
export function ruleDates(r: Recurrence, from: IsoDate, to: IsoDate): IsoDate[] {
  if (to < from) return [];
  return ruleOf(r)
    .between(utc(from), utc(addDays(to, 1)), true)
    .map((d) => d.toISOString().slice(0, 10))
    .filter((d) => d >= from && d <= to);
}

/** The RRULE line of an ICS event, with DTSTART given separately by the event. */
export function icsRule(r: Recurrence): string {
  return r.rrule.replace(/^RRULE:/i, '');
}

/** True when `date` lies in the span; a month-day span repeats every year and may wrap New Year. */
export function inSpan(date: IsoDate, span: DateSpan): boolean {
  if (ISO.test(span.from) && ISO.test(span.to)) return date >= span.from && date <= span.to;
  const md = date.slice(5);
  const [from, to] = [span.from.slice(-5), span.to.slice(-5)];
  return from <= to ? md >= from && md <= to : md >= from || md <= to;
}

export function isDateSpanEnd(s: string): boolean {
  return ISO.test(s) || MONTH_DAY.test(s);
}

/** The first day of each span (e.g. each term's start) that lies in [from, to]. */
export function spanStarts(spans: DateSpan[], from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (const s of spans) {
    if (ISO.test(s.from)) {
      if (s.from >= from && s.from <= to) out.push(s.from);
      continue;
    }
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
      const d = `${y}-${s.from.slice(-5)}`;
      if (d >= from && d <= to) out.push(d);
    }
  }
  return [...new Set(out)].sort();
}

/** Weeks between meetings, roughly (the median gap over two years): sizes the windows code looks in. */
export function typicalWeeks(r: Recurrence): number {
  const dates = ruleDates(r, r.anchor, addDays(r.anchor, 731));
  if (dates.length < 2) return 52;
  const gaps = dates.slice(1).map((d, i) => (utc(d).getTime() - utc(dates[i]).getTime()) / 86_400_000).sort((a, b) => a - b);
  return Math.max(1, Math.min(52, Math.round(gaps[Math.floor(gaps.length / 2)] / 7)));
}
