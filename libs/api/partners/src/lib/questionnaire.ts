import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '@scs/api/core';
import {
  compareVersions,
  PARTNER_CHECK_FOLDER,
  parsePartnerCheck,
  type PartnerCheckQuestionnaire,
} from '@scs/shared/catalogue';

/**
 * The partner-check questionnaires (catalogue data, `data/partner-check/<version>.yaml`), validated at start-up.
 * A check is pinned to the version it was sent with; new checks use the newest.
 */
@Injectable()
export class PartnerQuestionnaires implements OnModuleInit {
  private readonly versions = new Map<string, PartnerCheckQuestionnaire>();
  private newest?: PartnerCheckQuestionnaire;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    const dir = join(this.config.catalogueDir, PARTNER_CHECK_FOLDER);
    const files = (await readdir(dir)).filter((f) => /^\d{4}\.\d+\.ya?ml$/.test(f));
    if (!files.length) throw new Error(`No partner-check questionnaire in ${dir}`);
    for (const f of files) {
      const q = parsePartnerCheck((await readFile(join(dir, f), 'utf8')).replace(/^\uFEFF/, ''));
      if (!f.startsWith(`${q.version}.`)) throw new Error(`${f} says version ${q.version}`);
      this.versions.set(q.version, q);
    }
    this.newest = [...this.versions.values()].sort((a, b) => compareVersions(b.version, a.version))[0];
  }

  current(): PartnerCheckQuestionnaire {
    if (!this.newest) throw new Error('Partner-check questionnaires are not loaded');
    return this.newest;
  }

  get(version: string): PartnerCheckQuestionnaire {
    const q = this.versions.get(version);
    if (!q) throw new Error(`Unknown partner-check version ${version}`);
    return q;
  }
}
