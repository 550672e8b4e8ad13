// The main indicators of one forum as a bar chart: a Vega spec rendered to SVG without a canvas,
// then rasterised to PNG by resvg (prebuilt binary from npm, nothing downloaded at install).
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import type { Messages } from '../i18n/index.js';
import { decimal } from '../core/report/figures.js';
import type { ForumIndicators } from '../core/report/indicators.js';
import { labelOf } from '../core/vocabulary.js';

interface Bar {
  group: string;
  label: string;
  value: number;
}

export function chartBars(f: ForumIndicators, m: Messages): Bar[] {
  const L = m.report.labels;
  const c = m.report.chart;
  return [
    { group: c.cases, label: L.casesRaised, value: f.casesRaised },
    { group: c.steps, label: `${c.steps}: ${L.onTime}`, value: f.steps.onTime },
    { group: c.steps, label: `${c.steps}: ${c.notOnTime}`, value: f.steps.due - f.steps.onTime },
    { group: c.handovers, label: `${c.handovers}: ${L.onTime}`, value: f.handovers.onTime },
    { group: c.handovers, label: `${c.handovers}: ${L.late}`, value: f.handovers.late },
    { group: c.handovers, label: `${c.handovers}: ${L.never}`, value: f.handovers.never },
    ...Object.entries(f.outcomes).map(([o, n]) => ({ group: c.outcomes, label: `${c.outcomes}: ${labelOf(m.outcome, o, o)}`, value: n })),
  ];
}

function spec(title: string, subtitle: string, bars: Bar[]): vega.Spec {
  return {
    width: 520,
    height: bars.length * 24,
    padding: 12,
    background: 'white',
    title: { text: title, subtitle, anchor: 'start', fontSize: 14, subtitleFontSize: 11 },
    data: [{ name: 'bars', values: bars }],
    scales: [
      { name: 'y', type: 'band', domain: { data: 'bars', field: 'label' }, range: 'height', padding: 0.2 },
      { name: 'x', type: 'linear', domain: { data: 'bars', field: 'value' }, domainMin: 0, range: 'width', nice: true, zero: true },
      { name: 'color', type: 'ordinal', domain: { data: 'bars', field: 'group' }, range: ['#1f5f8b', '#3f8f4f', '#c77c1e', '#7a4f9a'] },
    ],
    axes: [
      { orient: 'left', scale: 'y', labelLimit: 260 },
      { orient: 'bottom', scale: 'x', tickMinStep: 1, grid: true, format: 'd' },
    ],
    marks: [
      {
        type: 'rect',
        from: { data: 'bars' },
        encode: { enter: { y: { scale: 'y', field: 'label' }, height: { scale: 'y', band: 1 }, x: { scale: 'x', value: 0 }, x2: { scale: 'x', field: 'value' }, fill: { scale: 'color', field: 'group' } } },
      },
      {
        type: 'text',
        from: { data: 'bars' },
        encode: { enter: { y: { scale: 'y', field: 'label', band: 0.5 }, x: { scale: 'x', field: 'value', offset: 4 }, baseline: { value: 'middle' }, text: { field: 'value' }, fontSize: { value: 11 } } },
      },
    ],
  };
}

export async function chartSvg(title: string, subtitle: string, bars: Bar[]): Promise<string> {
  const view = new vega.View(vega.parse(spec(title, subtitle, bars)), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as PNG bytes (twice the SVG's size, for sharp text on high-density screens). */
export async function chartPng(f: ForumIndicators, m: Messages, quarter: string): Promise<Buffer> {
  const L = m.report.labels;
  const subtitle = [
    `${L.medianDays}: ${f.daysToFirstStep.median === null ? '–' : decimal(f.daysToFirstStep.median, m.report.decimalComma)}`,
    `${L.stepsShare}: ${f.steps.sharePercent === null ? '–' : `${decimal(f.steps.sharePercent, m.report.decimalComma)} %`}`,
  ].join(' · ');
  const svg = await chartSvg(m.report.chart.title({ forum: f.forumName, quarter }), subtitle, chartBars(f, m));
  const png = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  return Buffer.from(png);
}
