// Typed client for dyad's HTTP API v1 (docs/openapi.yaml). Only the fields
// the dashboard reads are typed; the server sends more. Offsets are UTF-8
// byte offsets into the article text (see spans.ts).

export interface Span { text: string; start: number; end: number }
export interface Actor extends Span {
  code: string; country: string; sector: string; via: string;
  antecedent?: { start: number; end: number };
}
export interface Place { name?: string; country?: string; text?: string; start?: number; end?: number }
export interface CodedEvent {
  doc?: string; sentence: number; sentence_start: number; sentence_end: number; sentence_text: string;
  source: Actor | null; target: Actor | null; trigger: Span;
  cameo: string; label: string; plover: string; mode: string; context: string;
  goldstein: number; quad_class: number; modality: string; date: string | null;
  date_precision?: string; location: Place | null; confidence: number; rule?: string; outlet?: string | null;
  // Stored events (GET /v1/events, /v1/articles/{id}) carry these too.
  id?: number | string; event_id?: number | string; article_id?: number | string;
  title?: string | null; url?: string | null; num_mentions?: number;
}
export interface CodeResult { doc: string; text: string; date: string | null; events: CodedEvent[] }
export interface ArticleSummary {
  id: number | string; doc?: string; title: string | null; url: string | null; outlet: string | null;
  date: string | null; events: number;
}
export interface ArticleDetail {
  id: number | string; doc?: string; title: string | null; url: string | null; outlet: string | null;
  date: string | null; text: string; events: CodedEvent[];
}
export interface Bucket {
  period: string; events: number; mentions: number; quad: [number, number, number, number];
  goldstein_sum: number; goldstein_mean: number;
}
export interface CountryCount { country: string; events: number; as_source: number; as_target: number }
export interface DyadCount { source: string; target: string; events: number }

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export type Query = Record<string, string | number | undefined | null>;

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && String(v) !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'network', `cannot reach the dyad server (${String(e)})`);
  }
  const body = await res.text();
  let json: unknown = null;
  try {
    json = body ? JSON.parse(body) : null;
  } catch {
    throw new ApiError(res.status, 'bad_response', `${path}: the server did not answer JSON (HTTP ${res.status})`);
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? `HTTP ${res.status}`);
  }
  return json as T;
}

export const api = {
  code(body: { text: string; date?: string; outlet?: string; title?: string }): Promise<CodeResult> {
    return request('/v1/code', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  },
  events(query: Query) {
    return request<{ events: CodedEvent[]; next_cursor: string | null }>(url('/v1/events', query));
  },
  articles(query: Query) {
    return request<{ articles: ArticleSummary[]; next_cursor: string | null }>(url('/v1/articles', query));
  },
  article(id: string) {
    return request<ArticleDetail>(`/v1/articles/${encodeURIComponent(id)}`);
  },
  timeline(query: Query) {
    return request<{ by: string; buckets: Bucket[] }>(url('/v1/timeline', query));
  },
  actors(query: Query) {
    return request<{ actors: { code: string; events: number }[]; dyads: { code: string; events: number }[] }>(
      url('/v1/actors', query));
  },
  countries(query: Query) {
    return request<{ countries: CountryCount[]; dyads: DyadCount[] }>(url('/v1/countries', query));
  },
};
