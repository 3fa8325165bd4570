import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluatePartnerCheck, parsePartnerCheck, partnerAnswerProblems } from './partner-check';

const yaml = readFileSync(join(__dirname, '../../data/partner-check/2026.1.yaml'), 'utf8');

describe('partner check questionnaire 2026.1', () => {
  const q = parsePartnerCheck(yaml);

  it('is valid and has Chinese, English and German for every question', () => {
    expect(q.version).toBe('2026.1');
    for (const question of q.questions) {
      expect(question.text.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(question.whereToCheck.length).toBeGreaterThan(0);
    }
  });

  it('covers the serious lists, the court list, the tax grade, customs and the procurement list', () => {
    const sources = new Set(q.questions.flatMap((x) => x.whereToCheck.map((w) => w.source)));
    expect([...sources].sort()).toEqual([
      'ccgp',
      'court_enforcement',
      'credit_china',
      'customs',
      'necips',
      'tax_grade',
    ]);
  });

  it('flags a dishonest judgment debtor as critical and a clean partner as low without flags', () => {
    const clean = Object.fromEntries(q.questions.map((x) => [x.id, x.options.find((o) => !o.flag)?.id ?? '']));
    expect(evaluatePartnerCheck(q, clean)).toEqual({ flags: [], level: 'low' });
    const listed = { ...clean, PC2: 'yes', PC4: 'grade_c' };
    const result = evaluatePartnerCheck(q, listed);
    expect(result.level).toBe('critical');
    expect(result.flags.map((f) => [f.questionId, f.severity])).toEqual([
      ['PC2', 'critical'],
      ['PC4', 'medium'],
    ]);
  });

  it('marks flags of unconfirmed questions as unconfirmed', () => {
    const clean = Object.fromEntries(q.questions.map((x) => [x.id, x.options.find((o) => !o.flag)?.id ?? '']));
    const { flags } = evaluatePartnerCheck(q, { ...clean, PC5: 'seriously_dishonest', PC1: 'yes' });
    expect(flags.find((f) => f.questionId === 'PC5')?.unconfirmed).toBe(true);
    expect(flags.find((f) => f.questionId === 'PC1')?.unconfirmed).toBe(false);
  });

  it('names missing, unknown and foreign answers', () => {
    expect(partnerAnswerProblems(q, { PC1: 'maybe', PC99: 'no' })).toMatchObject({
      PC1: 'unknownOption',
      PC2: 'missing',
      PC99: 'unknownQuestion',
    });
  });

  it('rejects an unconfirmed question without a note and a title without Chinese', () => {
    const broken = yaml.replace('status: unconfirmed\n    statusNote:', 'status: unconfirmed\n    statusNoteX:');
    expect(() => parsePartnerCheck(broken)).toThrow(/statusNote/);
    const missingZh = yaml.replace('zh: 合作伙伴信用核查', 'fr: x');
    expect(() => parsePartnerCheck(missingZh)).toThrow(/title/);
  });
});
