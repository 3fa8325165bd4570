import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AnswerStore } from './answer-store';
import type { AnswerInput, AnswerView, AssessmentView } from './assessment.types';

const ID = '6f1c2a9e-4b7d-4e0a-9c1b-2d3e4f5a6b7c';
const URL = `/api/assessments/${ID}/answers`;

function answerView(
  questionId: string,
  optionId: string | null,
  revision: number,
  overrides: Partial<AnswerView> = {},
): AnswerView {
  return {
    questionId,
    optionId,
    note: null,
    revision,
    updatedBy: 'u1',
    updatedByName: 'Anna Schmidt',
    updatedAt: '2026-05-01T10:00:00.000Z',
    ...overrides,
  };
}

function view(answers: AnswerView[] = [], status: AssessmentView['status'] = 'draft'): AssessmentView {
  return {
    id: ID,
    orgId: 'org',
    status,
    catalogueVersion: '2026.1',
    createdAt: '2026-05-01T09:00:00.000Z',
    submittedAt: null,
    overallScore: null,
    level: null,
    previousId: null,
    answered: answers.length,
    profile: {} as AssessmentView['profile'],
    answers,
    changedQuestions: [],
    result: null,
  };
}

/** Lets promise callbacks (the store awaits the HTTP observable) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('AnswerStore (autosave)', () => {
  let store: AnswerStore;
  let http: HttpTestingController;

  const body = (req: TestRequest) => (req.request.body as { answers: AnswerInput[] }).answers;
  const saved = (req: TestRequest, revisions: Record<string, number>) =>
    req.flush({ saved: Object.entries(revisions).map(([questionId, revision]) => ({ questionId, revision })) });

  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), AnswerStore] });
    store = TestBed.inject(AnswerStore);
    http = TestBed.inject(HttpTestingController);
    store.load(view([answerView('T1', 'a', 2, { note: 'checked in e-tax' })]));
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('shows a change at once and sends the answers given within 600 ms in one request, each with its base revision and note', async () => {
    store.setOption('T1', 'b');
    jest.advanceTimersByTime(300);
    store.setOption('T2', 'dont_know');
    expect(store.answer('T1').optionId).toBe('b');
    expect(store.state()).toBe('pending');

    jest.advanceTimersByTime(599);
    http.expectNone(URL);
    jest.advanceTimersByTime(1);

    const req = http.expectOne({ method: 'PUT', url: URL });
    expect(body(req)).toEqual([
      { questionId: 'T1', optionId: 'b', note: 'checked in e-tax', baseRevision: 2 },
      { questionId: 'T2', optionId: 'dont_know', note: '', baseRevision: 0 },
    ]);
    expect(store.state()).toBe('saving');
    saved(req, { T1: 3, T2: 1 });
    await settle();
    expect(store.state()).toBe('saved');
    expect(store.unsaved()).toBe(false);
  });

  it('sends a note typed keystroke by keystroke once, after the typing pauses', async () => {
    for (const text of ['F', 'Fo', 'Fol', 'Follow up']) {
      store.setNote('T1', text);
      jest.advanceTimersByTime(200);
    }
    http.expectNone(URL);
    jest.advanceTimersByTime(400);
    const req = http.expectOne(URL);
    expect(body(req)).toEqual([{ questionId: 'T1', optionId: 'a', note: 'Follow up', baseRevision: 2 }]);
    saved(req, { T1: 3 });
    await settle();
  });

  it('holds changes made while a request is in flight and sends them afterwards on top of the new revision', async () => {
    store.setOption('T1', 'b');
    jest.advanceTimersByTime(600);
    const first = http.expectOne(URL);

    store.setOption('T1', 'c');
    jest.advanceTimersByTime(600);
    http.expectNone(URL); // one request at a time

    saved(first, { T1: 3 });
    await settle();
    const second = http.expectOne(URL);
    expect(body(second)).toEqual([{ questionId: 'T1', optionId: 'c', note: 'checked in e-tax', baseRevision: 3 }]);
    saved(second, { T1: 4 });
    await settle();
    expect(store.state()).toBe('saved');
  });

  it('keeps the answers after a failed save, reports the error, and resends them with the next change', async () => {
    store.setOption('T1', 'b');
    jest.advanceTimersByTime(600);
    http
      .expectOne(URL)
      .flush({ statusCode: 500, message: 'Internal server error' }, { status: 500, statusText: 'Server Error' });
    await settle();
    expect(store.state()).toBe('error');
    expect(store.error()).toBe('Internal server error');
    expect(store.answer('T1').optionId).toBe('b');
    expect(store.unsaved()).toBe(true);

    store.setOption('T2', 'a');
    jest.advanceTimersByTime(600);
    const retry = http.expectOne(URL);
    expect(body(retry).map((a) => [a.questionId, a.optionId, a.baseRevision])).toEqual([
      ['T1', 'b', 2],
      ['T2', 'a', 0],
    ]);
    saved(retry, { T1: 3, T2: 1 });
    await settle();
    expect(store.state()).toBe('saved');
    expect(store.error()).toBeNull();
  });

  it('retries at once when asked after a network failure', async () => {
    store.setOption('T1', 'b');
    jest.advanceTimersByTime(600);
    http.expectOne(URL).error(new ProgressEvent('error'), { status: 0 });
    await settle();
    expect(store.state()).toBe('error');

    store.retry();
    const req = http.expectOne(URL);
    expect(body(req)[0]).toMatchObject({ questionId: 'T1', optionId: 'b', baseRevision: 2 });
    saved(req, { T1: 3 });
    await settle();
    expect(store.state()).toBe('saved');
  });

  describe('when someone else changed an answer meanwhile (409)', () => {
    async function conflictOnT1(): Promise<void> {
      store.setOption('T1', 'b');
      store.setOption('T2', 'a');
      jest.advanceTimersByTime(600);
      http.expectOne(URL).flush(
        {
          statusCode: 409,
          message: 'Someone else changed these answers in the meantime',
          conflicts: [
            {
              questionId: 'T1',
              yourBaseRevision: 2,
              current: answerView('T1', 'c', 5, { updatedByName: 'Ben Wolf', note: 'per tax agent' }),
            },
          ],
        },
        { status: 409, statusText: 'Conflict' },
      );
      await settle();
    }

    it('turns the conflicting answer into a decision, keeps the local answer, and resends the rest of the batch', async () => {
      await conflictOnT1();
      expect(store.conflicts()).toEqual([
        {
          questionId: 'T1',
          mine: { optionId: 'b', note: 'checked in e-tax' },
          theirs: expect.objectContaining({ optionId: 'c', revision: 5 }),
        },
      ]);
      expect(store.answer('T1').optionId).toBe('b');
      expect(store.lastEdit()['T1']?.by).toBe('Ben Wolf');

      const resend = http.expectOne(URL);
      expect(body(resend)).toEqual([{ questionId: 'T2', optionId: 'a', note: '', baseRevision: 0 }]);
      saved(resend, { T2: 1 });
      await settle();
      expect(store.state()).toBe('conflict');
      expect(store.unsaved()).toBe(true);
    });

    it('"keep mine" resends my answer on top of their revision', async () => {
      await conflictOnT1();
      saved(http.expectOne(URL), { T2: 1 });
      await settle();

      store.keepMine('T1');
      const req = http.expectOne(URL);
      expect(body(req)).toEqual([{ questionId: 'T1', optionId: 'b', note: 'checked in e-tax', baseRevision: 5 }]);
      saved(req, { T1: 6 });
      await settle();
      expect(store.conflicts()).toEqual([]);
      expect(store.state()).toBe('saved');
    });

    it('"take theirs" shows their answer and saves nothing', async () => {
      await conflictOnT1();
      saved(http.expectOne(URL), { T2: 1 });
      await settle();

      store.takeTheirs('T1');
      expect(store.answer('T1')).toEqual({ optionId: 'c', note: 'per tax agent' });
      expect(store.state()).toBe('saved');
      jest.advanceTimersByTime(1000);
      http.expectNone(URL);

      // A later change of T1 builds on their revision.
      store.setOption('T1', 'a');
      jest.advanceTimersByTime(600);
      const req = http.expectOne(URL);
      expect(body(req)[0]).toMatchObject({ questionId: 'T1', optionId: 'a', baseRevision: 5 });
      saved(req, { T1: 6 });
      await settle();
    });

    it('a change made while the decision is open becomes "mine" in that decision instead of being sent', async () => {
      await conflictOnT1();
      saved(http.expectOne(URL), { T2: 1 });
      await settle();

      store.setOption('T1', 'd');
      jest.advanceTimersByTime(600);
      http.expectNone(URL);
      expect(store.conflicts()[0]?.mine.optionId).toBe('d');

      store.keepMine('T1');
      const req = http.expectOne(URL);
      expect(body(req)[0]).toMatchObject({ questionId: 'T1', optionId: 'd', baseRevision: 5 });
      saved(req, { T1: 6 });
      await settle();
    });
  });

  it('becomes read-only when the server refuses the save because the assessment was submitted meanwhile', async () => {
    store.setOption('T1', 'b');
    jest.advanceTimersByTime(600);
    http
      .expectOne(URL)
      .flush(
        { statusCode: 409, message: 'This assessment was submitted and is read-only' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(store.readOnly()).toBe(true);
    expect(store.state()).toBe('error');
    store.setOption('T2', 'a');
    expect(store.answer('T2').optionId).toBeNull();
  });

  describe('whenSaved', () => {
    it('sends pending answers without waiting for the debounce and resolves true once they are saved', async () => {
      store.setOption('T1', 'b');
      const done = store.whenSaved();
      const req = http.expectOne(URL);
      saved(req, { T1: 3 });
      await expect(done).resolves.toBe(true);
      jest.advanceTimersByTime(1000);
      http.expectNone(URL);
    });

    it('resolves false when the save fails', async () => {
      store.setOption('T1', 'b');
      const done = store.whenSaved();
      http.expectOne(URL).flush({ message: 'down' }, { status: 503, statusText: 'Unavailable' });
      await expect(done).resolves.toBe(false);
    });

    it('resolves true at once when nothing is pending', async () => {
      await expect(store.whenSaved()).resolves.toBe(true);
    });
  });

  it('ignores changes to a submitted assessment', () => {
    store.load(view([answerView('T1', 'a', 2)], 'submitted'));
    store.setOption('T1', 'b');
    jest.advanceTimersByTime(600);
    http.expectNone(URL);
    expect(store.answer('T1').optionId).toBe('a');
  });
});
