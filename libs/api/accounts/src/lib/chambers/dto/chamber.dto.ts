import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';
import { EMAIL_MAX, NormaliseEmail } from '../../validation';

export class InviteFirmDto {
  @ApiProperty({ description: 'Email of the firm\'s owner (or its compliance contact)' })
  @NormaliseEmail() @IsEmail({}, { message: 'Enter a valid email address' }) @MaxLength(EMAIL_MAX)
  email!: string;
}

export class FirmInvitationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
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
