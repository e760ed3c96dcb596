// Browse view: the stored events (GET /v1/events, every filter of
// `dyad events`) or articles (GET /v1/articles), a page at a time with the
// API's cursor. The filters live in the URL (#/browse?actor=AZE&...) so a
// filtered list can be bookmarked; opening a row shows the article.

import { api, type ArticleSummary, type CodedEvent, type Query } from '../api';
import { eventRow, eventTable } from '../doc_view';
import { articleName, el, errorText, field, input, select, status } from '../dom';
import { navigate } from '../router';
import { CAMEO_ROOTS, MODALITIES, PLOVER_TYPES } from '../vocab';

const PAGE = 50;
// The filters each list understands (docs/openapi.yaml).
const EVENT_FILTERS = ['actor', 'dyad', 'cameo', 'plover', 'modality', 'from', 'to', 'q'];
const ARTICLE_FILTERS = ['from', 'to', 'q'];

function filterForm(params: URLSearchParams): HTMLFormElement {
  const v = (k: string) => params.get(k) ?? '';
  const text = (name: string, placeholder: string) =>
    input(name, { type: 'text', value: v(name), placeholder, autocomplete: 'off' });
  const show = v('show') || 'events';
  return el('form', { class: 'filters', 'aria-label': 'Filters' },
    field('Show', select('show', [['events', 'Events'], ['articles', 'Articles']], show)),
    field('Actor', text('actor', 'AZE, FRAGOV…')),
    field('Dyad', text('dyad', 'AZE:FRA')),
    field('CAMEO root', select('cameo', [['', 'any'], ...CAMEO_ROOTS.map(([c, n]): [string, string] =>
      [c, `${c} ${n}`])], v('cameo'))),
    field('PLOVER type', select('plover', [['', 'any'], ...PLOVER_TYPES.map((t): [string, string] => [t, t])],
      v('plover'))),
    field('Modality', select('modality', [['', 'any'], ...MODALITIES.map((m): [string, string] => [m, m])],
      v('modality'))),
    field('From', input('from', { type: 'date', value: v('from') })),
    field('To', input('to', { type: 'date', value: v('to') })),
    field('Text', input('q', { type: 'search', value: v('q'), placeholder: 'words in the text' })),
    el('div', { class: 'actions' },
      el('button', { type: 'submit', class: 'primary' }, 'Apply'),
      el('button', { type: 'reset' }, 'Clear')));
}

function query(params: URLSearchParams, keys: string[]): Query {
  // ?limit=N in the URL changes the page size (1..500).
  const limit = Math.min(500, Math.max(1, Number(params.get('limit')) || PAGE));
  const q: Query = { limit };
  for (const k of keys) q[k] = params.get(k) ?? '';
  return q;
}

function articleRow(a: ArticleSummary): HTMLTableRowElement {
  const link = el('a', { href: `#/article/${encodeURIComponent(String(a.id))}` }, articleName(a));
  return el('tr', {}, el('td', {}, link), el('td', { class: 'date' }, a.date ?? ''),
    el('td', {}, a.outlet ?? ''), el('td', { class: 'num' }, a.events));
}

/** A list that fetches pages on demand; `more` appends the next page. */
function pagedList<T>(
  fetchPage: (cursor: string) => Promise<{ items: T[]; next: string | null }>,
  table: HTMLTableElement, body: HTMLTableSectionElement, row: (item: T, i: number) => HTMLTableRowElement,
  noun: string): HTMLElement {
  const more = el('button', { type: 'button', hidden: true }, 'Load more');
  const count = el('p', { class: 'count', 'aria-live': 'polite' });
  const root = el('div', { class: 'paged' }, count, table, more);
  let cursor = '';
  let shown = 0;
  const load = async () => {
    more.disabled = true;
    try {
      const page = await fetchPage(cursor);
      page.items.forEach((item) => body.append(row(item, shown++)));
      cursor = page.next ?? '';
      more.hidden = !page.next;
      count.textContent = `${shown} ${noun}${page.next ? ' (more available)' : ''}`;
      status('', 'info', root);
    } catch (e) {
      status(`Loading ${noun} failed: ${errorText(e)}`, 'error', root);
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', load);
  void load();
  return root;
}

function eventsList(params: URLSearchParams): HTMLElement {
  const { table, body } = eventTable('Stored events (click a row to open its article)');
  table.querySelector('thead tr')!.append(el('th', { scope: 'col' }, 'Article'));
  const events: CodedEvent[] = [];
  const row = (ev: CodedEvent, i: number) => {
    events.push(ev);
    const tr = eventRow(ev, i);
    tr.append(el('td', {}, articleName({ title: ev.title, doc: ev.doc, id: ev.article_id })));
    return tr;
  };
  const open = (tr: HTMLElement | null) => {
    const ev = tr?.dataset.event !== undefined ? events[Number(tr.dataset.event)] : undefined;
    if (ev?.article_id !== undefined) {
      navigate(`/article/${encodeURIComponent(String(ev.article_id))}`, { event: String(ev.id ?? '') });
    }
  };
  body.addEventListener('click', (e) => open((e.target as HTMLElement).closest('tr')));
  body.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') open((e.target as HTMLElement).closest('tr'));
  });
  return pagedList(async (cursor) => {
    const r = await api.events({ ...query(params, EVENT_FILTERS), cursor });
    return { items: r.events, next: r.next_cursor };
  }, table, body, row, 'events');
}

function articlesList(params: URLSearchParams): HTMLElement {
  const body = el('tbody');
  const table = el('table', { class: 'articles' }, el('caption', {}, 'Stored articles'),
    el('thead', {}, el('tr', {}, ...['Title', 'Date', 'Outlet', 'Events'].map((h) => el('th', { scope: 'col' }, h)))),
    body);
  return pagedList(async (cursor) => {
    const r = await api.articles({ ...query(params, ARTICLE_FILTERS), cursor });
    return { items: r.articles, next: r.next_cursor };
  }, table, body, articleRow, 'articles');
}

export function browseView(params: URLSearchParams): HTMLElement {
  const form = filterForm(params);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    for (const [k, v] of new FormData(form)) if (String(v).trim()) next[k] = String(v).trim();
    if (params.get('limit')) next.limit = params.get('limit')!;
    navigate('/browse', next);
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    navigate('/browse', {});
  });
  const articles = (params.get('show') ?? '') === 'articles';
  const ignored = articles ? EVENT_FILTERS.filter((k) => !ARTICLE_FILTERS.includes(k) && params.get(k)) : [];
  return el('div', {}, el('h1', {}, 'Browse the store'), form,
    ignored.length ? el('p', { class: 'hint' }, `Articles are filtered by date and text only (ignoring ${ignored.join(', ')}).`) : null,
    articles ? articlesList(params) : eventsList(params));
}
