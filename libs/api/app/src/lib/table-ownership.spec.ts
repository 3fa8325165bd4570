import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// Each table has one owning API lib. Another feature reads or writes it only through the owner's services or a contract
// the owner exports — never with its own SQL or repository. This spec maps every table to its owner (the lib whose
// entity declares it; tables created by migrations only are listed below), then scans each API lib's SQL strings and
// repository calls for tables it does not own. A new foreign access fails here; the allow-list only shrinks.

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

/**
 * Foreign table accesses that remain, each with the owner's service it should go through. `lib → table` in `file`;
 * a stale entry (the access is gone) fails too, so the list only shrinks.
 */
const ALLOWED: { lib: string; table: string; file: string; reason: string }[] = [
  // --- the process-wide secrets table (key per purpose); each purpose is read by the one lib that uses it
  { lib: 'accounts', table: 'app_secret', file: 'auth/tokens.service.ts', reason: 'token signing key row' },
  { lib: 'research', table: 'app_secret', file: 'records/pseudonym.service.ts', reason: 'pseudonym key rows' },
  // --- accounts' login back-off shares the throttler's counter table (same key space, one cleanup job)
  { lib: 'accounts', table: 'rate_limit', file: 'auth/login-backoff.service.ts', reason: 'core ThrottlerStorage' },
  // --- platform admin lists: counts of another feature's rows per organisation
  { lib: 'accounts', table: 'assessment', file: 'admin/admin-lists.service.ts', reason: 'assessments count contract' },
  {
    lib: 'accounts',
    table: 'consent',
    file: 'chamber-memberships/chamber-links.service.ts',
    reason: 'research ConsentService',
  },
  // --- assessments: owner names and recipients (accounts' user and membership read service)
  { lib: 'assessments', table: 'user_account', file: 'actions/actions.service.ts', reason: 'accounts user names' },
  { lib: 'assessments', table: 'membership', file: 'actions/actions.service.ts', reason: 'accounts MembershipService' },
  { lib: 'assessments', table: 'user_account', file: 'assessments.service.ts', reason: 'accounts user names' },
  {
    lib: 'assessments',
    table: 'audit_log',
    file: 'change-impact/change-impact.service.ts',
    reason: 'accounts AuditService read',
  },
  {
    lib: 'assessments',
    table: 'membership',
    file: 'change-impact/change-impact.service.ts',
    reason: 'accounts recipients',
  },
  {
    lib: 'assessments',
    table: 'user_account',
    file: 'change-impact/change-impact.service.ts',
    reason: 'accounts recipients',
  },
  {
    lib: 'assessments',
    table: 'organisation',
    file: 'change-impact/change-impact.service.ts',
    reason: 'accounts recipients',
  },
  { lib: 'assessments', table: 'user_account', file: 'report-source.ts', reason: 'accounts user names' },
  { lib: 'assessments', table: 'organisation', file: 'report-source.ts', reason: 'accounts organisation names' },
  // --- chambers: member progress, aggregates and distribution join firms' assessments, consents and people
  {
    lib: 'chambers',
    table: 'assessment',
    file: 'aggregates/member-aggregates.service.ts',
    reason: 'assessments results contract',
  },
  {
    lib: 'chambers',
    table: 'chamber_membership',
    file: 'aggregates/member-aggregates.service.ts',
    reason: 'accounts chamber links',
  },
  {
    lib: 'chambers',
    table: 'consent',
    file: 'aggregates/member-aggregates.service.ts',
    reason: 'research ConsentService',
  },
  {
    lib: 'chambers',
    table: 'mail_outbox',
    file: 'campaigns/campaign-invitations.service.ts',
    reason: 'accounts MailService status',
  },
  { lib: 'chambers', table: 'invitation', file: 'campaigns/campaigns.service.ts', reason: 'accounts invitations' },
  { lib: 'chambers', table: 'organisation', file: 'campaigns/campaigns.service.ts', reason: 'accounts organisations' },
  {
    lib: 'chambers',
    table: 'mail_outbox',
    file: 'campaigns/campaigns.service.ts',
    reason: 'accounts MailService status',
  },
  { lib: 'chambers', table: 'invitation', file: 'campaigns/invitation-status.ts', reason: 'accounts invitations' },
  {
    lib: 'chambers',
    table: 'mail_outbox',
    file: 'campaigns/invitation-status.ts',
    reason: 'accounts MailService status',
  },
  { lib: 'chambers', table: 'organisation', file: 'campaigns/invitation-status.ts', reason: 'accounts organisations' },
  { lib: 'chambers', table: 'membership', file: 'campaigns/progress.service.ts', reason: 'accounts memberships' },
  { lib: 'chambers', table: 'user_account', file: 'campaigns/progress.service.ts', reason: 'accounts user names' },
  {
    lib: 'chambers',
    table: 'chamber_membership',
    file: 'campaigns/progress.service.ts',
    reason: 'accounts chamber links',
  },
  { lib: 'chambers', table: 'consent', file: 'campaigns/progress.service.ts', reason: 'research ConsentService' },
  {
    lib: 'chambers',
    table: 'assessment',
    file: 'campaigns/progress.service.ts',
    reason: 'assessments progress contract',
  },
  { lib: 'chambers', table: 'organisation', file: 'campaigns/progress.service.ts', reason: 'accounts organisations' },
  {
    lib: 'chambers',
    table: 'chamber_membership',
    file: 'distribution/distribution.service.ts',
    reason: 'accounts chamber links',
  },
  {
    lib: 'chambers',
    table: 'assessment',
    file: 'distribution/distribution.service.ts',
    reason: 'assessments results contract',
  },
  { lib: 'chambers', table: 'membership', file: 'distribution/distribution.service.ts', reason: 'accounts recipients' },
  {
    lib: 'chambers',
    table: 'user_account',
    file: 'distribution/distribution.service.ts',
    reason: 'accounts recipients',
  },
  {
    lib: 'chambers',
    table: 'organisation',
    file: 'distribution/distribution.service.ts',
    reason: 'accounts organisations',
  },
  // --- chambers through repositories of accounts' entities
  {
    lib: 'chambers',
    table: 'invitation',
    file: 'campaigns/campaign-invitations.service.ts',
    reason: 'accounts invitations',
  },
  {
    lib: 'chambers',
    table: 'organisation',
    file: 'campaigns/campaign-invitations.service.ts',
    reason: 'accounts organisations',
  },
  {
    lib: 'chambers',
    table: 'mail_outbox',
    file: 'campaigns/progress.service.ts',
    reason: 'accounts MailService status',
  },
  {
    lib: 'chambers',
    table: 'mail_outbox',
    file: 'distribution/distribution.service.ts',
    reason: 'accounts MailService status',
  },
  { lib: 'chambers', table: 'organisation', file: 'branding/branding.service.ts', reason: 'accounts organisations' },
  // --- research
  {
    lib: 'research',
    table: 'chamber_membership',
    file: 'consent/consent.service.ts',
    reason: 'accounts chamber links',
  },
  { lib: 'research', table: 'organisation', file: 'consent/consent.service.ts', reason: 'accounts organisations' },
  {
    lib: 'research',
    table: 'assessment',
    file: 'questionnaire/research-answers.controller.ts',
    reason: 'assessments contract',
  },
  { lib: 'research', table: 'user_account', file: 'outputs/research.service.ts', reason: 'accounts user names' },
  { lib: 'research', table: 'organisation', file: 'outputs/research.service.ts', reason: 'accounts organisations' },
  // --- written in parallel with this check (2026.12, partner checks and the board report); next to move behind
  // accounts' read services (organisation names, members to remind, the requesting user's name)
  { lib: 'partners', table: 'membership', file: 'reminders.service.ts', reason: 'accounts members of a firm' },
  { lib: 'partners', table: 'user_account', file: 'reminders.service.ts', reason: 'accounts members of a firm' },
  { lib: 'partners', table: 'organisation', file: 'partner-link.service.ts', reason: 'accounts organisations' },
  { lib: 'partners', table: 'organisation', file: 'partners.service.ts', reason: 'accounts organisations' },
  {
    lib: 'partners',
    table: 'organisation',
    file: 'receipt/partner-receipt.report.ts',
    reason: 'accounts organisations',
  },
  { lib: 'reports', table: 'user_account', file: 'kinds/firm-report.ts', reason: 'accounts user names' },
];

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

const SQL_TABLE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+(?:ONLY\s+)?(?:"?([a-z_]+)"?\.)?"?([a-z_]+)"?/g;
const REPOSITORY =
  /(?:getRepository|InjectRepository|\.(?:find\w*|save|insert|update|upsert|delete|remove|count\w*|exist\w*|increment|decrement|createQueryBuilder))\(\s*([A-Z]\w+)\b/g;

function foreignAccesses(): string[] {
  const { owners, entities } = ownership();
  const found = new Set<string>();
  for (const lib of apiLibs.filter((l) => l !== 'app')) {
    for (const f of sources(lib)) {
      const src = readFileSync(f, 'utf8');
      const file = relative(join(API, lib, 'src/lib'), f);
      const tables = [
        ...[...src.matchAll(SQL_TABLE)].map((m) => (m[1] ? `${m[1]}.${m[2]}` : m[2])),
        ...[...src.matchAll(REPOSITORY)].flatMap((m) => entities.get(m[1]) ?? []),
      ];
      for (const table of tables) {
        const owner = owners.get(table);
        if (owner && owner !== lib) found.add(`${lib} → ${table} in ${file} (owner: ${owner})`);
      }
    }
  }
  return [...found].sort();
}

describe('table ownership', () => {
  const { owners } = ownership();
  const accesses = foreignAccesses();
  const allowed = new Set(ALLOWED.map((a) => `${a.lib} → ${a.table} in ${a.file} (owner: ${owners.get(a.table)})`));

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

  it('no API lib runs SQL or a repository on a table another lib owns (beyond the shrinking allow-list)', () => {
    expect(accesses.filter((a) => !allowed.has(a))).toEqual([]);
  });

  it('every allow-list entry is still needed', () => {
    expect([...allowed].filter((a) => !accesses.includes(a))).toEqual([]);
  });

  it('finds a foreign access (the scan itself works)', () => {
    expect(accesses.some((a) => a.startsWith('chambers → assessment in campaigns/progress.service.ts'))).toBe(true);
  });
});
