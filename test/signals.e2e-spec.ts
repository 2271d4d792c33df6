import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@app/database';
import { until } from './support/wait';

/**
 * `npm run start:<app>` as a process manager or a terminal runs it: npm, then the script's
 * shell, then node, then (with no DATABASE_URL) the embedded PostgreSQL. However it is signalled,
 * the whole tree must be gone within a few seconds.
 */

const STOP_WITHIN_MS = 10_000;

const pgrep = (args: string[]): number[] => {
  try {
    return execFileSync('pgrep', args, { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
};
const postgresFor = (dir: string) => pgrep(['-f', `postgres -D ${dir}`]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** npm exits with a code, or (re-raising what killed its child) by a signal. */
const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

interface Started {
  npm: ChildProcess;
  node: number;
  output: () => string;
}

/** Runs the real npm script in its own process group, on the embedded database under `dataDir`. */
async function npmStart(dataDir: string): Promise<Started> {
  const port = await freePort();
  let output = '';
  const npm = spawn('npm', ['run', '--silent', 'start:evaluation'], {
    cwd: process.cwd(),
    detached: true,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: 'false',
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  npm.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await until(
    async () => {
      if (exited(npm)) throw new Error(`npm exited (${npm.exitCode ?? npm.signalCode}): ${output}`);
      return fetch(`http://127.0.0.1:${port}/api/health/ready`).then(
        (res) => res.status === 200,
        () => false,
      );
    },
    90_000,
    `the service to be ready (${output})`,
  );
  // The script `exec`s node, so npm's only child is node itself (no shell in between to swallow signals).
  const [node, ...others] = pgrep(['-P', String(npm.pid)]);
  if (!node || others.length > 0) throw new Error(`expected node as npm's only child, found ${[node, ...others].join(', ')}`);
  expect(execFileSync('ps', ['-o', 'args=', '-p', String(node)], { encoding: 'utf8' })).toContain('scripts/start.js evaluation');
  return { npm, node, output: () => output };
}

describe('npm start stops cleanly however it is signalled', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jiebang-signals-'));
  // Enterable by the postgres system user, so the server's files (and its command line) are under it.
  chmodSync(dataDir, 0o755);
  afterAll(() => {
    for (const pid of postgresFor(dataDir)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each<[string, (started: Started) => void]>([
    ['SIGINT to the npm PID', ({ npm }) => npm.kill('SIGINT')],
    ['SIGTERM to the npm PID', ({ npm }) => npm.kill('SIGTERM')],
    ['SIGTERM to node', ({ node }) => process.kill(node, 'SIGTERM')],
    ['SIGINT to the process group (Ctrl-C)', ({ npm }) => process.kill(-(npm.pid as number), 'SIGINT')],
  ])('%s: npm, node and the embedded PostgreSQL are gone within seconds', async (_, signal) => {
    const started = await npmStart(dataDir);
    expect(postgresFor(dataDir)).not.toEqual([]);
    signal(started);
    await until(
      () => !alive(started.node) && exited(started.npm) && postgresFor(dataDir).length === 0,
      STOP_WITHIN_MS,
      'npm, node and PostgreSQL to exit',
    );
    expect(started.output()).toMatch(/SIG(INT|TERM) received: closing/);
  });

  it('a start after kill -9 says in one line that it stops the leftover server, and recovers', async () => {
    const first = await npmStart(dataDir);
    process.kill(first.node, 'SIGKILL');
    await until(() => exited(first.npm), STOP_WITHIN_MS, 'npm to exit');
    const leftover = postgresFor(dataDir);
    expect(leftover).not.toEqual([]);

    const second = await npmStart(dataDir);
    const lines = second.output().split('\n').filter((line) => line.includes('left running by an earlier process'));
    expect(lines).toHaveLength(1);
    expect(leftover.some(alive)).toBe(false);
    second.npm.kill('SIGTERM');
    await until(() => exited(second.npm) && postgresFor(dataDir).length === 0, STOP_WITHIN_MS, 'the second start to stop');
  });
});
