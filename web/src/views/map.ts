// Map view: countries coloured by the number of events whose actors belong
// to them (GET /v1/countries), with the busiest dyads drawn as arcs from
// source to target country. The world outline is world-atlas
// (Natural Earth 1:50m, bundled and loaded on first use); world-atlas keys
// countries by ISO 3166-1 numeric code, the API by alpha-3.

import { geoArea, geoCentroid, geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { countryNames, numericToAlpha3 } from 'virtual:iso3166';
import { api, type CountryCount, type DyadCount } from '../api';
import { el, errorText, field, input, status } from '../dom';
import { navigate } from '../router';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 960;
const HEIGHT = 500;
const MAX_ARCS = 60;
// world-atlas leaves a few disputed areas without a numeric code.
const NAMED: Record<string, string> = { Kosovo: 'XKX' };

type Country = Feature<Polygon | MultiPolygon, { name: string }>;

let worldPromise: Promise<Country[]> | null = null;
function loadWorld(): Promise<Country[]> {
  worldPromise ??= import('world-atlas/countries-50m.json').then((m) => {
    const topo = m.default as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    return (feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>)
      .features as Country[];
  });
  return worldPromise;
}

function iso3(f: Country): string {
  return (f.id !== undefined ? numericToAlpha3[String(f.id)] : undefined) ?? NAMED[f.properties.name] ?? '';
}

/** Centroid of the largest polygon, so France sits in Europe rather than between it and Guiana. */
function mainCentroid(f: Country): [number, number] {
  if (f.geometry.type === 'Polygon') return geoCentroid(f);
  let best: Polygon | null = null;
  let bestArea = -1;
  for (const coordinates of f.geometry.coordinates) {
    const p: Polygon = { type: 'Polygon', coordinates };
    const a = geoArea(p);
    if (a > bestArea) [best, bestArea] = [p, a];
  }
  return geoCentroid(best!);
}

/** Sequential colour from pale to deep red on a log scale (counts are heavy-tailed). */
function colour(n: number, max: number): string {
  const t = max > 0 ? Math.log1p(n) / Math.log1p(max) : 0;
  const lerp = (a: number, b: number) => Math.round(a + (b - a) * (0.15 + 0.85 * t));
  return `rgb(${lerp(254, 165)},${lerp(224, 15)},${lerp(210, 21)})`;
}

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/**
 * A curve bowing to the left of the way from source to target, so A→B and
 * B→A stay apart (great circles between neighbours are almost straight and
 * would overlap).
 */
function arcPath(projection: GeoProjection, from: [number, number], to: [number, number]): string {
  const [x1, y1] = projection(from) ?? [0, 0];
  const [x2, y2] = projection(to) ?? [0, 0];
  const [dx, dy] = [x2 - x1, y2 - y1];
  const bow = 0.25;
  const [cx, cy] = [(x1 + x2) / 2 + dy * bow, (y1 + y2) / 2 - dx * bow];
  return `M${x1.toFixed(1)},${y1.toFixed(1)}Q${cx.toFixed(1)},${cy.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`;
}

function drawMap(world: Country[], counts: CountryCount[], dyads: DyadCount[]): SVGSVGElement {
  const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
  const path = geoPath(projection);
  const byIso = new Map(counts.map((c) => [c.country, c]));
  const max = Math.max(0, ...counts.map((c) => c.events));
  const svg = svgEl('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'world', role: 'group',
    'aria-label': 'World map of events by country' });
  const defs = svgEl('defs', {});
  const marker = svgEl('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5,
    markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' });
  marker.append(svgEl('path', { d: 'M0,0L10,5L0,10z', fill: '#1b3a5c' }));
  defs.append(marker);
  svg.append(defs, svgEl('path', { d: path({ type: 'Sphere' }) ?? '', class: 'sphere' }));
  const centroids = new Map<string, [number, number]>();
  const dots: SVGCircleElement[] = [];
  for (const f of world) {
    const code = iso3(f);
    const c = code ? byIso.get(code) : undefined;
    if (code) centroids.set(code, mainCentroid(f));
    const p = svgEl('path', { d: path(f) ?? '', class: c ? 'country has-events' : 'country', 'data-iso3': code });
    const name = countryNames[code] ?? f.properties.name;
    const title = svgEl('title', {});
    title.textContent = c ? `${name}: ${c.events} events (${c.as_source} as source, ${c.as_target} as target)` : name;
    p.append(title);
    if (c) {
      p.style.fill = colour(c.events, max);
      p.setAttribute('data-events', String(c.events));
      p.setAttribute('tabindex', '0');
      p.setAttribute('role', 'link');
      p.setAttribute('aria-label', title.textContent);
    }
    svg.append(p);
    // Bahrain, Singapore, Malta… are a pixel or two at this scale: mark them with a dot.
    if (c && path.area(f) < 12) {
      const [x, y] = projection(centroids.get(code)!) ?? [0, 0];
      const dot = svgEl('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 3.5, class: 'dot', 'data-iso3': code });
      dot.style.fill = colour(c.events, max);
      dots.push(dot);
    }
  }
  svg.append(...dots);
  const top = dyads.filter((d) => d.source !== d.target && centroids.has(d.source) && centroids.has(d.target))
    .sort((a, b) => b.events - a.events).slice(0, MAX_ARCS);
  const maxArc = Math.max(1, ...top.map((d) => d.events));
  const arcs = svgEl('g', { class: 'arcs' });
  for (const d of top) {
    const arc = svgEl('path', { d: arcPath(projection, centroids.get(d.source)!, centroids.get(d.target)!), class: 'arc', 'marker-end': 'url(#arrow)',
      'stroke-width': (1 + 4 * Math.log1p(d.events) / Math.log1p(maxArc)).toFixed(2),
      'data-dyad': `${d.source}:${d.target}` });
    const title = svgEl('title', {});
    title.textContent = `${d.source} → ${d.target}: ${d.events} events`;
    arc.append(title);
    arcs.append(arc);
  }
  svg.append(arcs);
  const open = (target: EventTarget | null) => {
    const code = (target as Element | null)?.closest?.('path.has-events')?.getAttribute('data-iso3');
    const arc = (target as Element | null)?.closest?.('path.arc')?.getAttribute('data-dyad');
    if (arc) navigate('/dyad', { dyad: arc, by: 'month' });
    else if (code) navigate('/browse', { actor: code });
  };
  svg.addEventListener('click', (e) => open(e.target));
  svg.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(e.target); });
  return svg;
}

function legend(max: number): HTMLElement {
  const steps = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(Math.expm1(f * Math.log1p(max))));
  return el('p', { class: 'map-legend' }, 'Events: ',
    ...[...new Set(steps)].filter((n) => n > 0).map((n) => {
      const sw = el('span', { class: 'swatch' });
      sw.style.background = colour(n, max);
      return el('span', {}, sw, ` ${n} `);
    }),
    el('span', {}, el('span', { class: 'swatch none' }), ' none'),
    el('span', {}, ' · arcs: source → target'));
}

export function mapView(params: URLSearchParams): HTMLElement {
  const form = el('form', { class: 'filters', 'aria-label': 'Map filters' },
    field('From', input('from', { type: 'date', value: params.get('from') ?? '' })),
    field('To', input('to', { type: 'date', value: params.get('to') ?? '' })),
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Update')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    for (const [k, v] of new FormData(form)) next[k] = String(v);
    navigate('/map', next);
  });
  const host = el('div', { class: 'map-box', 'aria-busy': 'true' }, el('p', {}, 'Loading map…'));
  void (async () => {
    try {
      const [world, r] = await Promise.all([loadWorld(),
        api.countries({ from: params.get('from'), to: params.get('to') })]);
      const max = Math.max(0, ...r.countries.map((c) => c.events));
      const unmapped = r.countries.filter((c) => !world.some((f) => iso3(f) === c.country)).map((c) => c.country);
      host.replaceChildren(drawMap(world, r.countries, r.dyads), legend(max),
        unmapped.length ? el('p', { class: 'hint' }, `Not on the map: ${unmapped.join(', ')}`) : '');
      status(`${r.countries.length} countries, ${r.dyads.length} dyads. Click a country to browse its events, an arc for its dyad.`, 'info', host);
    } catch (e) {
      host.replaceChildren();
      status(`Loading the map failed: ${errorText(e)}`, 'error', host);
    } finally {
      host.removeAttribute('aria-busy');
    }
  })();
  return el('div', {}, el('h1', {}, 'Events by country'), form, host);
}
