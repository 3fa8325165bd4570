import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { OrgRoleName } from '@scs/api/core';

export const ASSIGNABLE_ROLES = ['owner', 'admin', 'member'] as const;

export class ChangeRoleDto {
  @ApiProperty({ enum: ASSIGNABLE_ROLES })
  @IsIn(ASSIGNABLE_ROLES, { message: `Choose one of: ${ASSIGNABLE_ROLES.join(', ')}` })
  role!: (typeof ASSIGNABLE_ROLES)[number];
}

export class MemberView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['owner', 'admin', 'member', 'researcher'] }) role!: OrgRoleName;
  @ApiProperty() joinedAt!: Date;
}
