import { Injectable } from '@angular/core';
import { DefaultTranspiler, type TranspileParams } from '@jsverse/transloco';

/*
 * ICU MessageFormat for transloco without `eval`. @jsverse/transloco-messageformat compiles each message with
 * `new Function`, which our Content-Security-Policy (script-src 'self', no 'unsafe-eval') rightly blocks in the
 * browser: every text threw "EvalError". This transpiler parses the same syntax once per message into a small tree
 * and interprets it with Intl.PluralRules. Supported: {arg}, {arg, plural, =0 {…} one {# …} other {# …}} (with
 * offset:n), {arg, selectordinal, …}, {arg, select, a {…} other {…}}, and ICU apostrophe quoting ('{' and '').
 * libs/web/core/src/lib/i18n.spec.ts checks every web text against @messageformat/core's own output.
 */

type IcuNode =
  | string
  | { kind: 'arg'; name: string }
  | { kind: 'hash' }
  | {
      kind: 'plural' | 'selectordinal' | 'select';
      name: string;
      offset: number;
      cases: Record<string, IcuNode[]>;
    };

export class IcuSyntaxError extends Error {}

/** Parses an ICU message; throws IcuSyntaxError with the position on a malformed one. */
export function parseIcu(source: string): IcuNode[] {
  let pos = 0;
  const fail = (what: string): never => {
    throw new IcuSyntaxError(`${what} at ${pos} in "${source}"`);
  };
  const skipSpace = () => {
    while (pos < source.length && /\s/.test(source[pos])) pos++;
  };
  const word = (): string => {
    const start = pos;
    while (pos < source.length && !/[\s,{}]/.test(source[pos])) pos++;
    if (pos === start) fail('expected a name');
    return source.slice(start, pos);
  };

  function message(inPlural: boolean, nested: boolean): IcuNode[] {
    const nodes: IcuNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push(text);
      text = '';
    };
    while (pos < source.length) {
      const c = source[pos];
      if (c === "'") {
        const next = source[pos + 1];
        if (next === "'") {
          text += "'";
          pos += 2;
        } else if (next === '{' || next === '}' || (inPlural && next === '#')) {
          // Quoted literal text up to the next single apostrophe ('' inside stays one apostrophe).
          pos++;
          while (pos < source.length) {
            if (source[pos] === "'" && source[pos + 1] === "'") {
              text += "'";
              pos += 2;
            } else if (source[pos] === "'") {
              pos++;
              break;
            } else text += source[pos++];
          }
        } else {
          text += c;
          pos++;
        }
      } else if (c === '{') {
        flush();
        pos++;
        nodes.push(argument());
      } else if (c === '}') {
        if (!nested) fail('unmatched "}"');
        break;
      } else if (c === '#' && inPlural) {
        flush();
        nodes.push({ kind: 'hash' });
        pos++;
      } else {
        text += c;
        pos++;
      }
    }
    flush();
    return nodes;
  }

  function argument(): IcuNode {
    skipSpace();
    const name = word();
    skipSpace();
    if (source[pos] === '}') {
      pos++;
      return { kind: 'arg', name };
    }
    if (source[pos] !== ',') fail('expected "," or "}"');
    pos++;
    skipSpace();
    const type = word();
    skipSpace();
    if (type !== 'plural' && type !== 'selectordinal' && type !== 'select') {
      // {n, number} and other formatters: the value as it is.
      let depth = 0;
      while (pos < source.length && (source[pos] !== '}' || depth > 0)) {
        if (source[pos] === '{') depth++;
        if (source[pos] === '}') depth--;
        pos++;
      }
      if (source[pos] !== '}') fail('unterminated argument');
      pos++;
      return { kind: 'arg', name };
    }
    if (source[pos] !== ',') fail('expected "," after the type');
    pos++;
    skipSpace();
    let offset = 0;
    if (type !== 'select' && source.startsWith('offset:', pos)) {
      pos += 'offset:'.length;
      skipSpace();
      offset = Number(word());
      if (!Number.isFinite(offset)) fail('bad offset');
      skipSpace();
    }
    const cases: Record<string, IcuNode[]> = {};
    while (pos < source.length && source[pos] !== '}') {
      const key = word();
      skipSpace();
      if (source[pos] !== '{') fail(`expected "{" after case "${key}"`);
      pos++;
      cases[key] = message(type !== 'select', true);
      if (source[pos] !== '}') fail(`unterminated case "${key}"`);
      pos++;
      skipSpace();
    }
    if (source[pos] !== '}') fail('unterminated ' + type);
    if (!cases['other']) fail(`${type} without an "other" case`);
    pos++;
    return { kind: type, name, offset, cases };
  }

  const nodes = message(false, false);
  if (pos < source.length) fail('unexpected "}"');
  return nodes;
}

const PLURAL_RULES = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string, type: Intl.PluralRuleType): Intl.PluralRules {
  const key = `${locale}:${type}`;
  let rules = PLURAL_RULES.get(key);
  if (!rules) {
    rules = new Intl.PluralRules(locale, { type });
    PLURAL_RULES.set(key, rules);
  }
  return rules;
}

function valueText(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** Renders a parsed message with its arguments in `locale` (plural categories from Intl.PluralRules). */
export function formatIcu(nodes: readonly IcuNode[], params: Record<string, unknown>, locale: string): string {
  const render = (list: readonly IcuNode[], hash: number | null): string => {
    let out = '';
    for (const node of list) {
      if (typeof node === 'string') out += node;
      else if (node.kind === 'arg') out += valueText(params[node.name]);
      else if (node.kind === 'hash') out += hash === null ? '#' : String(hash);
      else if (node.kind === 'select') {
        const chosen = node.cases[valueText(params[node.name])] ?? node.cases['other'];
        out += render(chosen, hash);
      } else {
        const n = Number(params[node.name]);
        const exact = node.cases[`=${n}`];
        const category = Number.isFinite(n)
          ? pluralRules(locale, node.kind === 'plural' ? 'cardinal' : 'ordinal').select(n - node.offset)
          : 'other';
        out += render(exact ?? node.cases[category] ?? node.cases['other'], n - node.offset);
      }
    }
    return out;
  };
  return render(nodes, null);
}

/**
 * The transloco transpiler of the web app: ICU messages ({arg}, plural, select) with the plural rules of the active
 * language. A text still written with transloco's {{ arg }} is handled by the default transpiler only, so the inserted
 * value is never read as ICU syntax.
 */
@Injectable()
export class IcuTranspiler extends DefaultTranspiler {
  private locale = 'en';
  private readonly parsed = new Map<string, IcuNode[] | null>();

  override transpile(params: TranspileParams): unknown {
    const { value } = params;
    if (typeof value !== 'string' || value.includes('{{') || !/[{']/.test(value)) return super.transpile(params);
    let nodes = this.parsed.get(value);
    if (nodes === undefined) {
      try {
        nodes = parseIcu(value);
      } catch {
        nodes = null; // a malformed text is shown as written rather than breaking the page
      }
      this.parsed.set(value, nodes);
    }
    return nodes ? formatIcu(nodes, (params.params ?? {}) as Record<string, unknown>, this.locale) : value;
  }

  onLangChanged(lang: string): void {
    this.locale = lang;
  }
}
