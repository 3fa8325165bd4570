import { keyIdOf, pseudonymWith } from './pseudonym.service';

describe('pseudonyms', () => {
  const key = 'a-research-key-of-at-least-32-characters!';

  it('are stable for a firm and key, so waves of one firm link', () => {
    expect(pseudonymWith(key, 'firm-1')).toBe(pseudonymWith(key, 'firm-1'));
    expect(pseudonymWith(key, 'firm-1')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differ between firms and change completely with another key (rotation breaks linkage)', () => {
    expect(pseudonymWith(key, 'firm-1')).not.toBe(pseudonymWith(key, 'firm-2'));
    expect(pseudonymWith(`${key}x`, 'firm-1')).not.toBe(pseudonymWith(key, 'firm-1'));
  });

  it('store a fingerprint of the key that is not the key', () => {
    expect(keyIdOf(key)).toHaveLength(12);
    expect(key).not.toContain(keyIdOf(key));
  });
});
