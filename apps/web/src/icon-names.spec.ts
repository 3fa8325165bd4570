import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inflateSync } from 'node:zlib';

// The app draws icons with a ligature font (styles.css imports material-icons/iconfont/outlined.css): a name the font
// does not know shows as plain text ("domain_disabled" in letters). This spec reads the ligature names straight from
// the font file and fails for every icon name used in apps/web or libs/web that the font lacks.

const ROOT = join(__dirname, '../../..');
const FONT = join(ROOT, 'node_modules/material-icons/iconfont/material-icons-outlined.woff');

/** Names the font turns into icons: every GSUB ligature (lookup type 4, or 7 wrapping 4) spelled out through the cmap. */
function ligatureNames(woff: Buffer): Set<string> {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF 1 file');
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < woff.readUInt16BE(12); i++) {
    const at = 44 + i * 20;
    const [offset, compLength, origLength] = [
      woff.readUInt32BE(at + 4),
      woff.readUInt32BE(at + 8),
      woff.readUInt32BE(at + 12),
    ];
    const raw = woff.subarray(offset, offset + compLength);
    tables.set(woff.toString('latin1', at, at + 4), compLength < origLength ? inflateSync(raw) : raw);
  }
  const cmap = tables.get('cmap');
  const gsub = tables.get('GSUB');
  if (!cmap || !gsub) throw new Error('font without cmap or GSUB');

  // glyph id -> character, from the Windows Unicode BMP subtable (format 4), for the characters icon names use.
  const charOf = new Map<number, string>();
  let sub = -1;
  for (let i = 0; i < cmap.readUInt16BE(2); i++) {
    const at = 4 + i * 8;
    if (cmap.readUInt16BE(at) === 3 && cmap.readUInt16BE(at + 2) === 1) sub = cmap.readUInt32BE(at + 4);
  }
  if (sub < 0 || cmap.readUInt16BE(sub) !== 4) throw new Error('font without a format 4 Unicode cmap');
  const segs = cmap.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const rangeOffsets = deltas + segs * 2;
  for (const ch of 'abcdefghijklmnopqrstuvwxyz0123456789_') {
    const code = ch.charCodeAt(0);
    for (let s = 0; s < segs; s++) {
      if (cmap.readUInt16BE(ends + s * 2) < code) continue;
      const start = cmap.readUInt16BE(starts + s * 2);
      if (start > code) break;
      const delta = cmap.readUInt16BE(deltas + s * 2);
      const ro = cmap.readUInt16BE(rangeOffsets + s * 2);
      const indexed = ro === 0 ? code : cmap.readUInt16BE(rangeOffsets + s * 2 + ro + (code - start) * 2);
      if (ro === 0 || indexed !== 0) charOf.set((indexed + delta) & 0xffff, ch);
      break;
    }
  }

  const coverage = (at: number): number[] => {
    if (gsub.readUInt16BE(at) === 1)
      return Array.from({ length: gsub.readUInt16BE(at + 2) }, (_, i) => gsub.readUInt16BE(at + 4 + i * 2));
    const glyphs: number[] = [];
    for (let r = 0; r < gsub.readUInt16BE(at + 2); r++) {
      for (let g = gsub.readUInt16BE(at + 4 + r * 6); g <= gsub.readUInt16BE(at + 6 + r * 6); g++) glyphs.push(g);
    }
    return glyphs;
  };
  const names = new Set<string>();
  const lookups = gsub.readUInt16BE(8);
  for (let l = 0; l < gsub.readUInt16BE(lookups); l++) {
    const lookup = lookups + gsub.readUInt16BE(lookups + 2 + l * 2);
    const type = gsub.readUInt16BE(lookup);
    for (let t = 0; t < gsub.readUInt16BE(lookup + 4); t++) {
      let st = lookup + gsub.readUInt16BE(lookup + 6 + t * 2);
      let stType = type;
      if (type === 7) [stType, st] = [gsub.readUInt16BE(st + 2), st + gsub.readUInt32BE(st + 4)];
      if (stType !== 4) continue;
      const firsts = coverage(st + gsub.readUInt16BE(st + 2));
      firsts.forEach((first, i) => {
        const set = st + gsub.readUInt16BE(st + 6 + i * 2);
        for (let k = 0; k < gsub.readUInt16BE(set); k++) {
          const lig = set + gsub.readUInt16BE(set + 2 + k * 2);
          const parts = [
            first,
            ...Array.from({ length: gsub.readUInt16BE(lig + 2) - 1 }, (_, c) => gsub.readUInt16BE(lig + 4 + c * 2)),
          ];
          const chars = parts.map((g) => charOf.get(g));
          if (chars.every((c) => c !== undefined)) names.add(chars.join(''));
        }
      });
    }
  }
  return names;
}

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });

interface IconUse {
  name: string;
  where: string;
}

const literals = (expr: string): string[] => [...expr.matchAll(/'([^']*)'/g)].map((m) => m[1]);

/**
 * Every icon name the sources use: `<mat-icon>name</mat-icon>`, `icon="name"` inputs (scs-empty-state), string
 * literals inside `<mat-icon>{{ … }}</mat-icon>`, and — for an interpolation without literals such as `{{ p.icon }}`
 * or `{{ icon() }}` — the `icon: 'name'` properties and `input('name')` defaults of the same file. An interpolation
 * that resolves to no name at all fails the spec, so a new kind of dynamic icon cannot slip past it.
 */
function iconUses(files: string[]): { uses: IconUse[]; unresolved: string[] } {
  const uses: IconUse[] = [];
  const unresolved: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const where = relative(ROOT, file);
    for (const m of text.matchAll(/<mat-icon\b[^>]*>([\s\S]*?)<\/mat-icon>/g)) {
      const content = m[1].trim();
      const dynamic = /^\{\{([\s\S]*)\}\}$/.exec(content);
      if (!dynamic) {
        uses.push({ name: content, where });
        continue;
      }
      let names = literals(dynamic[1]);
      if (names.length === 0) {
        names = [
          ...text.matchAll(/\bicon: '([^']*)'/g),
          ...text.matchAll(/\bicon = input(?:<[^>]*>)?\('([^']*)'/g),
        ].map((n) => n[1]);
      }
      if (names.length === 0) unresolved.push(`${where}: <mat-icon>${content}</mat-icon>`);
      uses.push(...names.map((name) => ({ name, where })));
    }
    for (const m of text.matchAll(/\sicon="([^"]*)"/g)) uses.push({ name: m[1], where });
  }
  return { uses, unresolved };
}

describe('icon names', () => {
  const fontNames = ligatureNames(readFileSync(FONT));
  const { uses, unresolved } = iconUses(
    [
      join(ROOT, 'apps/web/src'),
      ...readdirSync(join(ROOT, 'libs/web')).map((lib) => join(ROOT, 'libs/web', lib, 'src')),
    ].flatMap(sourceFiles),
  );

  it('reads the ligature names of the icon font the app loads', () => {
    expect(readFileSync(join(ROOT, 'apps/web/src/styles.css'), 'utf8')).toContain(
      "@import 'material-icons/iconfont/outlined.css'",
    );
    expect(readFileSync(join(ROOT, 'apps/web/src/app/app.config.ts'), 'utf8')).toContain(
      "setDefaultFontSetClass('material-icons-outlined')",
    );
    expect(fontNames.size).toBeGreaterThan(2000);
    for (const known of ['lock', 'check', 'content_copy', 'picture_as_pdf']) expect(fontNames).toContain(known);
    // Material Symbols-only names are not in the static font.
    expect(fontNames).not.toContain('lock_open_right');
  });

  it('finds the icons of the templates, dynamic ones included', () => {
    const names = new Set(uses.map((u) => u.name));
    // Static, an icon="…" input, the literals of a conditional, icon: '…' of a list, the input default of scs-empty-state.
    for (const expected of ['account_circle', 'domain_disabled', 'content_copy', 'check', 'insights', 'inbox'])
      expect(names).toContain(expected);
    expect(unresolved).toEqual([]);
  });

  it('uses only icon names the font has', () => {
    const missing = uses.filter((u) => !fontNames.has(u.name)).map((u) => `${u.name} (${u.where})`);
    expect(missing).toEqual([]);
  });
});
