import { DEFAULT_RATE_LIMIT } from '../../../src/web/http/rate-limit.js';
import { serveSettings } from '../../../src/web/http/serve-settings.js';

const AZURE = { AZURE_APP_CLIENT_ID: 'klient-id', AZURE_OPENID_CONFIG_ISSUER: 'https://login.example/tenant/v2.0', AZURE_OPENID_CONFIG_JWKS_URI: 'https://login.example/tenant/keys' };

describe('serve settings from the environment', () => {
  test('defaults', () => {
    expect(serveSettings({})).toEqual({ port: 3000, rateLimit: DEFAULT_RATE_LIMIT, replicas: 1, logLevel: 'info', logQueries: true, trustProxy: false, signIn: null });
    expect(DEFAULT_RATE_LIMIT).toBe(600);
  });

  test('each variable, as set', () => {
    expect(serveSettings({ PORT: '0', RATE_LIMIT: '0', REPLICAS: '2', LOG_LEVEL: 'warn', LOG_QUERIES: 'false', TRUST_PROXY: '1', SIGN_IN: 'azure', ...AZURE })).toEqual({
      port: 0,
      rateLimit: 0,
      replicas: 2,
      logLevel: 'warn',
      logQueries: false,
      trustProxy: 1,
      signIn: { audience: 'klient-id', issuer: 'https://login.example/tenant/v2.0', jwksUri: 'https://login.example/tenant/keys' },
    });
    expect(serveSettings({ TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toBe('10.0.0.0/8, loopback');
    expect(serveSettings({ SIGN_IN: 'off', ...AZURE }).signIn).toBeNull();
  });

  test.each([
    [{ PORT: '70000' }, /PORT must be a port number/],
    [{ PORT: 'http' }, /PORT must be a whole number/],
    [{ RATE_LIMIT: '-1' }, /RATE_LIMIT must be a whole number/],
    [{ RATE_LIMIT: 'many' }, /RATE_LIMIT must be a whole number/],
    [{ REPLICAS: '0' }, /REPLICAS must be at least 1/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of trace, .*silent, not «loud»/],
    [{ LOG_QUERIES: 'no' }, /LOG_QUERIES must be true or false, not «no»/],
    [{ SIGN_IN: 'idporten' }, /SIGN_IN must be off or azure, not «idporten»/],
    [{ SIGN_IN: 'azure', AZURE_APP_CLIENT_ID: 'klient-id' }, /SIGN_IN=azure needs AZURE_OPENID_CONFIG_ISSUER, AZURE_OPENID_CONFIG_JWKS_URI/],
    [{ SIGN_IN: 'azure', ...AZURE, AZURE_OPENID_CONFIG_JWKS_URI: 'file:///etc/keys' }, /AZURE_OPENID_CONFIG_JWKS_URI must be an http\(s\) address/],
  ])('%j stops the start with a message', (env, message) => {
    expect(() => serveSettings(env)).toThrow(message);
  });
});
