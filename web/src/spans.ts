// Highlighting of event spans in article text.
//
// The API gives UTF-8 BYTE offsets; a JS string is indexed in UTF-16 code
// units, so "Azərbaycan" (ə = 2 bytes, 1 unit) or an emoji (4 bytes, 2 units)
// shift every later offset. ByteIndex maps byte offsets to string indexes once
// per text; the spans are then cut into non-overlapping segments so one
// <mark> can belong to several events (a target of one is the trigger of
// another) and each event's spans can be lit on their own.

import type { CodedEvent } from './api';

export class ByteIndex {
  private readonly toUnit: Uint32Array; // byte offset -> UTF-16 index of the character holding it
  readonly byteLength: number;

  constructor(readonly text: string) {
    this.byteLength = new TextEncoder().encode(text).length;
    this.toUnit = new Uint32Array(this.byteLength + 1);
    let byte = 0;
    for (let i = 0; i < text.length;) {
      const cp = text.codePointAt(i)!;
      // Lone surrogates are < 0x10000, so they count 3 bytes like the U+FFFD TextEncoder writes.
      const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      this.toUnit.fill(i, byte, byte + bytes);
      byte += bytes;
      i += cp > 0xffff ? 2 : 1;
    }
    this.toUnit[this.byteLength] = text.length;
  }

  /** String index of a UTF-8 byte offset (clamped into the text). */
  index(byteOffset: number): number {
    const b = Math.max(0, Math.min(this.byteLength, Math.trunc(byteOffset)));
    return this.toUnit[b];
  }

  slice(start: number, end: number): string {
    return this.text.slice(this.index(start), this.index(end));
  }
}

export type Role = 'src' | 'tgt' | 'trg';
export const ROLES: Role[] = ['src', 'tgt', 'trg'];
export const ROLE_NAMES: Record<Role, string> = { src: 'source', tgt: 'target', trg: 'trigger' };

interface Range { start: number; end: number; role: Role; event: number }

/** The spans (string indexes) of one event, by role. */
export function eventRanges(ix: ByteIndex, ev: CodedEvent, event: number): Range[] {
  const out: Range[] = [];
  const add = (span: { start: number; end: number } | null | undefined, role: Role) => {
    if (!span || typeof span.start !== 'number' || typeof span.end !== 'number') return;
    const start = ix.index(span.start);
    const end = ix.index(span.end);
    if (end > start) out.push({ start, end, role, event });
  };
  add(ev.source, 'src');
  add(ev.target, 'tgt');
  add(ev.trigger, 'trg');
  return out;
}

/**
 * Renders `text` into `host` with every event span in a <mark>. Each mark
 * lists, per role, the events it belongs to (data-src="0 3" ...).
 */
export function renderHighlighted(host: HTMLElement, ix: ByteIndex, events: CodedEvent[]): void {
  const ranges = events.flatMap((ev, i) => eventRanges(ix, ev, i));
  const cuts = new Set<number>([0, ix.text.length]);
  for (const r of ranges) { cuts.add(r.start); cuts.add(r.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let p = 0; p + 1 < points.length; p++) {
    const [a, b] = [points[p], points[p + 1]];
    const piece = ix.text.slice(a, b);
    const cover = ranges.filter((r) => r.start <= a && r.end >= b);
    if (cover.length === 0) {
      frag.append(piece);
      continue;
    }
    const mark = document.createElement('mark');
    mark.textContent = piece;
    const titles: string[] = [];
    for (const role of ROLES) {
      const evs = cover.filter((r) => r.role === role).map((r) => r.event);
      if (evs.length === 0) continue;
      mark.classList.add(`hl-${role}`);
      mark.dataset[role] = evs.join(' ');
      titles.push(`${ROLE_NAMES[role]} of event ${evs.map((e) => e + 1).join(', ')}`);
    }
    mark.title = titles.join('; ');
    frag.append(mark);
  }
  host.replaceChildren(frag);
}

/** Lights the marks of one event (null: none); returns the first lit mark. */
export function activateEvent(host: HTMLElement, event: number | null): HTMLElement | null {
  let first: HTMLElement | null = null;
  for (const mark of host.querySelectorAll<HTMLElement>('mark')) {
    for (const role of ROLES) {
      const on = event !== null && (mark.dataset[role] ?? '').split(' ').includes(String(event));
      mark.classList.toggle(`on-${role}`, on);
      if (on && !first) first = mark;
    }
  }
  return first;
}

/** Events a mark belongs to, any role, in order. */
export function markEvents(mark: HTMLElement): number[] {
  const evs = new Set<number>();
  for (const role of ROLES) {
    for (const e of (mark.dataset[role] ?? '').split(' ')) if (e !== '') evs.add(Number(e));
  }
  return [...evs].sort((a, b) => a - b);
}
