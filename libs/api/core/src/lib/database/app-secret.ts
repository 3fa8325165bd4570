import { Column, CreateDateColumn, Entity, PrimaryColumn, type DataSource, type EntityManager } from 'typeorm';

/** Process-wide generated secrets, one row per purpose (e.g. the token signing key without JWT_SECRET). */
@Entity('app_secret')
export class AppSecret {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_app_secret' }) name!: string;
  @Column({ type: 'text' }) value!: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
}

/**
 * The secret `name`: the stored one, or `generate()` stored once (the first replica to ask wins; every replica then
 * reads the same value).
 */
export async function appSecret(
  db: DataSource | EntityManager,
  name: string,
  generate: () => string,
): Promise<string | undefined> {
  await db.query(`INSERT INTO "app_secret" ("name", "value") VALUES ($1, $2) ON CONFLICT ("name") DO NOTHING`, [
    name,
    generate(),
  ]);
  const rows: { value: string }[] = await db.query(`SELECT "value" FROM "app_secret" WHERE "name" = $1`, [name]);
  return rows[0]?.value;
}
