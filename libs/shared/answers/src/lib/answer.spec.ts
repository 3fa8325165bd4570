import {
  DONT_KNOW,
  answerCode,
  answerFields,
  answerFromCode,
  answerMap,
  answerProblem,
  dontKnowAnswer,
  optionAnswer,
  parseAnswer,
} from './answer';

describe('answer shape', () => {
  it('decodes the stored fields into the union and encodes it back unchanged', () => {
    for (const optionId of ['a', DONT_KNOW, null])
      expect(answerFields(parseAnswer({ optionId }))).toEqual({ optionId });
    expect(parseAnswer({ optionId: 'b' })).toEqual({ kind: 'option', optionId: 'b' });
    expect(parseAnswer({ optionId: DONT_KNOW })).toEqual({ kind: 'dontKnow' });
    expect(parseAnswer({ optionId: null })).toBeNull();
    expect(parseAnswer(undefined)).toBeNull();
    expect(parseAnswer('')).toEqual({ kind: 'option', optionId: '' }); // rejected by answerProblem, never silently cleared
  });

  it('codes: option id or dont_know', () => {
    expect(answerCode(answerFromCode('x'))).toBe('x');
    expect(answerCode(answerFromCode(DONT_KNOW))).toBe(DONT_KNOW);
  });

  it('checks an answer against its question', () => {
    const q = { options: [{ id: 'a' }], dontKnow: { exposure: 0.5 } };
    expect(answerProblem(q, optionAnswer('a'))).toBeNull();
    expect(answerProblem(q, optionAnswer('z'))).toEqual({ kind: 'noSuchOption', optionId: 'z' });
    expect(answerProblem(q, dontKnowAnswer)).toBeNull();
    expect(answerProblem({ options: q.options }, dontKnowAnswer)).toEqual({ kind: 'noDontKnow' });
  });

  it('maps rows to answers by question, leaving out unanswered rows and empty notes', () => {
    expect(
      answerMap([
        { questionId: 'T1', optionId: 'a', note: 'seen' },
        { questionId: 'T2', optionId: DONT_KNOW, note: null },
        { questionId: 'T3', optionId: null, note: 'kept nowhere' },
      ]),
    ).toEqual({ T1: { kind: 'option', optionId: 'a', note: 'seen' }, T2: { kind: 'dontKnow' } });
    expect(answerMap({ T1: { optionId: 'a', note: '' }, T2: { optionId: null } })).toEqual({
      T1: { kind: 'option', optionId: 'a' },
    });
  });
});
