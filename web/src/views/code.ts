// Code view: paste or open an article, code it with POST /v1/code (nothing
// is stored) and read the events against the highlighted text.

import { api } from '../api';
import { DocView } from '../doc_view';
import { el, errorText, field, input, status } from '../dom';

export function codeView(): HTMLElement {
  const text = el('textarea', {
    name: 'text', rows: 12, required: true, spellcheck: false,
    placeholder: 'Paste a news article here (the first line may be its title).',
  });
  const file = input('file', { type: 'file', accept: '.txt,text/plain' });
  const date = input('date', { type: 'date' });
  const outlet = input('outlet', { type: 'text', placeholder: 'e.g. Reuters', autocomplete: 'off' });
  const submit = el('button', { type: 'submit', class: 'primary' }, 'Code');
  const result = el('div', { class: 'result', 'aria-live': 'polite' });

  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    text.value = await f.text();
    status(`Loaded ${f.name} (${f.size} bytes).`, 'info', form);
  });

  const form = el('form', { class: 'code-form', 'aria-label': 'Code an article' },
    field('Article text', text),
    el('div', { class: 'row' },
      field('…or open a text file', file),
      field('Publication date', date, 'resolves “yesterday”, “on Monday”'),
      field('Outlet', outlet),
      el('div', { class: 'actions' }, submit)));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!text.value.trim()) {
      status('Paste or open an article first.', 'error');
      return;
    }
    submit.disabled = true;
    status('Coding…');
    const started = performance.now();
    try {
      const res = await api.code({
        text: text.value,
        date: date.value || undefined,
        outlet: outlet.value.trim() || undefined,
      });
      const view = new DocView(res.text ?? text.value, res.events,
        el('h2', {}, 'Coded text', res.date ? el('small', {}, ` dated ${res.date}`) : null));
      result.replaceChildren(view.root);
      status(`${res.events.length} event${res.events.length === 1 ? '' : 's'} coded in ` +
        `${Math.round(performance.now() - started)} ms.`, 'info', form);
    } catch (err) {
      status(`Coding failed: ${errorText(err)}`, 'error', form);
    } finally {
      submit.disabled = false;
    }
  });

  return el('div', {}, el('h1', {}, 'Code an article'), form, result);
}
