import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '@app/database';
import { UNLIMITED } from './limits';

export type AppName = 'platform' | 'challenges' | 'bidding' | 'evaluation';

export interface RunningService {
  name: AppName;
  url: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts a built app as its own process, exactly as `npm run start:<app>` does, from the copy
 * that the test run's global setup compiled; resolves once /api/health/ready answers 200.
 */
export async function startService(name: AppName, env: Record<string, string>): Promise<RunningService> {
  const dist = process.env.TEST_DIST_DIR;
  if (!dist) throw new Error('TEST_DIST_DIR is set by the integration global setup');
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [join(dist, 'apps', name, 'src', 'main.js')], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
      ADMIN_EMAIL: 'admin@test.jiebang.local',
      ADMIN_PASSWORD: 'admin-password-1',
      DEMO_DATA: 'false',
      OUTBOX_POLL_MS: '200',
      CLOSE_JOB_INTERVAL_MS: '200',
      ...UNLIMITED,
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}: ${output}`);
    try {
      const res = await fetch(`${url}/api/health/ready`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not become ready within 60 s: ${output || "(no output yet)"}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    name,
    url,
    output: () => output,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
