import { jest } from '@jest/globals';
import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { FastPathValidationPipe, validationExceptionFactory } from '@scs/api/core';
import { AnswerInputDto, SaveAnswersDto } from './assessment.dto';

// The options of the global pipe (libs/api/app configure-app.ts).
const OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: false,
  validationError: { target: false, value: false },
  exceptionFactory: validationExceptionFactory,
};
const META: ArgumentMetadata = { type: 'body', metatype: SaveAnswersDto, data: undefined };
const full = new ValidationPipe(OPTIONS);
const fast = new FastPathValidationPipe(OPTIONS);

async function outcome(pipe: ValidationPipe, body: unknown): Promise<{ ok: unknown } | { error: unknown }> {
  try {
    return { ok: await pipe.transform(structuredClone(body), META) };
  } catch (e) {
    return { error: (e as { getResponse?: () => unknown }).getResponse?.() ?? String(e) };
  }
}

const answer = { questionId: 'T1', optionId: 'a', baseRevision: 0 };
const bodies: unknown[] = [
  { answers: [answer] },
  { answers: [{ ...answer, optionId: null }] },
  { answers: [{ ...answer, note: 'Prüfung läuft' }] },
  { answers: [answer, { ...answer, questionId: 'M12', baseRevision: 7 }] },
  { answers: [{ ...answer, note: 'x'.repeat(2000) }] },
  { answers: [{ ...answer, note: '😀'.repeat(1000) }] },
  // refused by both (errors from the full validation)
  { answers: [{ ...answer, note: 'x'.repeat(2001) }] },
  { answers: [{ ...answer, questionId: 't1' }] },
  { answers: [{ ...answer, questionId: 'T123' }] },
  { answers: [{ ...answer, optionId: 'x'.repeat(65) }] },
  { answers: [{ ...answer, optionId: 5 }] },
  { answers: [{ ...answer, optionId: undefined }] },
  { answers: [{ questionId: 'T1', baseRevision: 0 }] },
  { answers: [{ ...answer, baseRevision: -1 }] },
  { answers: [{ ...answer, baseRevision: 1.5 }] },
  { answers: [{ ...answer, baseRevision: '1' }] },
  { answers: [{ ...answer, extra: true }] },
  { answers: [answer], extra: 1 },
  { answers: [] },
  { answers: Array.from({ length: 201 }, () => answer) },
  { answers: answer },
  { answers: [null] },
  { answers: ['T1'] },
  [answer],
  null,
  'answers',
  // accepted by the full validation only (fast check declines: records, note null)
  { answers: [{ ...answer, optionId: null, records: [] }] },
  { answers: [{ ...answer, note: null }] },
];

describe('SaveAnswersDto fast check', () => {
  it.each(bodies.map((b, i) => [i, b]))('body %i: the same outcome as the full validation', async (_, body) => {
    const expected = await outcome(full, body);
    const actual = await outcome(fast, body);
    expect(actual).toEqual(expected);
    if ('ok' in actual) {
      expect(actual.ok).toBeInstanceOf(SaveAnswersDto);
      for (const a of (actual.ok as SaveAnswersDto).answers) expect(a).toBeInstanceOf(AnswerInputDto);
    }
  });

  it('takes the fast path for the common autosave shape', async () => {
    const spy = jest.spyOn(ValidationPipe.prototype, 'transform');
    await fast.transform({ answers: [answer] }, META);
    expect(spy).not.toHaveBeenCalled();
    await fast.transform({ answers: [{ ...answer, optionId: null, records: [] }] }, META);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});
