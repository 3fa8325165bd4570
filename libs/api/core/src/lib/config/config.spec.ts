import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.researchK).toBe(10);
    expect(config.cookieSecure).toBe(false);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'abc', RESEARCH_K: '2' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', RESEARCH_K: '2' });
    } catch (e) {
      expect((e as Error).message).toContain('PORT');
      expect((e as Error).message).toContain('RESEARCH_K');
    }
  });

  it('rejects a DATABASE_URL that is not a URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });

  it('uses secure cookies when the public URL is https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://scs.example.com' }).cookieSecure).toBe(true);
  });
});
