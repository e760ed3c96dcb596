// Hash routing (#/view/arg?key=value): the server serves one index.html, and
// each view's state lives in the URL so it can be bookmarked and reloaded.

export interface Route { parts: string[]; params: URLSearchParams }

export function currentRoute(): Route {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, qs] = hash.split('?', 2) as [string, string | undefined];
  return {
    parts: path.split('/').filter(Boolean).map(decodeURIComponent),
    params: new URLSearchParams(qs ?? ''),
  };
}

export function navigate(path: string, params: Record<string, string> = {}): void {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '')).toString();
  location.hash = `#${path}${qs ? `?${qs}` : ''}`;
}
