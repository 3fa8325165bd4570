// A tiny HTML template helper: every interpolated value is escaped unless it is already Html (from `html` or `raw`).
// Report data is user-supplied (firm names, action titles, ...): nothing reaches the page unescaped by accident.

const HTML = Symbol('html');

export interface Html {
  readonly [HTML]: true;
  readonly value: string;
  toString(): string;
}

function make(value: string): Html {
  return { [HTML]: true, value, toString: () => value };
}

function isHtml(v: unknown): v is Html {
  return typeof v === 'object' && v !== null && (v as Html)[HTML] === true;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (Array.isArray(v)) return (v as readonly Value[]).map(render).join('');
  if (isHtml(v)) return v.value;
  return escapeHtml(String(v));
}

/** Tagged template: `html\`<p>${userText}</p>\`` escapes userText; nested `html` fragments and arrays of them pass through. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => (out += render(v) + (strings[i + 1] ?? '')));
  return make(out);
}

/** Marks trusted markup (our own CSS, server-rendered SVG) as safe to insert as it is. */
export function raw(markup: string): Html {
  return make(markup);
}
