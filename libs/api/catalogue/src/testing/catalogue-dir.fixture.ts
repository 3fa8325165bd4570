import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Writes small but valid catalogue version folders into a temporary directory, as the loader expects them.

const t = (en: string) => `{ en: "${en}", de: "${en} (de)" }`;

function files(version: string, effectiveFrom: string, questionText: string): Record<string, string> {
  return {
    'catalogue.yaml': `version: "${version}"
effectiveFrom: ${effectiveFrom}
title: ${t('Fixture catalogue')}
weights: { high: 3, medium: 2, low: 1 }
levels:
  - { id: low, max: 24, label: ${t('Low')} }
  - { id: moderate, max: 49, label: ${t('Moderate')} }
  - { id: high, max: 74, label: ${t('High')} }
  - { id: critical, max: 100, label: ${t('Critical')} }
severities:
  - { id: critical, label: ${t('Critical')} }
  - { id: high, label: ${t('High')} }
  - { id: medium, label: ${t('Medium')} }
  - { id: low, label: ${t('Low')} }
portals:
  - { id: etax, name: { en: e-Tax, de: e-Steuer, zh: 电子税务局 }, url: "https://etax.chinatax.gov.cn", checks: ${t('Tax grade')} }
`,
    'dimensions.yaml': `- id: tax
  code: D1
  weight: 1.2
  name: { en: Tax, de: Steuern, zh: 纳税信用 }
  explanation: ${t('Explanation')}
  authority: ${t('STA')}
  scheme: ${t('Grades A to D')}
  consequences: ${t('Consequences')}
  incentives: ${t('Incentives')}
  counterpart: { name: ${t('Clearance certificate')}, similar: ${t('Similar')}, difference: ${t('Difference')}, status: unconfirmed }
  references: [sta-2025]
`,
    'references/core.yaml': `- { id: sta-2025, title: ${t('Tax credit measures')}, authority: ${t('STA')}, year: 2025, status: confirmed }
`,
    'questions/d01-tax.yaml': `- id: T1
  dimension: tax
  weight: high
  text: ${t(questionText)}
  help: ${t('e-Tax Bureau')}
  portals: [etax]
  whereToCheck: [{ portal: etax }]
  references: [sta-2025]
  dontKnow: { exposure: 0.5, verify: ${t('Check the grade')} }
  options:
    - { id: a, label: ${t('A')}, exposure: 0 }
    - id: d
      label: ${t('D')}
      exposure: 1
      knockOut: true
      finding:
        severity: critical
        title: ${t('Grade D')}
        meaning: ${t('Meaning')}
        consequences: ${t('Consequences')}
        remediation: { en: [Pay], de: [Zahlen] }
`,
  };
}

export interface FixtureDir {
  root: string;
  /** Writes (or overwrites) a version folder. */
  writeVersion(
    version: string,
    options?: { effectiveFrom?: string; questionText?: string; lineEnding?: '\n' | '\r\n' },
  ): string;
  write(version: string, path: string, content: string): void;
}

const created: string[] = [];

/** Deletes every fixture directory made so far (call in afterAll). */
export function removeFixtureDirs(): void {
  while (created.length) rmSync(created.pop() as string, { recursive: true, force: true });
}

export function catalogueFixtureDir(): FixtureDir {
  const root = mkdtempSync(join(tmpdir(), 'scs-catalogue-'));
  created.push(root);
  const write = (version: string, path: string, content: string) => {
    const full = join(root, version, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
  };
  return {
    root,
    write,
    writeVersion(
      version,
      { effectiveFrom = '2026-04-01', questionText = 'What is your tax credit grade?', lineEnding = '\n' } = {},
    ) {
      for (const [path, content] of Object.entries(files(version, effectiveFrom, questionText)))
        write(version, path, content.replace(/\n/g, lineEnding));
      return join(root, version);
    },
  };
}
