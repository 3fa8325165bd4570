import { msg } from '@scs/api/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, MaxLength } from 'class-validator';
import { EMAIL_MAX, NormaliseEmail } from '../../validation';

export class InviteFirmDto {
  @ApiProperty({ description: "Email of the firm's owner (or its compliance contact)" })
  @NormaliseEmail()
  @IsEmail({}, msg('validation.email'))
  @MaxLength(EMAIL_MAX)
  email!: string;

  @ApiPropertyOptional({
    enum: ['address', 'domain'],
    default: 'address',
    description: 'Who may accept: only this address, or any verified address of its domain',
  })
  @IsOptional()
  @IsIn(['address', 'domain'], msg('validation.bindTo.choose'))
  bindTo?: 'address' | 'domain';
}

export class FirmInvitationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Set for an invitation by domain' }) boundDomain!:
    | string
    | null;
  @ApiProperty() expiresAt!: Date;
  @ApiProperty() link!: string;
}

/** What a chamber sees of a member firm: its name and when it joined. Never answers, scores or profiles. */
export class MemberFirmView {
  @ApiProperty({ format: 'uuid' }) firmId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() joinedAt!: Date;
}

export class FirmChamberView {
  @ApiProperty({ format: 'uuid' }) chamberId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() joinedAt!: Date;
}
