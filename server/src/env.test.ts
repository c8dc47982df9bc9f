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

  it('takes a public origin as scheme and host, and refuses anything else with a plain message', () => {
    expect(loadEnv({}).COMMS_LOG_PUBLIC_ORIGIN).toBeUndefined();
    expect(loadEnv({ COMMS_LOG_PUBLIC_ORIGIN: ' ' }).COMMS_LOG_PUBLIC_ORIGIN).toBeUndefined();
    expect(loadEnv({ COMMS_LOG_PUBLIC_ORIGIN: 'https://Comms.Example.com/' }).COMMS_LOG_PUBLIC_ORIGIN).toBe(
      'https://comms.example.com',
    );
    expect(loadEnv({ COMMS_LOG_PUBLIC_ORIGIN: 'http://10.0.0.5:8080' }).COMMS_LOG_PUBLIC_ORIGIN).toBe(
      'http://10.0.0.5:8080',
    );
    for (const bad of [
      'comms.example.com',
      'https://comms.example.com/app',
      'ftp://comms.example.com',
      'https://a@b.c',
    ]) {
      expect(() => loadEnv({ COMMS_LOG_PUBLIC_ORIGIN: bad })).toThrow(
        /COMMS_LOG_PUBLIC_ORIGIN must be the address browsers open the server at, scheme and host only/,
      );
    }
  });

  it('reads trusted proxies as addresses and ranges, none by default, and names a bad entry', () => {
    expect(loadEnv({}).COMMS_LOG_TRUSTED_PROXIES).toEqual([]);
    expect(loadEnv({ COMMS_LOG_TRUSTED_PROXIES: ' 127.0.0.1, 10.0.0.0/8 ,::1,' }).COMMS_LOG_TRUSTED_PROXIES).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(() => loadEnv({ COMMS_LOG_TRUSTED_PROXIES: '127.0.0.1,nginx' })).toThrow(
      /COMMS_LOG_TRUSTED_PROXIES must list proxy addresses or ranges, like 127.0.0.1,10.0.0.0\/8,::1; not: nginx/,
    );
  });
});
