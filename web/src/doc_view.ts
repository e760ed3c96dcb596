// An article with its events: the text with source / target / trigger spans
// highlighted beside a table of the coded events. Selecting a row lights
// that event's spans and scrolls them into view; clicking a highlighted span
// selects its event's row. Used by the Code view and the stored-article view.

import type { CodedEvent } from './api';
import { el, fmtNumber } from './dom';
import { activateEvent, ByteIndex, markEvents, renderHighlighted } from './spans';

const QUAD_NAMES = ['', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];

function actorCell(actor: CodedEvent['source']): HTMLElement {
  if (!actor) return el('td', { class: 'none' }, '—');
  return el('td', {},
    el('span', { class: 'code' }, actor.code || actor.country || '?'),
    el('span', { class: 'span-text' }, actor.text));
}

export function eventRow(ev: CodedEvent, i: number): HTMLTableRowElement {
  const row = el('tr', { tabindex: 0, 'data-event': i, 'aria-selected': 'false', title: ev.sentence_text },
    el('td', { class: 'num' }, i + 1),
    actorCell(ev.source),
    actorCell(ev.target),
    el('td', {}, el('span', { class: 'code' }, ev.cameo), el('span', { class: 'label' }, ev.label),
      el('span', { class: 'span-text' }, `“${ev.trigger?.text ?? ''}”`)),
    el('td', {}, ev.plover || '—', ev.mode ? el('span', { class: 'label' }, ev.mode) : null),
    el('td', {}, ev.modality),
    el('td', { class: 'date' }, ev.date ?? ''),
    el('td', { class: `num quad${ev.quad_class}`, title: QUAD_NAMES[ev.quad_class] ?? '' },
      fmtNumber(ev.goldstein)));
  return row;
}

export function eventTable(caption: string): { table: HTMLTableElement; body: HTMLTableSectionElement } {
  const body = el('tbody');
  const table = el('table', { class: 'events' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {},
      ...['#', 'Source', 'Target', 'CAMEO', 'PLOVER', 'Modality', 'Date', 'Goldstein']
        .map((h) => el('th', { scope: 'col' }, h)))),
    body);
  return { table, body };
}

export class DocView {
  readonly root: HTMLElement;
  private readonly textBox: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private selected: number | null = null;

  constructor(text: string, private readonly events: CodedEvent[], heading?: HTMLElement) {
    const ix = new ByteIndex(text);
    this.textBox = el('div', { class: 'article-text', tabindex: 0, 'aria-label': 'Article text with highlighted events' });
    renderHighlighted(this.textBox, ix, events);
    const { table, body } = eventTable(`${events.length} event${events.length === 1 ? '' : 's'}`);
    this.body = body;
    events.forEach((ev, i) => body.append(eventRow(ev, i)));
    const legend = el('p', { class: 'legend', 'aria-hidden': 'true' },
      el('mark', { class: 'hl-src' }, 'source actor'), ' ',
      el('mark', { class: 'hl-tgt' }, 'target actor'), ' ',
      el('mark', { class: 'hl-trg' }, 'trigger'));
    this.root = el('div', { class: 'doc-view' },
      el('section', { class: 'doc-text', 'aria-label': 'Article' }, heading ?? null, legend, this.textBox),
      el('section', { class: 'doc-events', 'aria-label': 'Events' },
        events.length ? table : el('p', { class: 'empty' }, 'No events were coded in this text.')));
    this.wire();
  }

  private wire(): void {
    this.body.addEventListener('click', (e) => {
      const row = (e.target as HTMLElement).closest('tr');
      if (row?.dataset.event !== undefined) this.select(Number(row.dataset.event));
    });
    this.body.addEventListener('keydown', (e) => {
      const row = (e.target as HTMLElement).closest('tr');
      if (!row || row.dataset.event === undefined) return;
      const i = Number(row.dataset.event);
      if (e.key === 'Enter' || e.key === ' ') this.select(i);
      else if (e.key === 'ArrowDown' && i + 1 < this.events.length) this.select(i + 1, true);
      else if (e.key === 'ArrowUp' && i > 0) this.select(i - 1, true);
      else return;
      e.preventDefault();
    });
    this.textBox.addEventListener('click', (e) => {
      const mark = (e.target as HTMLElement).closest('mark');
      if (!mark) return;
      // Repeated clicks on a mark shared by several events cycle through them.
      const evs = markEvents(mark);
      if (evs.length === 0) return;
      const next = this.selected !== null && evs.includes(this.selected)
        ? evs[(evs.indexOf(this.selected) + 1) % evs.length] : evs[0];
      this.select(next, true, false);
    });
  }

  /** Selects an event: lights its spans, marks its row, scrolls both into view. */
  select(i: number, focusRow = false, scrollText = true): void {
    this.selected = i;
    for (const row of this.body.rows) {
      const on = row.dataset.event === String(i);
      row.setAttribute('aria-selected', String(on));
      row.classList.toggle('selected', on);
      if (on) {
        if (focusRow) row.focus({ preventScroll: true });
        row.scrollIntoView({ block: 'nearest' });
      }
    }
    const first = activateEvent(this.textBox, i);
    if (first && scrollText) first.scrollIntoView({ block: 'center' });
  }
}
