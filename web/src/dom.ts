// Small DOM helpers: the dashboard builds its markup with these instead of
// innerHTML so article text and API strings are never parsed as HTML.

type Attrs = Record<string, string | number | boolean | undefined | null>;
type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === 'number' ? String(c) : c);
  }
  return node;
}

/** A labelled form control: <label>Text <input ...></label>. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLLabelElement {
  return el('label', { class: 'field' }, el('span', {}, label), control,
    hint ? el('small', { class: 'hint' }, hint) : null);
}

export function input(name: string, attrs: Attrs = {}): HTMLInputElement {
  return el('input', { name, ...attrs });
}

export function select(name: string, options: [string, string][], value = ''): HTMLSelectElement {
  const s = el('select', { name });
  for (const [v, text] of options) s.append(el('option', { value: v, selected: v === value }, text));
  return s;
}

/**
 * Shows a message in the page's status line (role=status / alert). Views
 * pass their root as `from`: a late answer for a view the user has already
 * left then says nothing.
 */
export function status(message: string, kind: 'info' | 'error' = 'info', from?: Node): void {
  if (from && !from.isConnected) return;
  const box = document.getElementById('status');
  if (!box) return;
  box.textContent = message;
  box.className = kind;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function fmtNumber(n: number | null | undefined, digits = 1): string {
  return typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : '';
}

/** What to call an article: its title, else the name it was ingested under (a file name), else its id. */
export function articleName(a: { title?: string | null; doc?: string | null; id?: number | string }): string {
  if (a.title) return a.title;
  const base = (a.doc ?? '').split('/').pop();
  return base || `Article ${a.id ?? ''}`.trim();
}
