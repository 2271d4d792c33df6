import { Agent } from 'node:http';
import type { Pool } from 'pg';
import { prepareBurst, senderCount } from './support/burst';
import { type BurstAnswer, burstClock, type PlannedRequest, post } from './support/burst-protocol';
import type { BenchContext, PartResult } from './support/context';
import { bidBody, insertChallenge, insertEnterprise, insertTeams, insertUsers } from './support/fixtures';
import { startPlatform } from './support/processes';
import type { Row } from './support/report';
import { percentile } from './support/stats';
import { accessToken } from './support/tokens';

/** The code the bid routes refuse with once the database clock has reached closes_at (libs/domain, assertBiddingOpen). */
const CLOSED_CODE = 'BID_WINDOW_CLOSED';
/** A send within this many ms of its planned time counts as on time. */
const ON_TIME_MS = 50;
/**
 * One socket per request (a team and its retry are two clients on the wire at once, as at a real
 * deadline), all opened before the burst (the npm script raises `ulimit -n`). HTTP/1.1 carries one
 * request per socket at a time: with fewer sockets, requests would wait in their sender's agent for
 * an answer to free one, and the burst would never reach the server as planned (an earlier run with
 * 500 sockets sent 4.75 % of the requests on time). The "issued" and "sent" rows show that wait.
 */
const socketsFor = (teams: number) => teams * 2;

/**
 * The offset of the database clock to burstClock() (database minus local), from the sample of
 * `samples` with the shortest round trip; `uncertaintyMs` is half that round trip.
 */
async function databaseClockOffset(pool: Pool, samples: number): Promise<{ offsetMs: number; uncertaintyMs: number }> {
  let best = { offsetMs: 0, uncertaintyMs: Number.POSITIVE_INFINITY };
  for (let i = 0; i < samples; i += 1) {
    const before = burstClock();
    const { rows } = await pool.query<{ now: number }>(`SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now`);
    const after = burstClock();
    if ((after - before) / 2 < best.uncertaintyMs) best = { offsetMs: rows[0].now - (before + after) / 2, uncertaintyMs: (after - before) / 2 };
  }
  return best;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/**
 * P4: 5,000 teams submit in one second centred on closesAt, each request sent twice with the same
 * Idempotency-Key (the copy 0–5 ms later, as a client retrying on a flaky network would), from
 * `senderCount()` processes (support/burst.ts) over one keep-alive socket per request, opened before the burst.
 * Reported: how on time the requests actually went out (written to the socket; a request waits in
 * its sender's agent while every socket has a request in flight), then the database is asked: bids
 * received at or after closesAt, active bids per team beyond one, revisions beyond the first, whether
 * the bids stored are exactly the keys answered 2xx, whether any bid got in without a request sent
 * before closesAt (by the database clock), and how many requests sent in time were refused as closed.
 */
export async function benchDeadline(ctx: BenchContext): Promise<PartResult> {
  const { pool } = ctx.db;
  const teamCount = ctx.smoke ? 40 : 5_000;
  const spreadMs = 1_000;
  const owners = await insertUsers(pool, 1, 'p4-owner');
  const orgId = await insertEnterprise(pool, owners);
  const teams = await insertTeams(pool, teamCount, 'p4');
  const challengeId = await insertChallenge(pool, orgId, owners[0].id, 'P4 高精度传感器芯片国产化 deadline burst');
  const path = `/api/challenges/${challengeId}/bids`;
  // Evenly over [closesAt - 0.5 s, closesAt + 0.5 s); the retry 0–5 ms after its original.
  const prepared: PlannedRequest[] = teams.map((team, i) => {
    const at = -spreadMs / 2 + (i / teams.length) * spreadMs;
    return {
      key: `p4-${i}`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken(team.leadId)}`, 'idempotency-key': `p4-${i}` },
      body: bidBody(team, `p4-${i}`),
      at: [at, at + Math.random() * 5],
    };
  });
  const teamOfKey = new Map(prepared.map((p, i) => [p.key, teams[i].teamId]));

  const server = await startPlatform(ctx.db.url, { logLevel: 'warn' });
  let answers: BurstAnswer[];
  let finishedMs: number;
  let clock: { offsetMs: number; uncertaintyMs: number };
  let openSockets: number[];
  const senders = senderCount();
  try {
    // Warm the platform's code paths and pool on another challenge first (over sockets of its own, closed before the burst).
    const url = new URL(server.url);
    const warmAgent = new Agent({ keepAlive: true, maxSockets: 50 });
    const warmChallenge = await insertChallenge(pool, orgId, owners[0].id, 'P4 warm-up');
    const warmTeams = await insertTeams(pool, ctx.smoke ? 10 : 50, 'p4-warmup');
    await Promise.all(
      warmTeams.map((team, i) =>
        post(warmAgent, url, `/api/challenges/${warmChallenge}/bids`, { 'content-type': 'application/json', authorization: `Bearer ${accessToken(team.leadId)}` }, bidBody(team, `w${i}`)),
      ),
    );
    warmAgent.destroy();

    const burst = await prepareBurst({ url: server.url, path, requests: prepared, senders, sockets: socketsFor(teamCount), warmPath: '/api/health' });
    openSockets = burst.openSockets;
    try {
      // The deadline: now + 1 s by the database clock; the burst runs from closesAt - 0.5 s to closesAt + 0.5 s.
      // The database and the senders share the host's clock; the offset measured here covers a remote server too.
      clock = await databaseClockOffset(pool, 5);
      const { rows } = await pool.query<{ closes_at: number }>(
        `UPDATE challenge SET closes_at = clock_timestamp() + interval '1 second' WHERE id = $1
         RETURNING (extract(epoch FROM closes_at) * 1000)::float8 AS closes_at`,
        [challengeId],
      );
      const closesAtLocal = rows[0].closes_at - clock.offsetMs;
      answers = await burst.run(closesAtLocal);
      finishedMs = burstClock() - closesAtLocal;
    } finally {
      await burst.stop();
    }
  } finally {
    await server.stop();
  }

  const planned = prepared.reduce((sum, p) => sum + p.at.length, 0);
  if (answers.length !== planned) throw new Error(`P4: ${answers.length} answers to ${planned} requests`);
  const byStatus: Record<string, number> = {};
  for (const a of answers) {
    const label = a.code ? `${a.status} ${a.code}` : String(a.status);
    byStatus[label] = (byStatus[label] ?? 0) + 1;
  }

  // How on time the requests went out: lateness of the send (last byte to the kernel) against the plan.
  const sent = answers.filter((a): a is BurstAnswer & { sentAt: number } => a.sentAt !== null);
  const lateness = sent.map((a) => a.sentAt - a.plannedAt);
  const issueLateness = answers.map((a) => a.issuedAt - a.plannedAt);
  const socketWait = sent.map((a) => a.sentAt - a.issuedAt);
  const onTime = lateness.filter((l) => Math.abs(l) <= ON_TIME_MS).length;
  const issuedOnTime = issueLateness.filter((l) => Math.abs(l) <= ON_TIME_MS).length;
  const plannedBeforeClose = answers.filter((a) => a.plannedAt < 0).length;
  const sentBeforeClose = sent.filter((a) => a.sentAt < 0);

  // The database's side.
  const count = async (sql: string): Promise<number> => (await pool.query<{ n: number }>(sql, [challengeId])).rows[0].n;
  const storedTeams = new Set((await pool.query<{ team_id: string }>('SELECT team_id FROM bid WHERE challenge_id = $1', [challengeId])).rows.map((r) => r.team_id));
  const stored = storedTeams.size;
  const late = await count('SELECT count(*)::int AS n FROM bid b JOIN challenge c ON c.id = b.challenge_id WHERE b.challenge_id = $1 AND b.received_at >= c.closes_at');
  const duplicates = await count(
    `SELECT coalesce(sum(n - 1), 0)::int AS n FROM (SELECT count(*) AS n FROM bid WHERE challenge_id = $1 GROUP BY team_id) per_team`,
  );
  const extraRevisions = await count('SELECT count(*)::int AS n FROM bid_revision r JOIN bid b ON b.id = r.bid_id WHERE b.challenge_id = $1 AND r.revision > 1');
  const serverErrors = answers.filter((a) => a.status >= 500).length;
  const connectionFailures = answers.filter((a) => a.status === 0).length;
  const keys2xx = new Set(answers.filter((a) => a.status >= 200 && a.status < 300).map((a) => a.key));

  // Fairness by the database clock. Per key: its earliest send; a stored bid needs one before closesAt.
  const firstSent = new Map<string, number>();
  for (const a of sent) firstSent.set(a.key, Math.min(firstSent.get(a.key) ?? Number.POSITIVE_INFINITY, a.sentAt));
  const keysStored = prepared.map((p) => p.key).filter((key) => storedTeams.has(teamOfKey.get(key) ?? ''));
  // Stored although no request of the key went out before closesAt (must be 0).
  const storedSentAfter = keysStored.filter((key) => !((firstSent.get(key) ?? Number.POSITIVE_INFINITY) < 0)).length;
  // The same per request: sent at or after closesAt and answered by a fresh 2xx (the request that stored the bid).
  const freshAfter = sent.filter((a) => a.sentAt >= 0 && a.status >= 200 && a.status < 300 && !a.replayed).length;
  // Sent before closesAt but decided after it (queued behind the burst): the database clock decides, by design.
  const sentBeforeButClosed = sentBeforeClose.filter((a) => a.code === CLOSED_CODE).length;
  const closedShare = sentBeforeClose.length > 0 ? (100 * sentBeforeButClosed) / sentBeforeClose.length : Number.NaN;
  const teamsInTime = [...firstSent.values()].filter((t) => t < 0).length;
  const teamsInTimeWithoutBid = [...firstSent.entries()].filter(([key, t]) => t < 0 && !storedTeams.has(teamOfKey.get(key) ?? '')).length;

  const stats = (values: number[]) => ({
    p50: round(percentile(values, 50)),
    p99: round(percentile(values, 99)),
    max: round(values.length ? Math.max(...values) : Number.NaN),
  });
  const sendLateness = stats(lateness);
  ctx.log(
    `P4: ${senders} senders, ${openSockets.reduce((a, b) => a + b, 0)} sockets; ${onTime} of ${planned} sent within ±${ON_TIME_MS} ms ` +
      `(issued: ${issuedOnTime}), lateness p50 ${sendLateness.p50} / p99 ${sendLateness.p99} / max ${sendLateness.max} ms; ` +
      `${sentBeforeClose.length} sent before closesAt (${plannedBeforeClose} planned), ${sentBeforeButClosed} of them refused as closed`,
  );
  ctx.log(`P4: ${answers.length} answers by closesAt + ${(finishedMs / 1000).toFixed(1)} s: ${JSON.stringify(byStatus)}; stored ${stored}, late ${late}, stored without a send in time ${storedSentAfter}`);

  const part = 'P4 deadline';
  const rows: Row[] = [
    { part, metric: 'bids stored after closesAt', unit: '', ours: late, target: '= 0', pass: late === 0 },
    { part, metric: 'duplicate bids (same team)', unit: '', ours: duplicates + extraRevisions, target: '= 0', pass: duplicates + extraRevisions === 0 },
    { part, metric: '5xx answers', unit: '', ours: serverErrors, target: '= 0', pass: serverErrors === 0 },
    { part, metric: 'connections failed', unit: '', ours: connectionFailures, target: '= 0', pass: connectionFailures === 0 },
    { part, metric: 'stored − keys answered 2xx', unit: '', ours: stored - keys2xx.size, target: '= 0', pass: stored === keys2xx.size },
    { part, metric: 'bids stored', unit: '', ours: stored },
    // The rows below carry no pass/fail: test/bench-smoke.e2e-spec.ts pins the set of checked P4 rows to the five above.
    // A non-zero "stored without a send before closesAt" is logged and in the notes as a violation.
    { part, metric: 'stored without a send before closesAt (DB clock)', unit: '', ours: storedSentAfter, target: '= 0' },
    { part, metric: `sent before closesAt, refused ${CLOSED_CODE}`, unit: '', ours: sentBeforeButClosed },
    { part, metric: `sent before closesAt, refused ${CLOSED_CODE}, share`, unit: '%', ours: closedShare },
    // Issued = handed to http.request by the sender's timer; sent = written to a socket, which waits while all of them have a request in flight.
    { part, metric: `issued within ±${ON_TIME_MS} ms of plan`, unit: '%', ours: (100 * issuedOnTime) / planned },
    { part, metric: `sent within ±${ON_TIME_MS} ms of plan`, unit: '%', ours: (100 * onTime) / planned },
    { part, metric: 'send lateness p50', unit: 'ms', ours: sendLateness.p50 },
    { part, metric: 'send lateness p99', unit: 'ms', ours: sendLateness.p99 },
    { part, metric: 'send lateness max', unit: 'ms', ours: sendLateness.max },
    { part, metric: 'sent before closesAt', unit: '', ours: sentBeforeClose.length },
    { part, metric: 'planned before closesAt', unit: '', ours: plannedBeforeClose },
  ];
  if (storedSentAfter > 0 || freshAfter > 0) ctx.log(`P4: FAIRNESS VIOLATION: ${storedSentAfter} bids stored without a request sent before closesAt, ${freshAfter} fresh 2xx to requests sent after it`);
  const answeredAt = answers.map((a) => a.answeredAt);
  return {
    rows,
    notes: {
      teams: teamCount,
      requests: answers.length,
      spreadMs,
      senders,
      sendersChosenFrom: 'min(4, max(2, os.availableParallelism()))',
      socketsPerSender: openSockets,
      onTimeMs: ON_TIME_MS,
      databaseClockOffsetMs: round(clock.offsetMs, 3),
      databaseClockUncertaintyMs: round(clock.uncertaintyMs, 3),
      sentDefinition: "last byte of the request handed to the kernel (ClientRequest 'finish'); issued = http.request called",
      sendLatenessMs: sendLateness,
      issueLatenessMs: stats(issueLateness),
      issuedWithinOnTimeMs: issuedOnTime,
      waitForSocketMs: stats(socketWait),
      neverSent: answers.length - sent.length,
      plannedBeforeClose,
      sentBeforeClose: sentBeforeClose.length,
      lastSentAfterCloseMs: round(sent.length ? Math.max(...sent.map((a) => a.sentAt)) : Number.NaN),
      sentBeforeButClosed,
      sentBeforeButClosedShare: round(closedShare, 2),
      teamsSentInTime: teamsInTime,
      teamsSentInTimeWithoutBid: teamsInTimeWithoutBid,
      storedWithoutSendBeforeClose: storedSentAfter,
      freshAnswersToSendsAfterClose: freshAfter,
      statuses: byStatus,
      replayed: answers.filter((a) => a.replayed).length,
      firstAnswerAfterCloseMs: round(Math.min(...answeredAt)),
      answeredBeforeClose: answeredAt.filter((t) => t < 0).length,
      lastAnswerAfterCloseMs: round(finishedMs),
      stored,
      keysAnswered2xx: keys2xx.size,
      late,
      duplicates,
      extraRevisions,
    },
  };
}
