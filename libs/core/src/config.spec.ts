import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, DEFAULT_ADMIN_EMAIL, loadConfig } from './config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'jiebang-config-'));

describe('loadConfig', () => {
  it('runs with no settings at all outside production: embedded database, generated secrets kept under DATA_DIR', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({ production: false, port: 3000, databaseUrl: null, redisUrl: null, corsOrigins: [], idempotencyRetentionHours: 24, minBiddingWindowHours: 24, conflictLookbackYears: 3 });
    expect(config.jwt.secret).toBe(readFileSync(join(dir, 'jwt-secret'), 'utf8'));
    expect(config.admin).toMatchObject({ email: DEFAULT_ADMIN_EMAIL, generated: true });
    // the same secret on the next start, so tokens survive a restart
    expect(loadConfig({ DATA_DIR: dir }).jwt.secret).toBe(config.jwt.secret);
  });

  it('requires JWT_SECRET and DATABASE_URL in production, one clear line each', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(
      new ConfigError('DATABASE_URL is required when NODE_ENV=production'),
    );
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' })).toThrow(
      new ConfigError('JWT_SECRET is required when NODE_ENV=production'),
    );
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', JWT_SECRET: 'x'.repeat(40) });
    expect(config.admin).toBeNull();
    expect(config.demoData).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be a whole number from 0 to 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres:/],
    [{ REDIS_URL: 'not a url' }, /REDIS_URL is not a valid URL/],
    [{ JWT_SECRET: 'short' }, /at least 32 characters/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ CORS_ORIGINS: 'https://ok.example, ftp://bad' }, /CORS_ORIGINS entries/],
    [{ ADMIN_EMAIL: 'a@b.cn' }, /ADMIN_EMAIL and ADMIN_PASSWORD must be given together/],
    [{ TRUST_PROXY: 'maybe' }, /TRUST_PROXY must be true or false/],
    [{ IDEMPOTENCY_RETENTION_HOURS: '0' }, /IDEMPOTENCY_RETENTION_HOURS must be a whole number from 1 to 8760/],
    [{ MIN_BIDDING_WINDOW_HOURS: '0' }, /MIN_BIDDING_WINDOW_HOURS must be a whole number from 1 to 8760/],
    [{ MIN_BIDDING_WINDOW_HOURS: '1.5' }, /MIN_BIDDING_WINDOW_HOURS must be a whole number/],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(message);
  });

  it('reads the look-back of conflicts of interest in whole years, 0 meaning current members only', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), CONFLICT_LOOKBACK_YEARS: '0' }).conflictLookbackYears).toBe(0);
    expect(loadConfig({ DATA_DIR: dataDir(), CONFLICT_LOOKBACK_YEARS: '10' }).conflictLookbackYears).toBe(10);
    expect(() => loadConfig({ DATA_DIR: dataDir(), CONFLICT_LOOKBACK_YEARS: '-1' })).toThrow(ConfigError);
  });

  it('reads lists, flags and the admin bootstrap', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      CORS_ORIGINS: 'https://jiebang.example, http://localhost:5173',
      TRUST_PROXY: 'true',
      ADMIN_EMAIL: 'bureau@km.gov.cn',
      ADMIN_PASSWORD: 'long-enough-password',
      REDIS_URL: 'redis://127.0.0.1:6379',
      MIN_BIDDING_WINDOW_HOURS: '72',
    });
    expect(config.corsOrigins).toEqual(['https://jiebang.example', 'http://localhost:5173']);
    expect(config.trustProxy).toBe(true);
    expect(config.admin).toEqual({ email: 'bureau@km.gov.cn', password: 'long-enough-password', generated: false });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.minBiddingWindowHours).toBe(72);
  });
});
