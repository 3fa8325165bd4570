import { Injectable } from '@angular/core';
import { DefaultTranspiler, type TranspileParams } from '@jsverse/transloco';
import IntlMessageFormat from 'intl-messageformat';

/*
 * ICU MessageFormat for transloco without `eval`. @jsverse/transloco-messageformat compiles each message with
 * `new Function`, which our Content-Security-Policy (script-src 'self', no 'unsafe-eval') rightly blocks in the
 * browser. intl-messageformat (FormatJS) parses a message into a tree once and interprets that tree, so it runs under
 * the CSP; plural categories come from Intl.PluralRules of the active language. Tags are not interpreted
 * (ignoreTag): `<b>` in a text stays text. libs/web/core/src/lib/i18n.spec.ts checks every web text against
 * @messageformat/core's output.
 */

type Element = ReturnType<IntlMessageFormat['getAst']>[number];

/** The names of every argument in a parsed message (plain, number/date, select and plural), nested ones included. */
function argumentNames(elements: readonly Element[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ('options' in element) {
      names.add(element.value);
      for (const option of Object.values(element.options)) argumentNames(option.value, names);
    } else if ('children' in element) {
      argumentNames(element.children, names);
    } else if ('style' in element) {
      names.add(element.value); // {n, number}, {d, date}, {t, time}
    } else if (element.type === 1) {
      names.add(element.value); // a plain {arg}
    }
  }
  return names;
}

interface Compiled {
  readonly format: IntlMessageFormat;
  readonly names: ReadonlySet<string>;
}

type Value = string | number | bigint;

/** A parameter as intl-messageformat takes it: numbers stay numbers (plural, select), everything else is its text. */
function valueOf(value: unknown): Value {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return value;
  return value === undefined || value === null ? '' : String(value);
}

/**
 * The transloco transpiler of the web app: ICU messages ({arg}, plural, selectordinal, select) in the active language.
 * Parameter values are inserted after parsing, so a user's input (a firm name with a brace or an apostrophe) is
 * shown verbatim and never read as ICU syntax. A missing argument renders as empty text. A malformed message is
 * logged once and shown as written rather than breaking the page.
 */
@Injectable()
export class IcuTranspiler extends DefaultTranspiler {
  private locale = 'en';
  /** Compiled messages per language and text; null for a text that does not parse. */
  private readonly compiled = new Map<string, Compiled | null>();

  override transpile(params: TranspileParams): unknown {
    const { value } = params;
    if (typeof value !== 'string') return super.transpile(params); // objects and arrays: each text through here
    if (!/[{']/.test(value)) return value; // no argument and no quoting: the text is the message
    const compiled = this.compile(value);
    if (!compiled) return value;
    const given = (params.params ?? {}) as Record<string, unknown>;
    const values: Record<string, Value> = {};
    for (const name of compiled.names) values[name] = valueOf(given[name]);
    try {
      const out = compiled.format.format<string>(values);
      return Array.isArray(out) ? out.join('') : out;
    } catch (error) {
      // e.g. a plural whose count is not a number: show the text rather than break the page
      console.warn(`Could not format the text "${value}"`, error);
      return value;
    }
  }

  onLangChanged(lang: string): void {
    this.locale = lang;
  }

  private compile(message: string): Compiled | null {
    const key = `${this.locale}\u0000${message}`;
    let compiled = this.compiled.get(key);
    if (compiled === undefined) {
      try {
        const format = new IntlMessageFormat(message, this.locale, undefined, { ignoreTag: true });
        compiled = { format, names: argumentNames(format.getAst()) };
      } catch (error) {
        console.error(`Not a valid ICU message, shown as written: "${message}"`, error);
        compiled = null;
      }
      this.compiled.set(key, compiled);
    }
    return compiled;
  }
}
