import { msg } from '@scs/api/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { oneOfLabels } from '@scs/api/core';
import { IsEmail, IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import type { OrgKind, OrgRoleName } from '@scs/api/core';
import { EMAIL_MAX, NormaliseEmail } from '../../validation';
import type { InvitationKind } from '../invitation.entity';
import type { InvitationStatus } from '../invitation-records';
import { ROLE_LABELS } from '../../orgs/dto/member.dto';

export const INVITABLE_ROLES = ['owner', 'admin', 'member'] as const;

export class CreateInvitationDto {
  @ApiProperty({ example: 'colleague@example-firm.de' })
  @NormaliseEmail()
  @IsEmail({}, msg('validation.email'))
  @MaxLength(EMAIL_MAX)
  email!: string;

  @ApiProperty({ enum: INVITABLE_ROLES })
  @IsIn(INVITABLE_ROLES, oneOfLabels(ROLE_LABELS))
  role!: (typeof INVITABLE_ROLES)[number];
}

export class AcceptInvitationDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'For a chamber invitation: the firm (you must be its owner) that joins the chamber',
  })
  @IsOptional()
  @IsUUID('all', msg('validation.firmId.choose'))
  firmId?: string;
}

export class InvitationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['member', 'chamber_firm'] }) kind!: InvitationKind;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, enum: ['owner', 'admin', 'member', 'researcher'] }) role!: OrgRoleName | null;
  @ApiProperty({ enum: ['pending', 'accepted', 'revoked', 'expired'] }) status!: InvitationStatus;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() expiresAt!: Date;
  @ApiProperty({ nullable: true }) invitedBy!: string | null;
}

export class CreatedInvitation extends InvitationView {
  @ApiProperty({ description: 'The link that was emailed, so the inviter can also pass it on directly' }) link!: string;
}

export class InvitationPreview {
  @ApiProperty({ enum: ['member', 'chamber_firm'] }) kind!: InvitationKind;
  @ApiProperty() orgName!: string;
  @ApiProperty({ enum: ['firm', 'chamber', 'research'] }) orgKind!: OrgKind;
  @ApiProperty({ nullable: true, enum: ['owner', 'admin', 'member', 'researcher'] }) role!: OrgRoleName | null;
  @ApiProperty({ description: 'The address the invitation was sent to' }) email!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Set when any verified address of this domain may accept (a chamber inviting a firm by domain)',
  })
  boundDomain!: string | null;
  @ApiProperty() expiresAt!: Date;
}

export class AcceptedInvitation {
  @ApiProperty({ enum: ['member', 'chamber_firm'] }) kind!: InvitationKind;
  @ApiProperty({ format: 'uuid', description: 'member: the organisation joined; chamber_firm: the chamber' })
  orgId!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'chamber_firm: the firm that joined' }) firmId?: string;
}
