import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// Each table has one owning API lib. Another feature reads or writes it only through the owner's services or a contract
// the owner exports — never with its own SQL or repository. This spec maps every table to its owner (the lib whose
// entity declares it; tables created by migrations only are listed below), then scans each API lib's SQL strings and
// repository calls for tables it does not own. There is no allow-list (its last 51 entries moved behind their owners'
// services in 2026.12): any foreign access fails here.

const ROOT = join(import.meta.dirname, '../../../../..');
const API = join(ROOT, 'libs/api');

/** Tables created by migrations without an entity, with their owner. */
const MIGRATION_ONLY_OWNERS: Record<string, string> = {
  chamber_release: 'chambers',
  'research.microdata_release': 'research',
  rate_limit: 'core',
};
/** Tables a later migration dropped. */
const DROPPED = new Set(['chamber_benchmark']);

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

const apiLibs = readdirSync(API).filter((n) => statSync(join(API, n, 'src')).isDirectory());
/** Production sources of an API lib: no specs, no migrations (the app's migrations create every table). */
const sources = (lib: string) =>
  walk(join(API, lib, 'src')).filter(
    (f) =>
      f.endsWith('.ts') && !/\.(spec|int-spec)\.ts$/.test(f) && !f.includes('/migrations/') && !f.includes('/testing/'),
  );

function ownership(): { owners: Map<string, string>; entities: Map<string, string> } {
  const owners = new Map(Object.entries(MIGRATION_ONLY_OWNERS));
  const entities = new Map<string, string>();
  const entityRe =
    /@Entity\(\s*(?:'([a-z_]+)'|\{\s*schema:\s*'([a-z_]+)',\s*name:\s*'([a-z_]+)'\s*\})\s*\)[^]*?export class (\w+)/g;
  for (const lib of apiLibs)
    for (const f of sources(lib))
      for (const m of readFileSync(f, 'utf8').matchAll(entityRe)) {
        const table = m[1] ?? `${m[2]}.${m[3]}`;
        owners.set(table, lib);
        entities.set(m[4], table);
      }
  return { owners, entities };
}

// SQL keywords, and the `from:` spec strings of paged lists (AdminListsService).
const SQL_TABLE = /(?:\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+(?:ONLY\s+)?|\bfrom:\s*`)(?:"?([a-z_]+)"?\.)?"?([a-z_]+)"?/g;
const REPOSITORY =
  /(?:getRepository|InjectRepository|\.(?:find\w*|save|insert|update|upsert|delete|remove|count\w*|exist\w*|increment|decrement|createQueryBuilder))\(\s*([A-Z]\w+)\b/g;

/** The foreign tables one source file of `lib` touches, as `lib → table in file (owner: …)`. */
function accessesIn(
  lib: string,
  file: string,
  src: string,
  { owners, entities }: ReturnType<typeof ownership>,
): string[] {
  const tables = [
    ...[...src.matchAll(SQL_TABLE)].map((m) => (m[1] ? `${m[1]}.${m[2]}` : m[2])),
    ...[...src.matchAll(REPOSITORY)].flatMap((m) => entities.get(m[1]) ?? []),
  ];
  return tables.flatMap((table) => {
    const owner = owners.get(table);
    return owner && owner !== lib ? [`${lib} → ${table} in ${file} (owner: ${owner})`] : [];
  });
}

function foreignAccesses(): string[] {
  const known = ownership();
  const found = new Set<string>();
  for (const lib of apiLibs.filter((l) => l !== 'app'))
    for (const f of sources(lib))
      for (const a of accessesIn(lib, relative(join(API, lib, 'src/lib'), f), readFileSync(f, 'utf8'), known))
        found.add(a);
  return [...found].sort();
}

describe('table ownership', () => {
  const { owners } = ownership();
  const accesses = foreignAccesses();

  it('knows the owner of every table the migrations create', () => {
    const migrations = walk(join(API, 'app/src/migrations')).map((f) => readFileSync(f, 'utf8'));
    const created = new Set(
      migrations.flatMap((s) =>
        [...s.matchAll(/CREATE (?:UNLOGGED )?TABLE (?:IF NOT EXISTS )?(?:"?([a-z_]+)"?\.)?"?([a-z_]+)"?/g)].map((m) =>
          m[1] ? `${m[1]}.${m[2]}` : m[2],
        ),
      ),
    );
    expect([...created].filter((t) => !owners.has(t) && !DROPPED.has(t))).toEqual([]);
  });

  it('no API lib runs SQL or a repository on a table another lib owns', () => {
    expect(accesses).toEqual([]);
  });

  it('finds a foreign access (the scan itself works)', () => {
    const known = ownership();
    const src = `await m.query('SELECT 1 FROM "assessment" a JOIN "organisation" o ON o."id" = a."org_id"');
      await m.insert(MailOutbox, { to });
      page({ from: \`"research"."export_log" l\` });`;
    expect(accessesIn('chambers', 'x.ts', src, known)).toEqual([
      'chambers → assessment in x.ts (owner: assessments)',
      'chambers → organisation in x.ts (owner: accounts)',
      'chambers → research.export_log in x.ts (owner: research)',
      'chambers → mail_outbox in x.ts (owner: accounts)',
    ]);
    expect(accessesIn('accounts', 'x.ts', src, known)).toEqual([
      'accounts → assessment in x.ts (owner: assessments)',
      'accounts → research.export_log in x.ts (owner: research)',
    ]);
  });
});
