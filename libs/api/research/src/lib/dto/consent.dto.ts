import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, Min } from 'class-validator';
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
  textVersion?: number;
}

export class ConsentStatusView implements ConsentStatus {
  @ApiProperty({ enum: CONSENT_KINDS }) kind!: ConsentKind;
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
