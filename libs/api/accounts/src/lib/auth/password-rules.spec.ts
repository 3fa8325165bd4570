import { COMMON_PASSWORDS } from './common-passwords';
import { passwordProblem } from './password-rules';

describe('password rules', () => {
  const email = 'officer@example-firm.de';

  it('accepts a long, uncommon password', () => {
    expect(passwordProblem('correct horse battery staple', email)).toBeNull();
  });

  it('rejects a password shorter than 12 characters', () => {
    expect(passwordProblem('Sh0rt!pass1', email)).toMatch(/at least 12/);
    expect(passwordProblem('Exactly12chr', email)).toBeNull();
  });

  it('rejects a common password regardless of case', () => {
    expect(passwordProblem('Password1234', email)).toMatch(/too common/);
    expect(passwordProblem('PASSWORT1234', email)).toMatch(/too common/);
  });

  it('rejects the email address as password (case-insensitive)', () => {
    expect(passwordProblem('Officer@Example-Firm.de', email)).toMatch(/email/);
  });

  it('rejects absurdly long passwords', () => {
    expect(passwordProblem('x'.repeat(257), email)).toMatch(/at most/);
  });

  it('ships about a hundred common passwords, all long enough to pass the length rule', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(100);
    for (const p of COMMON_PASSWORDS) expect(p.length).toBeGreaterThanOrEqual(12);
  });
});
