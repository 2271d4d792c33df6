import { Agent, request } from 'node:http';

/**
 * What the P4 burst's parent and its sender processes (`burst-sender.ts`) say to each other, and the
 * one HTTP call both make. Kept free of the project's libraries so a sender starts in milliseconds.
 *
 * Every time here is in ms on `burstClock()`: `performance.timeOrigin + performance.now()`, the
 * wall clock at the process's start plus a monotonic clock, sub-millisecond and the same in every
 * process on the host. In messages and answers, times are relative to closesAt (negative = before).
 */
export const burstClock = (): number => performance.timeOrigin + performance.now();

/** One team's submission: sent once at each planned time (the original and its retry), same key and body. */
export interface PlannedRequest {
  key: string;
  headers: Record<string, string>;
  body: string;
  /** Planned send times, ms relative to closesAt. */
  at: number[];
}

export interface Reply {
  /** 0 when the connection failed. */
  status: number;
  /** The error code of a 3xx–5xx answer (`CONNECTION_<errno>` for a failed connection). */
  code: string | null;
  /** The server answered from the stored idempotency key (`Idempotent-Replayed: true`). */
  replayed: boolean;
}

export interface BurstAnswer extends Reply {
  key: string;
  /** Which of the key's planned sends this is: 0 the original, 1 the retry. */
  copy: number;
  /** All ms relative to closesAt (by the database clock, through the parent's measured offset). */
  plannedAt: number;
  /** When the sender called `http.request` (its timer's accuracy). */
  issuedAt: number;
  /** When the last byte of the request went to the kernel (`finish`): later than issuedAt while every socket is busy; null if never. */
  sentAt: number | null;
  answeredAt: number;
  /** Which sender process sent it. */
  sender: number;
}

/** Parent → sender. */
export type ToSender =
  | { type: 'init'; sender: number; url: string; path: string; sockets: number; warmPath: string }
  | { type: 'requests'; requests: PlannedRequest[] }
  /** Every request has arrived: open the sockets and say 'ready'. */
  | { type: 'prepared' }
  /** closesAt in ms on burstClock(): the common time base every planned time is relative to. */
  | { type: 'start'; closesAt: number };

/** Sender → parent. */
export type FromSender =
  | { type: 'ready'; sender: number; sockets: number; requests: number }
  | { type: 'answers'; answers: BurstAnswer[] }
  | { type: 'done'; sender: number; answers: number }
  | { type: 'failed'; sender: number; error: string };

export interface PostTiming {
  /** Called when the request has been handed to the kernel in full. */
  onSent?: () => void;
}

/** A POST over the agent's keep-alive sockets; status 0 when the connection failed. */
export function post(agent: Agent, url: URL, path: string, headers: Record<string, string>, body: string, timing: PostTiming = {}): Promise<Reply> {
  return new Promise((resolve) => {
    const req = request({ agent, host: url.hostname, port: url.port, method: 'POST', path, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        let code: string | null = null;
        if (status >= 300) {
          try {
            code = String((JSON.parse(text) as { code?: unknown }).code);
          } catch {
            code = 'NOT_JSON';
          }
        }
        resolve({ status, code, replayed: res.headers['idempotent-replayed'] === 'true' });
      });
    });
    if (timing.onSent) req.once('finish', timing.onSent);
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ status: 0, code: `CONNECTION_${error.code ?? 'FAILED'}`, replayed: false }));
    req.end(body);
  });
}

/** A GET whose answer is drained (so its keep-alive socket goes back to the agent); resolves with the status, 0 on a failed connection. */
export function get(agent: Agent, url: URL, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ agent, host: url.hostname, port: url.port, method: 'GET', path }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}
