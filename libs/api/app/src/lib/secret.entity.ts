import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('app_secret')
export class AppSecret {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_app_secret' }) name!: string;
  @Column({ type: 'text' }) value!: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}
