import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, ProfileService } from '@scs/api/accounts';
import { ENTITY_STANDINGS, type EntityStandings } from '@scs/api/assessments';
import { NotFoundError, UUID_RE, type AuthUser, type Locale } from '@scs/api/core';
import type { PortfolioAnswersView, PortfolioEntity, PortfolioView } from '@scs/shared/contracts';
import { GroupLink } from './group-link.entity';
import { GroupLinksService } from './group-links.service';

export interface PortfolioFilters {
  province?: string;
  legalForm?: string;
}

/** Today as 'YYYY-MM-DD' (UTC): the day overdue actions and self-checks are counted as of. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The group's view of its active entities: standing from the assessments feature, names and profile from accounts. */
@Injectable()
export class PortfolioService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: GroupLinksService,
    private readonly profiles: ProfileService,
    private readonly audit: AuditService,
    @Inject(ENTITY_STANDINGS) private readonly standings: EntityStandings,
  ) {}

  async view(groupOrgId: string, filters: PortfolioFilters = {}, asOf: string = today()): Promise<PortfolioView> {
    const links = await this.links.active(groupOrgId);
    const orgIds = links.map((l) => l.entityOrgId);
    const [firms, { standings, dimensions }] = await Promise.all([
      this.profiles.summaries(orgIds),
      this.standings.of(orgIds, asOf),
    ]);
    const entities = links.map((l, i): PortfolioEntity => {
      const firm = firms.get(l.entityOrgId);
      const { orgId: _org, catalogueVersion: _version, ...standing } = standings[i];
      return {
        linkId: l.id,
        orgId: l.entityOrgId,
        name: firm?.name ?? '',
        uscc: firm?.uscc ?? null,
        provinces: firm?.provinces ?? [],
        legalForm: firm?.legalForm ?? null,
        answersGranted: l.answersGranted,
        ...standing,
      };
    });
    entities.sort((a, b) => a.name.localeCompare(b.name, 'en'));
    return {
      groupOrgId,
      dimensions,
      entities: entities.filter(
        (e) =>
          (!filters.province || e.provinces.includes(filters.province)) &&
          (!filters.legalForm || e.legalForm === filters.legalForm),
      ),
      provinces: [...new Set(entities.flatMap((e) => e.provinces))].sort(),
      legalForms: [...new Set(entities.flatMap((e) => (e.legalForm ? [e.legalForm] : [])))].sort(),
      asOf,
    };
  }

  /** What the report's cache key depends on: the active links (with grants) and the entities' standing. */
  async version(groupOrgId: string): Promise<string[]> {
    const links = await this.links.active(groupOrgId);
    const orgIds = links.map((l) => l.entityOrgId);
    const firms = await this.profiles.summaries(orgIds);
    return [
      `links:${links.map((l) => l.id).join(',')}`,
      `firms:${orgIds.map((id) => JSON.stringify(firms.get(id) ?? null)).join(',')}`,
      `standing:${await this.standings.version(orgIds)}`,
      `asOf:${today()}`,
    ];
  }

  /**
   * The answers of a linked entity's latest self-check (texts in `locale`), only while the link is active and the
   * entity grants them: anything else (no link, a pending or ended link, no grant, another group's entity) is the
   * same 404 and returns no data. Every read is in the group's audit log.
   */
  async answers(
    groupOrgId: string,
    entityOrgId: string,
    user: AuthUser,
    ip: string | null,
    locale: Locale = 'en',
  ): Promise<PortfolioAnswersView> {
    const link = UUID_RE.test(entityOrgId)
      ? await this.dataSource.manager.findOne(GroupLink, { where: { groupOrgId, entityOrgId, status: 'active' } })
      : null;
    if (!link) throw new NotFoundError('errors.portfolio.entityNotLinked');
    if (!link.answersGranted) throw new NotFoundError('errors.portfolio.answersNotGranted');
    const firm = (await this.profiles.summaries([entityOrgId])).get(entityOrgId);
    const answers = await this.standings.answers(entityOrgId, locale);
    await this.audit.record({
      action: 'group_link.answers_viewed',
      actorUserId: user.id,
      orgId: groupOrgId,
      target: `group_link:${link.id}`,
      ip,
      details: { entityOrgId, assessmentId: answers.assessmentId },
    });
    return { entity: { orgId: entityOrgId, name: firm?.name ?? '' }, ...answers };
  }
}
