import type { Catalogue } from '@scs/shared/catalogue';
import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One published catalogue version, loaded from its folder at start-up; never updated afterwards. */
@Entity('catalogue_version')
@Check('CHK_catalogue_version_checksum', `"checksum" ~ '^[0-9a-f]{64}$'`)
export class CatalogueVersion {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_catalogue_version' }) version!: string;
  /** ISO date (YYYY-MM-DD); pg returns `date` columns as strings. */
  @Column({ type: 'date', name: 'effective_from' }) effectiveFrom!: string;
  /** SHA-256 (hex) over the version folder's files; see loadCatalogueDir. */
  @Column({ type: 'text' }) checksum!: string;
  @Column({ type: 'jsonb' }) content!: Catalogue;
  @CreateDateColumn({ type: 'timestamptz', name: 'loaded_at' }) loadedAt!: Date;
}
