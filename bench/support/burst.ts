import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { BurstAnswer, FromSender, PlannedRequest, ToSender } from './burst-protocol';
import { DIST } from './processes';

/**
 * The P4 burst, sent from several processes (`burst-sender.ts`) so that no single event loop has to
 * issue 10,000 requests in one second on a machine whose two cores also run the server and PostgreSQL.
 *
 * How many: one sender per core as `os.availableParallelism()` counts them, at least 2 (even on one
 * core the burst is then not one loop's backlog, and the multi-process path is always exercised, the
 * smoke run included) and at most 4 (the sockets are split between them, so more senders only means
 * fewer sockets each and more processes competing with the server and PostgreSQL for the same cores).
 *
 * Requests are dealt round-robin (request i to sender i mod n), so each sender's share is spread
 * evenly over the whole second; a key's original and retry stay on one sender.
 */
export function senderCount(): number {
  return Math.min(4, Math.max(2, availableParallelism()));
}

export interface BurstOptions {
  url: string;
  /** The POST path every request goes to. */
  path: string;
  requests: PlannedRequest[];
  senders: number;
  /** Sockets over all senders (each opens its share before the start and keeps them alive). */
  sockets: number;
  /** A cheap GET that answers 200, used to open the sockets. */
  warmPath: string;
}

export interface Burst {
  senders: number;
  /** The sockets each sender opened before the start. */
  openSockets: number[];
  /** Sends every request at closesAt (ms on burstClock()) plus its planned time; resolves with every answer. */
  run(closesAt: number): Promise<BurstAnswer[]>;
  /** Disconnects the senders and waits for them to exit (kills one that does not within 10 s). */
  stop(): Promise<void>;
}

/** Requests go to a sender in IPC messages of this many (a few hundred KB each). */
const CHUNK = 250;

interface Sender {
  child: ChildProcess;
  exited: Promise<void>;
  /** The first message of a type (or the sender's failure), awaited once. */
  next(type: FromSender['type']): Promise<FromSender>;
}

function startSender(index: number, onAnswers: (answers: BurstAnswer[]) => void): Sender {
  const child = fork(join(DIST, 'bench', 'support', 'burst-sender.js'), [], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<string, { resolve(message: FromSender): void; reject(error: Error): void }>();
  const early = new Map<string, FromSender>();
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    for (const w of waiting.values()) w.reject(failure);
    waiting.clear();
  };
  child.on('message', (message: FromSender) => {
    if (message.type === 'answers') return onAnswers(message.answers);
    if (message.type === 'failed') return fail(new Error(`burst sender ${index} failed: ${message.error}`));
    const w = waiting.get(message.type);
    if (w) {
      waiting.delete(message.type);
      w.resolve(message);
    } else early.set(message.type, message);
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      fail(new Error(`burst sender ${index} exited (${signal ?? code}) before it was done`));
      resolve();
    }),
  );
  return {
    child,
    exited,
    next: (type) => {
      const seen = early.get(type);
      if (seen) {
        early.delete(type);
        return Promise.resolve(seen);
      }
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => waiting.set(type, { resolve, reject }));
    },
  };
}

/** Starts the senders, hands each its share of the requests and waits until every one has its sockets open. */
export async function prepareBurst(options: BurstOptions): Promise<Burst> {
  const answers: BurstAnswer[] = [];
  const senders = Array.from({ length: options.senders }, (_, i) => startSender(i, (batch) => answers.push(...batch)));
  const stop = async () => {
    for (const s of senders) if (s.child.connected) s.child.disconnect();
    const timer = setTimeout(() => {
      for (const s of senders) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    }, 10_000);
    await Promise.all(senders.map((s) => s.exited));
    clearTimeout(timer);
  };
  try {
    const shares = senders.map((_, i) => options.requests.filter((_r, j) => j % senders.length === i));
    const send = (s: Sender, message: ToSender) => s.child.send(message);
    const openSockets = await Promise.all(
      senders.map(async (s, i) => {
        const share = shares[i];
        const planned = share.reduce((sum, r) => sum + r.at.length, 0);
        // Never more sockets than requests to send (the smoke run's few requests need few).
        const sockets = Math.max(1, Math.min(Math.floor(options.sockets / senders.length), planned));
        send(s, { type: 'init', sender: i, url: options.url, path: options.path, sockets, warmPath: options.warmPath });
        for (let from = 0; from < share.length; from += CHUNK) send(s, { type: 'requests', requests: share.slice(from, from + CHUNK) });
        send(s, { type: 'prepared' });
        const ready = await s.next('ready');
        if (ready.type !== 'ready' || ready.requests !== share.length) throw new Error(`burst sender ${i} got ${JSON.stringify(ready)}, not ${share.length} requests`);
        return ready.sockets;
      }),
    );
    return {
      senders: senders.length,
      openSockets,
      run: async (closesAt) => {
        for (const s of senders) send(s, { type: 'start', closesAt });
        await Promise.all(senders.map((s) => s.next('done')));
        return answers;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
