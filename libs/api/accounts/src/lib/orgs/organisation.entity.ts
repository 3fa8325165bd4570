import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OrgKind } from '@scs/api/core';

export const ORG_KINDS: OrgKind[] = ['firm', 'chamber', 'research'];

/** A tenant: a firm, a chamber of commerce or the research team. */
@Entity('organisation')
@Check('CHK_organisation_kind', `"kind" IN ('firm', 'chamber', 'research')`)
export class Organisation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_organisation' }) id!: string;
  @Column({ type: 'text' }) kind!: OrgKind;
  @Column({ type: 'text' }) name!: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}
