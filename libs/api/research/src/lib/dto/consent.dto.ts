import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CONSENT_KINDS, type ConsentKind } from '../consent/consent.entity';
import type { ConsentChange, ConsentStatus, ConsentTextView } from '../consent/consent.service';

export class UpdateConsentDto implements ConsentChange {
  @ApiProperty({ enum: CONSENT_KINDS }) @IsIn(CONSENT_KINDS) kind!: ConsentKind;
  @ApiProperty({
    description: "true = grant, false = revoke (revoking research consent deletes the firm's research records)",
  })
  @IsBoolean()
  granted!: boolean;
  @ApiPropertyOptional({ description: 'The version of the consent text shown to the user (required when granting)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  textVersion?: number;
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The chamber a chamber / chamber_participation consent is given to or withdrawn from (a firm in exactly one chamber may leave it out)',
  })
  @IsOptional()
  @IsUUID()
  chamberId?: string;
}

export class ConsentStatusView implements ConsentStatus {
  @ApiProperty({ enum: CONSENT_KINDS }) kind!: ConsentKind;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The chamber of a chamber consent' })
  chamberId!: string | null;
  @ApiProperty({ type: String, nullable: true }) chamberName!: string | null;
  @ApiProperty() granted!: boolean;
  @ApiProperty({ type: Number, nullable: true }) textVersion!: number | null;
  @ApiProperty({ type: Date, nullable: true }) grantedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) grantedBy!: string | null;
  @ApiProperty() latestTextVersion!: number;
}

export class ConsentTextDto implements ConsentTextView {
  @ApiProperty({ enum: CONSENT_KINDS }) kind!: ConsentKind;
  @ApiProperty() version!: number;
  @ApiProperty() en!: string;
  @ApiProperty() de!: string;
  @ApiProperty() publishedAt!: Date;
}
