import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from '@app/database';
import { until } from './wait';

/** A Redis server of the test's own (redis-server on a free port), which the test may kill and restart. */
export interface OwnRedis {
  url: string;
  /** kill -9: no goodbye to the clients. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: what a restarted cache holds). */
  start(): Promise<void>;
}

function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(500, () => socket.destroy());
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
}

/** Whether redis-server can be started here: checked once, synchronously, so a test can be skipped visibly. */
const hasRedisServer = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * `it` for a test that needs a redis-server of its own: where there is none Jest reports the test
 * as skipped, except under CI=true, where it runs and fails (.ci/run installs redis-server).
 */
export const itWithRedisServer: jest.It = hasRedisServer || process.env.CI === 'true' ? it : it.skip;

/** Starts redis-server on a free port (tests declared with itWithRedisServer). */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async (): Promise<void> => {
    const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const missing = new Promise<boolean>((resolve) => started.once('error', () => resolve(true)));
    child = started;
    const isMissing = await Promise.race([until(() => pong(port), 10_000, `redis-server on port ${port}`).then(() => false), missing]);
    if (isMissing) throw new Error('redis-server is not installed (apt-get install redis-server)');
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    kill: async () => {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
  };
}
