import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { freePort } from '@app/database';
import { BENCH_JWT_SECRET } from './tokens';

/** The compiled tree this file runs from (dist/ for `npm run bench`, the tests' private build in the smoke test). */
export const DIST = join(__dirname, '..', '..');

export interface Server {
  url: string;
  output(): string;
  /** The server's heap after two full collections (it must run with --expose-gc and the heap probe preloaded). */
  heapUsed(): Promise<number>;
  /** CPU seconds (user + system) the server process has used so far; null where /proc is not there. */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

/** Node flags that let `Server.heapUsed` work. */
export const HEAP_PROBE = ['--expose-gc', '-r', join(DIST, 'bench', 'heap-probe.js')];

export interface ServerOptions {
  /** Node flags before the script, e.g. --expose-gc, -r <preload>, --cpu-prof. */
  nodeArgs?: string[];
  env?: Record<string, string>;
  /** Answers 200 once the server is ready. */
  readyPath: string;
}

/** Starts a compiled script (relative to DIST) as its own process on a free port; resolves once it is ready. */
export async function startServer(script: string, options: ServerOptions): Promise<Server> {
  const port = await freePort();
  // Output goes to a file, not through a pipe into this process, which is also the load generator.
  const logDir = mkdtempSync(join(tmpdir(), 'jiebang-bench-log-'));
  const logFile = join(logDir, `${basename(script, '.js')}.log`);
  const logFd = openSync(logFile, 'w');
  const output = () => readFileSync(logFile, 'utf8').slice(-20_000);
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), join(DIST, script)], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      JWT_SECRET: BENCH_JWT_SECRET,
      ...options.env,
    },
    stdio: ['ignore', logFd, logFd, 'ipc'],
  });
  closeSync(logFd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}: ${output()}`);
    try {
      if ((await fetch(`${url}${options.readyPath}`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`${script} did not become ready: ${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    output,
    cpuSeconds: () => {
      try {
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // utime and stime (fields 14 and 15 of proc(5)), in clock ticks of 1/100 s on Linux.
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return null;
      }
    },
    heapUsed: () =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${script}: no answer from the heap probe`)), 30_000);
        child.once('message', (answer: { heapUsed: number; gc: boolean }) => {
          clearTimeout(timer);
          if (answer.gc) resolve(answer.heapUsed);
          else reject(new Error(`${script}: started without --expose-gc`));
        });
        child.send('heap');
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(logDir, { recursive: true, force: true });
    },
  };
}

/** The platform (all three services in one process), as `npm start` runs it, against the bench database. */
export function startPlatform(databaseUrl: string, options: { logLevel: string; nodeArgs?: string[]; env?: Record<string, string> }): Promise<Server> {
  return startServer(join('apps', 'platform', 'src', 'main.js'), {
    nodeArgs: options.nodeArgs,
    readyPath: '/api/health/ready',
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: options.logLevel,
      DEMO_DATA: 'false',
      RUN_MIGRATIONS: 'false',
      THROTTLE_AUTH_PER_IP_PER_MINUTE: '1000000',
      // A bench user sends far more than a person: the per-user limits would measure themselves.
      RATE_LIMIT_WRITES_PER_MINUTE: '10000000',
      RATE_LIMIT_ROOM_MESSAGES_PER_MINUTE: '10000000',
      ...options.env,
    },
  });
}
