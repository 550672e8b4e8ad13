// The dashboard's charts: each table becomes a Vega-Lite spec, compiled to Vega and drawn to SVG on the
// server (no canvas, no browser script); the same SVG rasterised by resvg is the PNG download, and the
// same table is the CSV download, so chart, table and files always show the same numbers.
import { Resvg } from '@resvg/resvg-js';
import { stringify } from 'csv-stringify/sync';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { decimal } from '../../report/format.js';
import type { ChartTable } from './dashboard-data.js';
import type { PageWords } from './words.js';

/** Dark enough for 3:1 against white (WCAG 2.1 non-text contrast); lines also differ by marker shape. */
const PALETTE = ['#1f5f8b', '#b3541e', '#2e7d32', '#7b3fa0', '#a8323e', '#00707a', '#6b5b00', '#4a4a4a', '#c2185b', '#3949ab'];
/** On time, late, never, pending. */
const STATE_COLOURS = ['#2e7d32', '#b3541e', '#a8323e', '#616161'];

// The View's `locale` option takes the definitions (d3-format's), and builds the locale itself.
const LOCALES = {
  sv: { number: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', ' kr'] } },
  en: { number: { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''] } },
} as unknown as Record<'sv' | 'en', vega.ViewOptions['locale']>;

export function chartSpec(t: ChartTable, opts: { title?: boolean } = {}): TopLevelSpec {
  const rowLabels = t.rows.map((r) => r.label);
  const values = t.rows.flatMap((r) => r.cells.flatMap((v, i) => (v === null ? [] : [{ row: r.label, col: t.columns[i], value: v }])));
  const base = {
    width: 600,
    height: t.kind === 'bars' ? Math.max(60, t.rows.length * 34) : 240,
    background: 'white',
    padding: 8,
    ...(opts.title ? { title: { text: t.title, anchor: 'start' as const, fontSize: 15 } } : {}),
    data: { values },
    config: { font: 'DejaVu Sans, Verdana, sans-serif', axis: { labelFontSize: 12, titleFontSize: 12, labelColor: '#333333', titleColor: '#333333' }, legend: { labelFontSize: 12, labelLimit: 260, labelColor: '#333333' }, view: { stroke: null } },
  };
  const yTitle = t.percent ? `${t.axis} (%)` : t.axis;
  if (t.kind === 'bars') {
    return {
      ...base,
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'row', type: 'nominal', sort: rowLabels, title: null, axis: { labelLimit: 220 } },
        x: { field: 'value', type: 'quantitative', stack: 'zero', title: yTitle, axis: { tickMinStep: 1 } },
        color: { field: 'col', type: 'nominal', sort: t.columns, scale: { domain: t.columns, range: STATE_COLOURS }, legend: { title: null, orient: 'bottom', direction: 'horizontal' } },
        order: { field: 'order' },
      },
    } as TopLevelSpec;
  }
  const x = { field: 'col', type: 'ordinal', sort: t.columns, title: null, axis: { labelAngle: 0 } } as const;
  const y = { field: 'value', type: 'quantitative', title: yTitle, axis: t.percent ? {} : { tickMinStep: 1 }, ...(t.percent ? { scale: { domain: [0, 100] } } : {}) } as const;
  const color = { field: 'row', type: 'nominal', sort: rowLabels, scale: { domain: rowLabels, range: PALETTE }, legend: { title: null, orient: 'bottom', columns: 2 } } as const;
  if (t.kind === 'stacked') return { ...base, mark: { type: 'bar' }, encoding: { x, y: { ...y, stack: 'zero' }, color } } as TopLevelSpec;
  return { ...base, mark: { type: 'line', point: { size: 60, filled: true } }, encoding: { x, y, color, shape: { field: 'row', type: 'nominal', sort: rowLabels, legend: color.legend } } } as TopLevelSpec;
}

/** The data set the compiled charts read their values from (inserted per drawing). */
const DATA = 'table';
/** Compiled and parsed charts, by their spec without the values: the same chart with new figures skips both steps. */
const runtimes = new Map<string, vega.Runtime>();
const MAX_RUNTIMES = 256;

/** Vega's runtime for a spec (its values left out), compiled by Vega-Lite and parsed once. */
function runtimeOf(spec: TopLevelSpec): vega.Runtime {
  const key = JSON.stringify(spec);
  let runtime = runtimes.get(key);
  if (!runtime) {
    runtime = vega.parse(compile(spec).spec);
    if (runtimes.size >= MAX_RUNTIMES) runtimes.delete(runtimes.keys().next().value!);
    runtimes.set(key, runtime);
  }
  return runtime;
}

/**
 * Drawn charts, by everything they are drawn from (spec, figures, language): the same figures give the
 * same SVG, so a dashboard opened again before anything changed is not drawn again. Bounded (oldest out).
 */
const drawn = new Map<string, string>();
const MAX_DRAWN = 128;

/** The chart as SVG markup, drawn with the page language's number format. */
export async function chartSvg(t: ChartTable, w: PageWords, opts: { title?: boolean } = {}): Promise<string> {
  const spec = chartSpec(t, opts) as TopLevelSpec & { data: { values: object[] } };
  const key = `${w.htmlLang}\u0000${JSON.stringify(spec)}`;
  const hit = drawn.get(key);
  if (hit !== undefined) return hit;
  const view = new vega.View(runtimeOf({ ...spec, data: { name: DATA } } as TopLevelSpec), { renderer: 'none', locale: w.htmlLang === 'sv' ? LOCALES.sv : LOCALES.en });
  view.data(DATA, spec.data.values);
  try {
    const svg = await view.toSVG();
    if (drawn.size >= MAX_DRAWN) drawn.delete(drawn.keys().next().value!);
    drawn.set(key, svg);
    return svg;
  } finally {
    view.finalize();
  }
}

/** The chart with its title as PNG bytes, at twice the SVG's size. */
export async function chartPng(t: ChartTable, w: PageWords): Promise<Buffer> {
  const svg = await chartSvg(t, w, { title: true });
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng());
}

/** The table as CSV: in Swedish for Swedish Excel (BOM, `;`, decimal comma), in English with `,` and `.`. */
export function chartCsv(t: ChartTable, w: PageWords): string {
  const sv = w.htmlLang === 'sv';
  const rows = [[t.rowHeader, ...t.columns], ...t.rows.map((r) => [r.label, ...r.cells.map((v) => decimal(v, sv))])];
  return stringify(rows, { bom: true, delimiter: sv ? ';' : ',', record_delimiter: 'windows' });
}
