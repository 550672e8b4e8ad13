// The main figures of a forum's quarter as label/value pairs (chat message and chart), and the decimal
// format they use. Part of the core: the `rapport` command shows them.
import type { Messages } from '../../i18n/index.js';
import { orgName } from '../render.js';
import type { FileConfig } from '../settings.js';
import type { ForumIndicators } from './indicators.js';
import { labelOf } from '../vocabulary.js';

/** 3.5 -> "3,5" (sv) or "3.5" (en); null -> "". */
export function decimal(n: number | null, comma: boolean): string {
  if (n === null) return '';
  const s = String(Math.round(n * 10) / 10);
  return comma ? s.replace('.', ',') : s;
}

/** The main indicators of one forum as short label/value pairs (chat message and chart). */
export function mainFigures(f: ForumIndicators, cfg: FileConfig, m: Messages): { label: string; value: string }[] {
  const L = m.report.labels;
  const comma = m.report.decimalComma;
  const list = (xs: { key: string; count: number }[], name: (k: string) => string) => xs.filter((x) => x.count > 0).map((x) => `${name(x.key)} ${x.count}`).join(', ') || '0';
  const R = m.routines;
  // Forum routines (issue 17): only for forums that had some due in the quarter.
  const routines = f.routines?.due ? [{ label: R.indicator, value: `${R.onTime} ${f.routines.onTime}, ${R.late} ${f.routines.late}, ${R.notDone} ${f.routines.never}, ${R.pending} ${f.routines.pending}` }] : [];
  return [
    { label: L.casesRaised, value: String(f.casesRaised) },
    { label: L.byTargetGroup, value: list(f.byTargetGroup, (k) => (k ? (cfg.targetGroups[k] ?? k) : m.labels.noGroup)) },
    { label: L.byOrganisation, value: list(f.byOrganisation, (k) => orgName(cfg, k)) },
    { label: L.medianDays, value: f.daysToFirstStep.median === null ? '–' : `${decimal(f.daysToFirstStep.median, comma)} (${f.daysToFirstStep.cases})` },
    { label: L.stepsShare, value: f.steps.sharePercent === null ? '–' : `${decimal(f.steps.sharePercent, comma)} % (${f.steps.onTime}/${f.steps.due})` },
    { label: L.handovers, value: `${L.onTime} ${f.handovers.onTime}, ${L.late} ${f.handovers.late}, ${L.never} ${f.handovers.never}, ${L.pending} ${f.handovers.pending}` },
    { label: L.outcomes, value: Object.entries(f.outcomes).map(([o, n]) => `${labelOf(m.outcome, o, o)} ${n}`).join(', ') },
    ...routines,
  ];
}
