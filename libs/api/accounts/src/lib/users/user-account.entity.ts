import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A person who signs in. Emails are stored lower-cased so the unique index is case-insensitive. */
@Entity('user_account')
@Index('UQ_user_account_email', ['email'], { unique: true })
export class UserAccount {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_user_account' }) id!: string;
  @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', name: 'password_hash' }) passwordHash!: string;
  @Column({ type: 'boolean', name: 'platform_admin', default: false }) platformAdmin!: boolean;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  /** Null until the owner of the address opened the verification link: such accounts cannot sign in or count anywhere. */
  @Column({ type: 'timestamptz', name: 'email_verified_at', nullable: true }) emailVerifiedAt!: Date | null;
  @Column({ type: 'timestamptz', name: 'password_changed_at', default: () => 'now()' }) passwordChangedAt!: Date;
  /** The UI language the user last signed in with; API answers without Accept-Language use it. */
  @Column({ type: 'text', nullable: true }) language!: string | null;
}
