// A stored article (GET /v1/articles/{id}) highlighted like the Code view;
// ?event=ID (from the Browse list) preselects that event.

import { api } from '../api';
import { DocView } from '../doc_view';
import { articleName, el, errorText, status } from '../dom';

export function articleView(id: string, params: URLSearchParams): HTMLElement {
  const host = el('div', { class: 'result', 'aria-busy': 'true' }, el('p', {}, 'Loading…'));
  void (async () => {
    try {
      const a = await api.article(id);
      const meta = [a.date, a.outlet].filter(Boolean).join(' · ');
      const heading = el('header', {},
        el('h1', {}, articleName(a)),
        el('p', { class: 'meta' }, meta,
          a.url ? el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank' }, ' source') : null));
      const view = new DocView(a.text, a.events, heading);
      host.replaceChildren(el('p', {}, el('a', { href: '#/browse?show=articles' }, '← all articles')), view.root);
      const want = params.get('event');
      const i = want ? a.events.findIndex((ev) => String(ev.event_id ?? ev.id) === want) : -1;
      if (i >= 0) view.select(i);
      status('', 'info', host);
    } catch (e) {
      host.replaceChildren(el('p', { class: 'empty' }, `Article ${id} could not be loaded.`));
      status(`Loading article ${id} failed: ${errorText(e)}`, 'error', host);
    } finally {
      host.removeAttribute('aria-busy');
    }
  })();
  return host;
}
