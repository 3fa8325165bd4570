import { msg, Trim } from '@scs/api/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { OrgKind, OrgRoleName } from '@scs/api/core';
import { EMAIL_MAX, NAME_MAX, NormaliseEmail, TOKEN_MAX } from '../../validation';
import { MAX_PASSWORD_LENGTH } from '../password-rules';

export class RegisterDto {
  @ApiProperty({ example: 'officer@example-firm.de' })
  @NormaliseEmail()
  @IsEmail({}, msg('validation.email'))
  @MaxLength(EMAIL_MAX)
  email!: string;

  @ApiProperty({ minLength: 12, description: 'At least 12 characters, not a common password, not the email address' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;

  @ApiProperty({ example: 'Anna Schmidt' })
  @Trim()
  @IsString()
  @IsNotEmpty(msg('validation.name.required'))
  @MaxLength(NAME_MAX)
  name!: string;

  @ApiPropertyOptional({
    description: "Name of the firm to create; required unless registering through a colleague's invitation",
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty(msg('validation.firmName.required'))
  @MaxLength(NAME_MAX)
  firmName?: string;

  @ApiPropertyOptional({
    description:
      'Token from an invitation link: join that organisation instead of creating a firm (or, for a chamber invitation, create the firm and join the chamber)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TOKEN_MAX)
  invitationToken?: string;
}

export class LoginDto {
  @ApiProperty()
  @NormaliseEmail()
  @IsEmail({}, msg('validation.email'))
  @MaxLength(EMAIL_MAX)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty(msg('validation.password.required'))
  @MaxLength(1024)
  password!: string;
}

export class RefreshDto {
  @ApiPropertyOptional({
    description: 'API clients send the refresh token here; the web app uses the scs_refresh cookie',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TOKEN_MAX)
  refreshToken?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty(msg('validation.currentPassword.required'))
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword!: string;
}

export class PasswordResetRequestDto {
  @ApiProperty()
  @NormaliseEmail()
  @IsEmail({}, msg('validation.email'))
  @MaxLength(EMAIL_MAX)
  email!: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token from the emailed link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TOKEN_MAX)
  token!: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

export class MembershipView {
  @ApiProperty({ format: 'uuid' }) orgId!: string;
  @ApiProperty({ enum: ['firm', 'chamber', 'research'] }) kind!: OrgKind;
  @ApiProperty() orgName!: string;
  @ApiProperty({ enum: ['owner', 'admin', 'member', 'researcher'] }) role!: OrgRoleName;
}

export class MeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty() platformAdmin!: boolean;
  @ApiProperty({ type: [MembershipView] }) memberships!: MembershipView[];
}

export class SessionResponse {
  @ApiPropertyOptional({
    description: 'Short-lived JWT for `Authorization: Bearer` (omitted when refreshing by cookie)',
  })
  accessToken?: string;
  @ApiPropertyOptional({ description: 'Single-use refresh token (omitted when refreshing by cookie)' })
  refreshToken?: string;
  @ApiProperty({ description: 'Access token lifetime in seconds' }) expiresIn!: number;
  @ApiProperty({ type: MeResponse }) user!: MeResponse;
}

/** The same answer whether or not the address has an account: the e-mail tells the owner which case it is. */
export class RegisterResponse {
  @ApiProperty({ description: 'Check your e-mail (a confirmation link, or a note that the account exists)' })
  message!: string;
}

export class VerifyEmailDto {
  @ApiProperty({ description: 'The token from the e-mailed confirmation link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TOKEN_MAX)
  token!: string;
}

export class VerifiedResponse extends SessionResponse {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The firm created at registration, or the organisation joined through the invitation',
  })
  orgId!: string | null;
}
