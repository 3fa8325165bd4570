import { isPermanentFailure } from './mail.service';

describe('isPermanentFailure (what counts as a bounce)', () => {
  it('is true for SMTP 5xx answers', () => {
    expect(isPermanentFailure(Object.assign(new Error('550 5.1.1 Mailbox unavailable'), { responseCode: 550 }))).toBe(
      true,
    );
    expect(isPermanentFailure({ responseCode: 554 })).toBe(true);
  });

  it('is false for temporary answers and errors without an SMTP code (retried)', () => {
    expect(isPermanentFailure({ responseCode: 421 })).toBe(false);
    expect(isPermanentFailure({ responseCode: 451 })).toBe(false);
    expect(isPermanentFailure(new Error('connect ECONNREFUSED'))).toBe(false);
    expect(isPermanentFailure(null)).toBe(false);
    expect(isPermanentFailure({ responseCode: '550' })).toBe(false);
  });
});
