// Dyad view: events between two actors over time (GET /v1/timeline) as
// counts per quad class and the mean Goldstein score, drawn with uPlot, plus
// the same numbers as a table for screen readers and copying.

import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { api, type Bucket } from '../api';
import { el, errorText, field, fmtNumber, input, select, status } from '../dom';
import { navigate } from '../router';
import { QUADS } from '../vocab';

const GOLDSTEIN_COLOUR = '#6a3d9a';
const DAY = 86400;

function toSeconds(period: string): number {
  return Date.parse(`${period.slice(0, 10)}T00:00:00Z`) / 1000;
}

function step(t: number, by: string): number {
  if (by === 'day') return t + DAY;
  if (by === 'week') return t + 7 * DAY;
  const d = new Date(t * 1000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
}

/** Buckets with empty periods between them filled in as zero, so lines do not bridge gaps. */
export function fillGaps(buckets: Bucket[], by: string): (Bucket | null)[] {
  if (buckets.length < 2) return buckets;
  const at = new Map(buckets.map((b) => [toSeconds(b.period), b]));
  const out: (Bucket | null)[] = [];
  const last = toSeconds(buckets[buckets.length - 1].period);
  for (let t = toSeconds(buckets[0].period); t <= last && out.length < 5000; t = step(t, by)) {
    out.push(at.get(t) ?? null);
  }
  // Periods the stepping does not land on (a server with another week start): keep them as given.
  return out.filter(Boolean).length === buckets.length ? out : buckets;
}

// Quad classes are stacked: series k holds q1+..+qk, and the series are
// drawn tallest first, so each bar shows through above the ones below it.
// The legend reports the class's own count (raw), not the running sum.
const STACK = [3, 2, 1, 0];

function chartData(buckets: Bucket[], by: string): { data: uPlot.AlignedData; raw: number[][] } {
  const filled = fillGaps(buckets, by);
  const xs: number[] = [];
  let t = toSeconds(buckets[0].period);
  for (const b of filled) {
    if (b) t = toSeconds(b.period);
    xs.push(t);
    t = step(t, by);
  }
  const raw = [0, 1, 2, 3].map((q) => filled.map((b) => (b ? b.quad[q] ?? 0 : 0)));
  // Empty periods are null rather than 0 so no zero-height bar is stroked.
  const upTo = (q: number) => xs.map((_, i) => raw.slice(0, q + 1).reduce((s, r) => s + r[i], 0) || null);
  return {
    data: [xs, ...STACK.map(upTo), filled.map((b) => (b ? b.goldstein_mean : null))],
    raw,
  };
}

function drawChart(host: HTMLElement, buckets: Bucket[], by: string): uPlot {
  const width = () => Math.max(320, host.clientWidth || 800);
  const { data, raw } = chartData(buckets, by);
  const bars = uPlot.paths.bars!({ size: [0.7, 48, 2], gap: 1 });
  // Half a period of room each side, so the first and last bars are whole.
  const pad = (by === 'month' ? 31 : by === 'week' ? 7 : 1) * DAY * 0.6;
  const opts: uPlot.Options = {
    width: width(),
    height: 340,
    title: 'Events by quad class (stacked) and mean Goldstein score',
    scales: { x: { time: true, range: (_u, min, max) => [min - pad, max + pad] }, n: { auto: true, range: (_u, _min, max) => [0, Math.max(1, max)] },
      g: { range: [-10, 10] } },
    axes: [
      {},
      { scale: 'n', label: 'events' },
      { scale: 'g', side: 1, label: 'Goldstein (mean)', grid: { show: false } },
    ],
    series: [
      { label: by },
      ...STACK.map((q) => ({
        label: QUADS[q].name, scale: 'n', stroke: QUADS[q].colour, fill: QUADS[q].colour, width: 1,
        paths: bars, points: { show: false },
        value: (_u: uPlot, _v: number | null, _s: number, i: number | null) => (i === null ? '--' : String(raw[q][i])),
      })),
      {
        label: 'Goldstein mean', scale: 'g', stroke: GOLDSTEIN_COLOUR, width: 2, dash: [6, 4],
        points: { show: true, size: 8, fill: GOLDSTEIN_COLOUR }, value: (_u, v) => fmtNumber(v),
      },
    ],
  };
  const chart = new uPlot(opts, data, host);
  const resize = new ResizeObserver(() => {
    // The view is rebuilt on each navigation: let go of a chart whose page is gone.
    if (!host.isConnected) {
      resize.disconnect();
      chart.destroy();
    } else {
      chart.setSize({ width: width(), height: 340 });
    }
  });
  resize.observe(host);
  return chart;
}

function dataTable(buckets: Bucket[]): HTMLElement {
  const body = el('tbody', {}, ...buckets.map((b) => el('tr', {},
    el('th', { scope: 'row' }, b.period), el('td', { class: 'num' }, b.events),
    ...b.quad.map((n) => el('td', { class: 'num' }, n)),
    el('td', { class: 'num' }, fmtNumber(b.goldstein_mean, 2)))));
  return el('details', { class: 'data' }, el('summary', {}, 'Data table'),
    el('table', { class: 'timeline' }, el('caption', {}, 'Events per period'),
      el('thead', {}, el('tr', {}, ...['Period', 'Events', ...QUADS.map((q) => q.name), 'Goldstein mean']
        .map((h) => el('th', { scope: 'col' }, h)))),
      body));
}

function dyadForm(params: URLSearchParams, onDyads: HTMLDataListElement): HTMLFormElement {
  const dyad = input('dyad', {
    type: 'text', value: params.get('dyad') ?? '', placeholder: 'AZE:FRA', required: true,
    list: 'dyad-options', autocomplete: 'off', pattern: '[A-Za-z0-9]+:[A-Za-z0-9]+',
    title: 'SOURCE:TARGET actor codes, e.g. AZE:FRA',
  });
  const form = el('form', { class: 'filters', 'aria-label': 'Dyad' },
    field('Dyad (source:target)', dyad), onDyads,
    field('Granularity', select('by', [['day', 'Day'], ['week', 'Week'], ['month', 'Month']],
      params.get('by') ?? 'day')),
    field('From', input('from', { type: 'date', value: params.get('from') ?? '' })),
    field('To', input('to', { type: 'date', value: params.get('to') ?? '' })),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Show')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    for (const [k, v] of new FormData(form)) next[k] = String(v).trim();
    next.dyad = next.dyad.toUpperCase();
    navigate('/dyad', next);
  });
  return form;
}

export function dyadView(params: URLSearchParams): HTMLElement {
  const options = el('datalist', { id: 'dyad-options' });
  const form = dyadForm(params, options);
  const result = el('div', { class: 'chart-box', 'aria-live': 'polite' });
  const root = el('div', {}, el('h1', {}, 'Dyad over time'), form, result);
  void api.actors({ limit: 50 }).then((r) => {
    options.replaceChildren(...r.dyads.map((d) => el('option', { value: d.code }, `${d.events} events`)));
    // No dyad chosen yet: show the busiest one.
    if (!params.get('dyad') && r.dyads.length) navigate('/dyad', { dyad: r.dyads[0].code, by: params.get('by') ?? 'day' });
  }).catch((e) => status(`Loading dyads failed: ${errorText(e)}`, 'error', root));
  const dyad = params.get('dyad');
  if (!dyad) return root;
  const by = params.get('by') ?? 'day';
  void (async () => {
    try {
      const r = await api.timeline({ dyad, by, from: params.get('from'), to: params.get('to') });
      if (r.buckets.length === 0) {
        result.replaceChildren(el('p', { class: 'empty' }, `No events for ${dyad} in this period.`));
        return;
      }
      const total = r.buckets.reduce((s, b) => s + b.events, 0);
      const gsum = r.buckets.reduce((s, b) => s + b.goldstein_sum, 0);
      const plot = el('div', { class: 'chart', role: 'img',
        'aria-label': `Chart of ${total} ${dyad} events in ${r.buckets.length} periods` });
      result.replaceChildren(el('p', { class: 'summary' },
        `${dyad}: ${total} events in ${r.buckets.length} ${by === 'day' ? 'days' : `${by}s`}, ` +
        `mean Goldstein ${fmtNumber(total ? gsum / total : 0, 2)}.`), plot, dataTable(r.buckets));
      drawChart(plot, r.buckets, by);
      status('', 'info', root);
    } catch (e) {
      result.replaceChildren();
      status(`Loading the timeline failed: ${errorText(e)}`, 'error', root);
    }
  })();
  return root;
}
