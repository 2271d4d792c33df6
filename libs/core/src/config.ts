import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const APP_CONFIG = Symbol('APP_CONFIG');

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface AppConfig {
  production: boolean;
  port: number;
  host: string;
  /** Absent: the embedded PostgreSQL under `dataDir` is used. */
  databaseUrl: string | null;
  databasePoolSize: number;
  /** Absent: socket.io runs on one instance with its in-memory adapter. */
  redisUrl: string | null;
  jwt: { secret: string; issuer: string; audience: string; accessTtlSeconds: number };
  refreshTtlSeconds: number;
  /** Allowed browser origins; empty means same-origin only. */
  corsOrigins: string[];
  logLevel: LogLevel;
  dataDir: string;
  trustProxy: boolean;
  runMigrations: boolean;
  admin: { email: string; password: string } | null;
  throttle: { failedLoginsPerAccountPerHour: number; attemptsPerIpPerMinute: number };
  outboxPollMs: number;
  closeJobIntervalMs: number;
  /** Idempotency-Key answers are kept this long, then pruned. */
  idempotencyRetentionHours: number;
  /** Load the demo marketplace into an empty database at start. */
  demoData: boolean;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

/** Reads a secret kept under the data directory, creating it on first use (outside production only). */
function localSecret(dataDir: string, name: string, bytes: number): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(bytes).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Outside production a first admin always exists, so a newcomer can sign in; its password is kept under .data/. */
export const DEFAULT_ADMIN_EMAIL = 'admin@jiebang.local';

/** One typed configuration, validated at boot; a bad value stops the start with one clear line. */
export function loadConfig(env: Env = process.env, defaults: { port?: number } = {}): AppConfig {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.DATA_DIR || '.data');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  if (production && !databaseUrl) throw new ConfigError('DATABASE_URL is required when NODE_ENV=production');
  const rawSecret = env.JWT_SECRET;
  if (production && !rawSecret) throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
  if (rawSecret !== undefined && rawSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters long');
  }
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(`CORS_ORIGINS entries must look like https://host[:port] (got "${origin}")`);
    }
  }
  const adminEmail = env.ADMIN_EMAIL?.trim();
  const adminPassword = env.ADMIN_PASSWORD;
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be given together');
  }
  return {
    production,
    port: int(env, 'PORT', defaults.port ?? 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 20, 1, 500),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    jwt: {
      secret: rawSecret ?? localSecret(dataDir, 'jwt-secret', 48),
      issuer: env.JWT_ISSUER || 'jiebang',
      audience: env.JWT_AUDIENCE || 'jiebang-api',
      accessTtlSeconds: int(env, 'JWT_ACCESS_TTL_SECONDS', 900, 30, 86_400),
    },
    refreshTtlSeconds: int(env, 'REFRESH_TTL_SECONDS', 30 * 86_400, 60, 365 * 86_400),
    corsOrigins,
    logLevel,
    dataDir,
    trustProxy: bool(env, 'TRUST_PROXY', false),
    runMigrations: bool(env, 'RUN_MIGRATIONS', true),
    admin:
      adminEmail && adminPassword
        ? { email: adminEmail, password: adminPassword }
        : production
          ? null
          : { email: DEFAULT_ADMIN_EMAIL, password: localSecret(dataDir, 'admin-password', 12) },
    throttle: {
      failedLoginsPerAccountPerHour: int(env, 'THROTTLE_FAILED_LOGINS_PER_HOUR', 100, 1, 100_000),
      attemptsPerIpPerMinute: int(env, 'THROTTLE_AUTH_PER_IP_PER_MINUTE', 60, 1, 1_000_000),
    },
    outboxPollMs: int(env, 'OUTBOX_POLL_MS', 1000, 10, 600_000),
    closeJobIntervalMs: int(env, 'CLOSE_JOB_INTERVAL_MS', 1000, 10, 600_000),
    idempotencyRetentionHours: int(env, 'IDEMPOTENCY_RETENTION_HOURS', 24, 1, 24 * 365),
    demoData: bool(env, 'DEMO_DATA', !production),
  };
}
