import { describe, expect, it } from 'vitest';
import { defaultDatabaseUrl, EnvError, loadEnv } from './env';

describe('loadEnv', () => {
  it('has defaults: 127.0.0.1:8787, the embedded file in server/data, extension origins', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 8787, HOST: '127.0.0.1', DATABASE_URL: defaultDatabaseUrl });
    expect(defaultDatabaseUrl).toMatch(/^file:\/.*\/server\/data\/comms-log\.db$/);
    expect(env.CORS_ORIGINS).toEqual(['chrome-extension://*', 'moz-extension://*']);
  });

  it('reads overrides and resolves a relative file path against the directory the command ran in', () => {
    const env = loadEnv({
      PORT: '0',
      HOST: '0.0.0.0',
      DATABASE_URL: 'file:./x/y.db',
      INIT_CWD: '/srv/app',
      CORS_ORIGINS: 'chrome-extension://abc, https://ops.example',
    });
    expect(env).toMatchObject({
      PORT: 0,
      HOST: '0.0.0.0',
      DATABASE_URL: 'file:/srv/app/x/y.db',
      CORS_ORIGINS: ['chrome-extension://abc', 'https://ops.example'],
    });
    expect(loadEnv({ DATABASE_URL: 'libsql://db.turso.io', DATABASE_AUTH_TOKEN: 'secret' })).toMatchObject({
      DATABASE_URL: 'libsql://db.turso.io',
      DATABASE_AUTH_TOKEN: 'secret',
    });
  });

  it('explains what is wrong', () => {
    expect(() => loadEnv({ PORT: 'eighty' })).toThrow(EnvError);
    expect(() => loadEnv({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadEnv({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL must start with/);
  });
});
