import { DEFAULT_RATE_LIMIT } from '../../../src/web/http/rate-limit.js';
import { serveSettings } from '../../../src/web/http/serve-settings.js';

describe('serve settings from the environment', () => {
  test('defaults', () => {
    expect(serveSettings({})).toEqual({ port: 3000, rateLimit: DEFAULT_RATE_LIMIT, logLevel: 'info', trustProxy: false });
    expect(DEFAULT_RATE_LIMIT).toBe(600);
  });

  test('each variable, as set', () => {
    expect(serveSettings({ PORT: '0', RATE_LIMIT: '0', LOG_LEVEL: 'warn', TRUST_PROXY: '1' })).toEqual({ port: 0, rateLimit: 0, logLevel: 'warn', trustProxy: 1 });
    expect(serveSettings({ TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toBe('10.0.0.0/8, loopback');
  });

  test.each([
    [{ PORT: '70000' }, /PORT must be a port number/],
    [{ PORT: 'http' }, /PORT must be a whole number/],
    [{ RATE_LIMIT: '-1' }, /RATE_LIMIT must be a whole number/],
    [{ RATE_LIMIT: 'many' }, /RATE_LIMIT must be a whole number/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of trace, .*silent, not «loud»/],
  ])('%j stops the start with a message', (env, message) => {
    expect(() => serveSettings(env)).toThrow(message);
  });
});
