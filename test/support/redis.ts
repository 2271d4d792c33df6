import { ChildProcess, spawn } from 'node:child_process';
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

/**
 * Starts redis-server on a free port, or answers null where there is none (the caller skips and
 * says so; under CI=true a missing redis-server fails instead, .ci/run installs it).
 */
export async function startOwnRedis(): Promise<OwnRedis | null> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async (): Promise<void> => {
    const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const missing = new Promise<boolean>((resolve) => started.once('error', () => resolve(true)));
    child = started;
    const ready = await Promise.race([until(() => pong(port), 10_000, `redis-server on port ${port}`).then(() => false), missing]);
    if (ready) throw new Error('redis-server is not installed');
  };
  try {
    await start();
  } catch (error) {
    if (process.env.CI === 'true') throw error;
    console.warn(`${(error as Error).message}: skipping the Redis fault tests (CI runs them)`);
    return null;
  }
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
