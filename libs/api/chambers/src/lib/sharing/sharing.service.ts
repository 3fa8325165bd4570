import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@scs/api/accounts';
import type { SharingView } from './dto/sharing.dto';
import { ParticipationConsent } from './participation-consent.entity';

/** The firm's side: whether its chambers may see if it started or submitted the self-check. Off unless the firm turns it on. */
@Injectable()
export class SharingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(firmId: string): Promise<SharingView> {
    const row = await this.dataSource.manager.findOneBy(ParticipationConsent, { firmId });
    return { participationStatus: Boolean(row), grantedAt: row?.grantedAt ?? null };
  }

  async set(firmId: string, share: boolean, actorId: string, ip: string | null): Promise<SharingView> {
    await this.dataSource.transaction(async (m) => {
      const had = await m.existsBy(ParticipationConsent, { firmId });
      if (had === share) return;
      if (share) await m.insert(ParticipationConsent, { firmId, grantedBy: actorId });
      else await m.delete(ParticipationConsent, { firmId });
      await this.audit.record({ action: share ? 'consent.chamber_participation_granted' : 'consent.chamber_participation_revoked', actorUserId: actorId, orgId: firmId, target: `org:${firmId}`, ip }, m);
    });
    return this.get(firmId);
  }
}
