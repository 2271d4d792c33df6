import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_MIN_BIDDING_WINDOW_HOURS, DEFAULT_PANEL_CAP_DAYS, DEFAULT_PANEL_CAP_ROOMS } from '@app/domain';

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
  /** Prefix of every Redis channel of this deployment, so deployments sharing a Redis stay apart. */
  redisPrefix: string;
  /** How often each evaluation instance tells its sockets the current version of their rooms. */
  roomHeartbeatMs: number;
  /** Bounds on every conversation with PostgreSQL (see docs/operations.md, database). */
  databaseTimeouts: { connectMs: number; queryMs: number; statementMs: number; lockMs: number };
  jwt: { secret: string; issuer: string; audience: string; accessTtlSeconds: number };
  refreshTtlSeconds: number;
  /** Allowed browser origins; empty means same-origin only. */
  corsOrigins: string[];
  logLevel: LogLevel;
  dataDir: string;
  trustProxy: boolean;
  runMigrations: boolean;
  /** `generated`: the password was made under dataDir (not given), so the start banner may show it. */
  admin: { email: string; password: string; generated: boolean } | null;
  /** Sign-in, sign-up and lookup-by-email throttles, kept in PostgreSQL (shared by every instance); docs/operations.md. */
  throttle: {
    /** Failed sign-ins of one account from one address per hour; that address is then refused for that account. */
    failedLoginsPerAccountPerAddressPerHour: number;
    /** Ceiling of the per-account exponential back-off between failed sign-ins. */
    loginBackoffMaxSeconds: number;
    attemptsPerIpPerMinute: number;
    /** Adding a team or organisation member by email, per user per hour. */
    memberLookupsPerUserPerHour: number;
  };
  /** Per-user token buckets, in memory per instance: capacity and refill per minute. */
  rateLimits: { writesPerMinute: number; roomMessagesPerMinute: number };
  /**
   * Conflicts of interest: a judge's membership of a bidding team recuses them while it lasts and
   * for this many years after it ended (docs/integrity.md, "Membership by consent").
   */
  conflictLookbackYears: number;
  /** How many of each a user may create. */
  caps: { teamsPerUser: number; orgsPerUser: number; questionsPerUserPerChallenge: number };
  /** A drawn panel: an expert sitting in `rooms` rooms counting in the last `days` days is not drawn (docs/integrity.md). */
  panelCap: { rooms: number; days: number };
  /** How often each instance reads the sessions revoked elsewhere (the bound on an access token outliving its session). */
  sessionRevocationPollMs: number;
  outboxPollMs: number;
  /** Failed attempts after which an outbox event is dead-lettered, and how long handled events are kept (0: for ever). */
  outbox: { maxAttempts: number; retentionHours: number };
  closeJobIntervalMs: number;
  /** The shortest bidding window the bureau publishes, counted both from opensAt and from the moment of publication. */
  minBiddingWindowHours: number;
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

function redisPrefix(env: Env): string {
  const prefix = env.REDIS_PREFIX || 'jiebang';
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(prefix)) {
    throw new ConfigError(`REDIS_PREFIX must be 1 to 64 letters, digits or _ . : - (got "${prefix}")`);
  }
  return prefix;
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

/** The admin login as the start banners print it: a generated password is shown, one given in ADMIN_PASSWORD never is. */
export function adminLogin(admin: NonNullable<AppConfig['admin']>): string {
  return `${admin.email} / ${admin.generated ? admin.password : '(the password in ADMIN_PASSWORD)'}`;
}

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
    redisPrefix: redisPrefix(env),
    roomHeartbeatMs: int(env, 'ROOM_HEARTBEAT_MS', 2000, 100, 60_000),
    databaseTimeouts: {
      connectMs: int(env, 'DATABASE_CONNECT_TIMEOUT_MS', 3000, 100, 120_000),
      queryMs: int(env, 'DATABASE_QUERY_TIMEOUT_MS', 6000, 100, 600_000),
      statementMs: int(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 5000, 100, 600_000),
      lockMs: int(env, 'DATABASE_LOCK_TIMEOUT_MS', 5000, 100, 600_000),
    },
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
        ? { email: adminEmail, password: adminPassword, generated: false }
        : production
          ? null
          : { email: DEFAULT_ADMIN_EMAIL, password: localSecret(dataDir, 'admin-password', 12), generated: true },
    throttle: {
      failedLoginsPerAccountPerAddressPerHour: int(env, 'THROTTLE_FAILED_LOGINS_PER_HOUR', 20, 1, 100_000),
      loginBackoffMaxSeconds: int(env, 'THROTTLE_LOGIN_BACKOFF_MAX_SECONDS', 30, 1, 3600),
      attemptsPerIpPerMinute: int(env, 'THROTTLE_AUTH_PER_IP_PER_MINUTE', 60, 1, 1_000_000),
      memberLookupsPerUserPerHour: int(env, 'THROTTLE_MEMBER_LOOKUPS_PER_HOUR', 30, 1, 1_000_000),
    },
    rateLimits: {
      writesPerMinute: int(env, 'RATE_LIMIT_WRITES_PER_MINUTE', 120, 1, 10_000_000),
      roomMessagesPerMinute: int(env, 'RATE_LIMIT_ROOM_MESSAGES_PER_MINUTE', 600, 1, 10_000_000),
    },
    conflictLookbackYears: int(env, 'CONFLICT_LOOKBACK_YEARS', 3, 0, 100),
    caps: {
      teamsPerUser: int(env, 'MAX_TEAMS_PER_USER', 20, 1, 100_000),
      orgsPerUser: int(env, 'MAX_ORGS_PER_USER', 10, 1, 100_000),
      questionsPerUserPerChallenge: int(env, 'MAX_QUESTIONS_PER_USER_PER_CHALLENGE', 20, 1, 100_000),
    },
    panelCap: {
      rooms: int(env, 'PANEL_CAP_ROOMS', DEFAULT_PANEL_CAP_ROOMS, 1, 10_000),
      days: int(env, 'PANEL_CAP_DAYS', DEFAULT_PANEL_CAP_DAYS, 1, 3650),
    },
    sessionRevocationPollMs: int(env, 'SESSION_REVOCATION_POLL_MS', 1000, 50, 60_000),
    outboxPollMs: int(env, 'OUTBOX_POLL_MS', 1000, 10, 600_000),
    outbox: {
      maxAttempts: int(env, 'OUTBOX_MAX_ATTEMPTS', 10, 1, 1000),
      retentionHours: int(env, 'OUTBOX_RETENTION_HOURS', 168, 0, 87_600),
    },
    closeJobIntervalMs: int(env, 'CLOSE_JOB_INTERVAL_MS', 1000, 10, 600_000),
    minBiddingWindowHours: int(env, 'MIN_BIDDING_WINDOW_HOURS', DEFAULT_MIN_BIDDING_WINDOW_HOURS, 1, 24 * 365),
    idempotencyRetentionHours: int(env, 'IDEMPOTENCY_RETENTION_HOURS', 24, 1, 24 * 365),
    demoData: bool(env, 'DEMO_DATA', !production),
  };
}
