// Tiny helpers for server-rendered HTML: every interpolated value is escaped unless it is already Html.
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

type Part = Html | string | number | boolean | null | undefined | Part[];

function render(p: Part): string {
  if (p === null || p === undefined || p === false) return '';
  if (Array.isArray(p)) return p.map(render).join('');
  if (p instanceof Html) return p.value;
  return escapeHtml(String(p));
}

/** html`<td>${text}</td>`: strings are escaped, Html and arrays of Html are inserted as they are. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!;
  parts.forEach((p, i) => (out += render(p) + strings[i + 1]!));
  return new Html(out);
}

export function page(title: string, body: Html, script?: string): string {
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · jixiao</title><link rel="stylesheet" href="/assets/review.css"></head>
<body>
<header class="top"><a class="brand" href="/">绩效自评表 · jixiao</a>
<nav><a href="/">指标</a><a href="/documents">文档</a><a href="/openapi.json">API</a></nav>
<form id="who" class="who" autocomplete="off"><label>更正人 <input name="by" size="8" placeholder="姓名"></label>
<label>令牌 <input name="token" type="password" size="10" placeholder="API_TOKEN"></label></form></header>
<main>${body}</main>
${script ? new Html(`<script src="/assets/${script}" defer></script>`) : ''}
</body></html>`.value;
}

/** The query string of `params` with `changes` applied (undefined/'' drops a key). */
export function withQuery(path: string, params: Record<string, string | undefined>, changes: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params, ...changes })) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
