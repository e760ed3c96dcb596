// Entry point: hash router over the four views. The Code view is built once
// and kept, so pasted text and its result survive a visit to another view.

import './style.css';
import { el, status } from './dom';
import { currentRoute } from './router';
import { articleView } from './views/article';
import { browseView } from './views/browse';
import { codeView } from './views/code';
import { dyadView } from './views/dyad';
import { mapView } from './views/map';

const main = document.getElementById('main')!;
let code: HTMLElement | null = null;

function render(): void {
  const { parts, params } = currentRoute();
  const view = parts[0] ?? 'code';
  status('');
  let node: HTMLElement;
  switch (view) {
    case 'code': node = code ??= codeView(); break;
    case 'browse': node = browseView(params); break;
    case 'article': node = articleView(parts[1] ?? '', params); break;
    case 'dyad': node = dyadView(params); break;
    case 'map': node = mapView(params); break;
    default: node = el('p', { class: 'empty' }, `No view “${view}”. `, el('a', { href: '#/code' }, 'Go to Code'));
  }
  main.replaceChildren(node);
  const active = view === 'article' ? 'browse' : view;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
    if (a.dataset.view === active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.title = `dyad · ${view}`;
}

window.addEventListener('hashchange', render);
render();

void fetch('/healthz').then((r) => r.ok, () => false).then((ok) => {
  const h = document.getElementById('health')!;
  h.textContent = ok ? 'server ok' : 'server unreachable';
  h.className = `health ${ok ? 'ok' : 'down'}`;
});
