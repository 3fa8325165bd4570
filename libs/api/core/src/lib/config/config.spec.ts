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

  it('gives the worker role an internal health and metrics port, and the API none unless METRICS_PORT is set', () => {
    expect(loadConfig({ ROLE: 'worker' })).toMatchObject({ metricsPort: 9464, metricsHost: '127.0.0.1' });
    expect(loadConfig({ ROLE: 'api' }).metricsPort).toBeUndefined();
    expect(loadConfig({ ROLE: 'all', METRICS_PORT: '9100', METRICS_HOST: '0.0.0.0' })).toMatchObject({
      metricsPort: 9100,
      metricsHost: '0.0.0.0',
    });
    expect(() => loadConfig({ ROLE: 'worker', METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/);
    expect(() => loadConfig({ ROLE: 'scheduler' })).toThrow(/ROLE/);
  });
});
