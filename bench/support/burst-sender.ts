import { Agent } from 'node:http';
import { type BurstAnswer, burstClock, type FromSender, get, type PlannedRequest, post, type ToSender } from './burst-protocol';

/**
 * One sender process of the P4 deadline burst, forked by `burst.ts` (never imported). It receives
 * its share of the prepared requests over IPC, opens its keep-alive sockets, says 'ready', and on
 * 'start' sends every request at its planned time on the common clock, then reports every answer.
 */

interface Send {
  request: PlannedRequest;
  contentLength: string;
  copy: number;
  /** ms relative to closesAt. */
  at: number;
}

/** Answers go back to the parent in batches of this many (one IPC message each). */
const BATCH = 1_000;

const say = (message: FromSender) => process.send?.(message);

let init: Extract<ToSender, { type: 'init' }> | null = null;
const requests: PlannedRequest[] = [];
let agent: Agent | null = null;

/** Opens `count` sockets by `count` concurrent GETs: each answered one stays open in the agent for the burst. */
async function openSockets(target: Agent, url: URL, path: string, count: number): Promise<number> {
  const statuses = await Promise.all(Array.from({ length: count }, () => get(target, url, path)));
  const failed = statuses.filter((s) => s !== 200).length;
  if (failed > 0) throw new Error(`${failed} of ${count} warm-up GET ${path} did not answer 200`);
  return Object.values(target.freeSockets).reduce((sum, list) => sum + (list?.length ?? 0), 0);
}

function run(closesAt: number): void {
  if (!init || !agent) throw new Error('start before init');
  const { sender, path } = init;
  const url = new URL(init.url);
  const connection = agent;
  const relative = () => burstClock() - closesAt;
  const sends: Send[] = requests
    .flatMap((request) => {
      const contentLength = String(Buffer.byteLength(request.body));
      return request.at.map((at, copy) => ({ request, contentLength, copy, at }));
    })
    .sort((a, b) => a.at - b.at);
  const answers: BurstAnswer[] = [];
  let pending = sends.length;
  let reported = 0;
  const flush = (all: boolean) => {
    while (answers.length - reported >= BATCH || (all && reported < answers.length)) {
      const batch = answers.slice(reported, reported + BATCH);
      reported += batch.length;
      say({ type: 'answers', answers: batch });
    }
  };
  const fire = (send: Send) => {
    const issuedAt = relative();
    let sentAt: number | null = null;
    const headers = { ...send.request.headers, 'content-length': send.contentLength };
    // post() answers a connection failure as status 0: it never rejects.
    void post(connection, url, path, headers, send.request.body, { onSent: () => (sentAt = relative()) }).then((reply) => {
      answers.push({ ...reply, key: send.request.key, copy: send.copy, plannedAt: send.at, issuedAt, sentAt, answeredAt: relative(), sender });
      pending -= 1;
      // Batches only once the burst is over: an IPC message mid-burst would delay the sends behind it.
      if (next >= sends.length) flush(pending === 0);
      if (pending === 0) say({ type: 'done', sender, answers: answers.length });
    });
  };
  // One timer at a time, set for the next planned send; everything due (within half a millisecond) goes at once.
  let next = 0;
  const tick = () => {
    const now = relative();
    while (next < sends.length && sends[next].at <= now + 0.5) fire(sends[next++]);
    if (next < sends.length) setTimeout(tick, Math.max(0, sends[next].at - relative() - 0.5));
  };
  if (sends.length === 0) say({ type: 'done', sender, answers: 0 });
  else tick();
}

async function handle(message: ToSender): Promise<void> {
  switch (message.type) {
    case 'init':
      init = message;
      agent = new Agent({ keepAlive: true, maxSockets: message.sockets, maxFreeSockets: message.sockets, scheduling: 'fifo' });
      return;
    case 'requests':
      requests.push(...message.requests);
      return;
    case 'prepared': {
      if (!init || !agent) throw new Error('prepared before init');
      const sockets = await openSockets(agent, new URL(init.url), init.warmPath, init.sockets);
      say({ type: 'ready', sender: init.sender, sockets, requests: requests.length });
      return;
    }
    case 'start':
      run(message.closesAt);
      return;
  }
}

process.on('message', (message: ToSender) => {
  handle(message).catch((error: unknown) => {
    say({ type: 'failed', sender: init?.sender ?? -1, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
    process.disconnect?.();
  });
});
// The parent disconnects when it has every answer (or gives up): close the sockets and let the process end.
process.on('disconnect', () => agent?.destroy());
