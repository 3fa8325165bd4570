import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, appSecret, UnavailableError } from '@scs/api/core';

const SECRET_NAME = 'research_pseudonym_key';

export class PseudonymKeyMissingError extends UnavailableError {
  constructor() {
    super('errors.research.pseudonymKeyMissing');
  }
}

export interface PseudonymKey {
  key: string;
  /** A fingerprint of the key (not the key) stored with each record. */
  id: string;
}

export const keyIdOf = (key: string) =>
  createHash('sha256').update(`scs-research-key-id\0${key}`).digest('hex').slice(0, 12);
export const pseudonymWith = (key: string, firmId: string) => createHmac('sha256', key).update(firmId).digest('hex');

/**
 * The keyed pseudonym of a firm: HMAC-SHA256(RESEARCH_PSEUDONYM_KEY, firm id). Without the key nobody can link a record
 * to a firm; with it, the same firm gets the same pseudonym in every wave. With a server database the key must come
 * from the environment; the embedded development database generates one and keeps it in app_secret (core's appSecret).
 */
@Injectable()
export class PseudonymService {
  private readonly logger = new Logger(PseudonymService.name);
  private cached?: Promise<PseudonymKey>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async key(): Promise<PseudonymKey> {
    const configured = this.config.researchPseudonymKey;
    if (configured) return { key: configured, id: keyIdOf(configured) };
    if (this.config.databaseUrl) throw new PseudonymKeyMissingError();
    this.cached ??= this.embeddedKey().catch((e: unknown) => {
      this.cached = undefined;
      throw e;
    });
    return this.cached;
  }

  async pseudonymOf(firmId: string): Promise<string> {
    return pseudonymWith((await this.key()).key, firmId);
  }

  private async embeddedKey(): Promise<PseudonymKey> {
    const key = await appSecret(this.dataSource, SECRET_NAME, () => randomBytes(32).toString('hex'));
    if (!key) throw new PseudonymKeyMissingError();
    this.logger.warn(
      'Using a generated research pseudonym key (embedded database only); production must set RESEARCH_PSEUDONYM_KEY',
    );
    return { key, id: keyIdOf(key) };
  }
}
