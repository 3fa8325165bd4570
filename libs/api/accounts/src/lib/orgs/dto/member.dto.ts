import { ApiProperty } from '@nestjs/swagger';
import { oneOfLabels, texts } from '@scs/api/core';
import { IsIn } from 'class-validator';
import type { OrgRoleName } from '@scs/api/core';

/** The roles in the user's words, for messages that list them. */
export const ROLE_LABELS = {
  owner: texts('role.owner'),
  admin: texts('role.admin'),
  member: texts('role.member'),
  researcher: texts('role.researcher'),
};

export const ASSIGNABLE_ROLES = ['owner', 'admin', 'member'] as const;

export class ChangeRoleDto {
  @ApiProperty({ enum: ASSIGNABLE_ROLES })
  @IsIn(ASSIGNABLE_ROLES, oneOfLabels(ROLE_LABELS))
  role!: (typeof ASSIGNABLE_ROLES)[number];
}

export class MemberView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['owner', 'admin', 'member', 'researcher'] }) role!: OrgRoleName;
  @ApiProperty() joinedAt!: Date;
}
