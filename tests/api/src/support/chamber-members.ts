import * as chambers from '@scs/api/chambers';
import { CatalogueService } from '@scs/api/catalogue';
import { isApplicable, type Catalogue, type FirmProfile } from '@scs/shared/catalogue';
import type { MemberAggregatesView } from '@scs/shared/contracts';
import { createChamberWithAdmin, registerUser, type TestApp, type TestUser, tokenOfLink } from './app';
import { MANUFACTURER_PROFILE } from './firms';

// A chamber and member firms it invites, for the chamber attacks (issue 15, attacks 1 and 2).

export type Question = Catalogue['questions'][number];
export type Pick = 'best' | 'worst' | 'mixed';

export interface MemberFirm extends TestUser {
  assessmentId: string;
}

export interface ChamberSetup {
  chamber: TestUser;
  campaignId: string;
  applicable: Question[];
  aggregates(): Promise<MemberAggregatesView>;
  /** Invites, registers (confirmed e-mail), fills the profile, submits with the chosen answers; no consent yet. */
  addFirm(email: string, pick: Pick | null): Promise<MemberFirm>;
  submit(firm: TestUser, pick: Pick): Promise<string>;
  share(firm: TestUser, granted?: boolean): Promise<void>;
  /** The firm's own overall score and level (ground truth, read from the database). */
  truth(firm: MemberFirm): Promise<{ overall: number; level: string }>;
  /** Moves the chamber release clock to the next quarter (no-op before the release model existed). */
  nextQuarter(): void;
}

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

export async function chamberSetup(t: TestApp, name: string): Promise<ChamberSetup> {
  const catalogue = (await t.app.get(CatalogueService).current()).catalogue;
  const applicable = catalogue.questions.filter(
    (q) => !q.applicability || isApplicable(q.applicability, MANUFACTURER_PROFILE as unknown as FirmProfile),
  );
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const chamber = await createChamberWithAdmin(t, { name, adminEmail: `admin@${slug}.test` });
  const created = await chamber.http.post<{ id: string }>(`/api/orgs/${chamber.orgId}/campaigns`, {
    title: 'Attack campaign',
    messageDe: 'Bitte teilnehmen',
    messageEn: 'Please take part',
    opensAt: days(-1),
    closesAt: days(30),
  });
  const campaignId = created.body.id;
  const option = (q: Question, pick: Pick, i: number): string => {
    const sorted = [...q.options].filter((o) => !o.knockOut).sort((a, b) => a.exposure - b.exposure);
    if (pick === 'best') return sorted[0].id;
    if (pick === 'worst') return sorted[sorted.length - 1].id;
    return sorted[(i * 7) % sorted.length].id;
  };
  const submit = async (firm: TestUser, pick: Pick): Promise<string> => {
    const a = await firm.http.post<{ id: string }>(`/api/orgs/${firm.orgId}/assessments`, {});
    const answers = applicable.map((q, i) => ({ questionId: q.id, optionId: option(q, pick, i), baseRevision: 0 }));
    const saved = await firm.http.put(`/api/assessments/${a.body.id}/answers`, { answers });
    if (saved.status !== 200) throw new Error(`answers: ${saved.status} ${JSON.stringify(saved.body)}`);
    const done = await firm.http.post(`/api/assessments/${a.body.id}/submit`);
    if (done.status !== 200) throw new Error(`submit: ${done.status} ${JSON.stringify(done.body)}`);
    return a.body.id;
  };
  // Months moved forward so far: the release clock is "now + offset" (see MemberAggregatesService.clock).
  let months = 0;
  return {
    chamber,
    campaignId,
    applicable,
    aggregates: async () =>
      (await chamber.http.get<MemberAggregatesView>(`/api/orgs/${chamber.orgId}/member-aggregates`)).body,
    submit,
    async addFirm(email, pick) {
      const invited = await chamber.http.post(`/api/orgs/${chamber.orgId}/campaigns/${campaignId}/invitations`, {
        addresses: email,
      });
      if (invited.status !== 200) throw new Error(`invite: ${invited.status}`);
      const [mail]: { text: string }[] = await t.dataSource.query(
        `SELECT "text" FROM "mail_outbox" WHERE "to" = $1 ORDER BY "created_at" DESC LIMIT 1`,
        [email],
      );
      const link = /https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0] as string;
      const user = await registerUser(t.url, { email, firmName: `Firm ${email}`, invitationToken: tokenOfLink(link) });
      const profile = await user.http.put(`/api/orgs/${user.orgId}/profile`, {
        name: `Firm ${email}`,
        ...MANUFACTURER_PROFILE,
      });
      if (profile.status !== 200) throw new Error(`profile: ${profile.status}`);
      return { ...user, assessmentId: pick ? await submit(user, pick) : '' };
    },
    async share(firm, granted = true) {
      const texts = await firm.http.get<{ kind: string; version: number }[]>('/api/consent-texts');
      const version = texts.body.find((c) => c.kind === 'chamber')?.version;
      const res = await firm.http.put(`/api/orgs/${firm.orgId}/consents`, {
        kind: 'chamber',
        granted,
        textVersion: version,
      });
      if (res.status !== 200) throw new Error(`consent: ${res.status} ${JSON.stringify(res.body)}`);
    },
    async truth(firm) {
      const [row]: { overall: string; level: string }[] = await t.dataSource.query(
        `SELECT "overall_score" AS "overall", "level" FROM "assessment" WHERE "org_id" = $1 AND "status" = 'submitted' ORDER BY "submitted_at" DESC LIMIT 1`,
        [firm.orgId],
      );
      return { overall: Number(row.overall), level: row.level };
    },
    nextQuarter() {
      months += 3;
      const service = releaseService(t);
      if (service) service.clock = () => new Date(Date.now() + months * 31 * 86_400_000);
    },
  };
}

/** The chamber release service, when the running code has one (it has a `clock` to move between periods). */
function releaseService(t: TestApp): { clock: () => Date } | null {
  const token = (chambers as Record<string, unknown>)['MemberAggregatesService'];
  if (!token) return null;
  return t.app.get(token as never) as { clock: () => Date };
}

/** The `*` (all members) row's overall mean of means-by-size, and the member count, as the attacker reads them. */
export function overallOf(view: MemberAggregatesView): { n: number | null; mean: number | null; display: string } {
  const table = view.tables.find((x) => x.id === 'means-by-size');
  const total = table?.rows.find((r) => r.total);
  return {
    n: total?.n.value ?? null,
    mean: total?.cells[0]?.value ?? null,
    display: total?.cells[0]?.display ?? '(none)',
  };
}

/** Level counts of the `*` row of level-by-sector (null where not a number). */
export function levelCountsOf(view: MemberAggregatesView): Record<string, number | null> {
  const table = view.tables.find((x) => x.id === 'level-by-sector');
  const total = table?.rows.find((r) => r.total);
  return Object.fromEntries(
    (table?.columns ?? []).map((c, i) => [
      c.key,
      total?.cells[i]?.value ?? (total?.cells[i]?.status === 'lt3' ? 3 : null),
    ]),
  );
}
