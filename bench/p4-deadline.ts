import { Agent } from 'node:http';
import type { Pool } from 'pg';
import { prepareBurst, senderCount } from './support/burst';
import { type BurstAnswer, burstClock, type PlannedRequest, post } from './support/burst-protocol';
import type { BenchContext, PartResult } from './support/context';
import { bidBody, type BenchTeam, insertChallenge, insertEnterprise, insertTeams, insertUsers } from './support/fixtures';
import { type Server, startPlatform } from './support/processes';
import type { Notes, Row } from './support/report';
import { percentile } from './support/stats';
import { accessToken } from './support/tokens';

/** The code the bid routes refuse with once the database clock has reached closes_at (libs/domain, assertBiddingOpen). */
const CLOSED_CODE = 'BID_WINDOW_CLOSED';
/** A send within this many ms of its planned time counts as on time. */
const ON_TIME_MS = 50;
/**
 * First come, first served: a refused-in-time team whose original request was sent more than this many ms
 * before a stored team's original is an order inversion (less is within the senders' jitter and the
 * retry's 0–5 ms, and not a verdict on the server's order).
 */
const INVERSION_MARGIN_MS = 50;
const SPREAD_MS = 1_000;
/**
 * One socket per request (a team and its retry are two clients on the wire at once, as at a real
 * deadline), all opened before the burst (the npm script raises `ulimit -n`). HTTP/1.1 carries one
 * request per socket at a time: with fewer sockets, requests would wait in their sender's agent for
 * an answer to free one, and the burst would never reach the server as planned (an earlier run with
 * 500 sockets sent 4.75 % of the requests on time). The "issued" and "sent" rows show that wait.
 */
const socketsFor = (teams: number) => teams * 2;

/**
 * The two crowds, in the order they run against one platform: a real challenge's deadline crowd
 * first, then the issue's 5,000 teams (about 70 times what the server can write in that second),
 * which leaves the most behind it (10,000 closed sockets, the heap, dead rows) for whatever runs next.
 */
const scenarioTeams = (smoke: boolean): number[] => (smoke ? [10, 40] : [500, 5_000]);
const labelOf = (teams: number) => `${teams.toLocaleString('en-US')} teams`;

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
const msText = (value: number) => (Number.isNaN(value) ? 'none' : `${round(value)} ms`);

/**
 * Order inversions: pairs (s, r) of a stored team's send time s and a refused-in-time team's send time r
 * with r < s - marginMs. Sort and binary search, O((S + R) log S).
 */
function orderInversions(stored: readonly number[], refused: readonly number[], marginMs: number): number {
  const sorted = [...stored].sort((a, b) => a - b);
  let pairs = 0;
  for (const r of refused) {
    // The first stored time above r + margin: every one from there on was sent more than margin after r.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (sorted[mid] > r + marginMs) high = mid;
      else low = mid + 1;
    }
    pairs += sorted.length - low;
  }
  return pairs;
}

/** One crowd's burst as it ran: what was planned, and every answer. */
interface BurstRun {
  teamCount: number;
  label: string;
  challengeId: string;
  prepared: PlannedRequest[];
  teamOfKey: Map<string, string>;
  answers: BurstAnswer[];
  finishedMs: number;
  clock: { offsetMs: number; uncertaintyMs: number };
  openSockets: number[];
  senders: number;
}

/**
 * One crowd on a fresh challenge and fresh teams: `teamCount` teams submit over one second centred on
 * closesAt (closesAt is set to the database clock + 1 s once every sender has its sockets open).
 */
async function runBurst(ctx: BenchContext, server: Server, orgId: string, ownerId: string, teamCount: number): Promise<BurstRun> {
  const { pool } = ctx.db;
  const label = labelOf(teamCount);
  const tag = `p4-${teamCount}`;
  const teams: BenchTeam[] = await insertTeams(pool, teamCount, tag);
  const challengeId = await insertChallenge(pool, orgId, ownerId, `P4 高精度传感器芯片国产化 deadline burst, ${label}`);
  const path = `/api/challenges/${challengeId}/bids`;
  // Evenly over [closesAt - 0.5 s, closesAt + 0.5 s); the retry 0–5 ms after its original.
  const prepared: PlannedRequest[] = teams.map((team, i) => {
    const at = -SPREAD_MS / 2 + (i / teams.length) * SPREAD_MS;
    const key = `${tag}-${i}`;
    return {
      key,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken(team.leadId)}`, 'idempotency-key': key },
      body: bidBody(team, key),
      at: [at, at + Math.random() * 5],
    };
  });
  const teamOfKey = new Map(prepared.map((p, i) => [p.key, teams[i].teamId]));
  const senders = senderCount();
  const burst = await prepareBurst({ url: server.url, path, requests: prepared, senders, sockets: socketsFor(teamCount), warmPath: '/api/health' });
  try {
    // The deadline: now + 1 s by the database clock; the burst runs from closesAt - 0.5 s to closesAt + 0.5 s.
    // The database and the senders share the host's clock; the offset measured here covers a remote server too.
    const clock = await databaseClockOffset(pool, 5);
    const { rows } = await pool.query<{ closes_at: number }>(
      `UPDATE challenge SET closes_at = clock_timestamp() + interval '1 second' WHERE id = $1
       RETURNING (extract(epoch FROM closes_at) * 1000)::float8 AS closes_at`,
      [challengeId],
    );
    const closesAtLocal = rows[0].closes_at - clock.offsetMs;
    const answers = await burst.run(closesAtLocal);
    const finishedMs = burstClock() - closesAtLocal;
    return { teamCount, label, challengeId, prepared, teamOfKey, answers, finishedMs, clock, openSockets: burst.openSockets, senders };
  } finally {
    await burst.stop();
  }
}

/** A burst's rows (every metric prefixed with its crowd, "5,000 teams: …") and notes, from its answers and the database. */
async function analyse(ctx: BenchContext, run: BurstRun): Promise<{ rows: Row[]; notes: Notes }> {
  const { pool } = ctx.db;
  const { label, challengeId, prepared, teamOfKey, answers, finishedMs, clock, openSockets, senders } = run;
  const planned = prepared.reduce((sum, p) => sum + p.at.length, 0);
  if (answers.length !== planned) throw new Error(`P4 ${label}: ${answers.length} answers to ${planned} requests`);
  const byStatus: Record<string, number> = {};
  for (const a of answers) {
    const status = a.code ? `${a.status} ${a.code}` : String(a.status);
    byStatus[status] = (byStatus[status] ?? 0) + 1;
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
  const isStored = (key: string) => storedTeams.has(teamOfKey.get(key) ?? '');

  // Fairness by the database clock. Per key: its earliest send; a stored bid needs one before closesAt.
  const firstSent = new Map<string, number>();
  for (const a of sent) firstSent.set(a.key, Math.min(firstSent.get(a.key) ?? Number.POSITIVE_INFINITY, a.sentAt));
  const keysStored = prepared.map((p) => p.key).filter(isStored);
  // Stored although no request of the key went out before closesAt (must be 0).
  const storedSentAfter = keysStored.filter((key) => !((firstSent.get(key) ?? Number.POSITIVE_INFINITY) < 0)).length;
  // The same per request: sent at or after closesAt and answered by a fresh 2xx (the request that stored the bid).
  const freshAfter = sent.filter((a) => a.sentAt >= 0 && a.status >= 200 && a.status < 300 && !a.replayed).length;
  // Sent before closesAt but decided after it (queued behind the burst): the database clock decides, by design.
  const refusedInTime = sentBeforeClose.filter((a) => a.code === CLOSED_CODE);
  const sentBeforeButClosed = refusedInTime.length;
  const closedShare = sentBeforeClose.length > 0 ? (100 * sentBeforeButClosed) / sentBeforeClose.length : Number.NaN;
  const teamsInTime = [...firstSent.values()].filter((t) => t < 0).length;
  const teamsInTimeWithoutBid = [...firstSent.entries()].filter(([key, t]) => t < 0 && !isStored(key)).length;

  // First come, first served, per team by its original request's send (copy 0, by the database clock):
  // stored teams against refused-in-time teams (no bid, a request sent before closesAt refused as closed).
  const originalSent = new Map<string, number>();
  for (const a of sent) if (a.copy === 0) originalSent.set(a.key, a.sentAt);
  const refusedKeys = new Set(refusedInTime.map((a) => a.key).filter((key) => !isStored(key)));
  const storedTimes = keysStored.map((key) => originalSent.get(key)).filter((t): t is number => t !== undefined);
  const refusedTimes = [...refusedKeys].map((key) => originalSent.get(key)).filter((t): t is number => t !== undefined && t < 0);
  const inversions = orderInversions(storedTimes, refusedTimes, INVERSION_MARGIN_MS);
  const pairs = storedTimes.length * refusedTimes.length;
  const inversionShare = pairs > 0 ? (100 * inversions) / pairs : Number.NaN;
  const latestStoredSent = storedTimes.length ? Math.max(...storedTimes) : Number.NaN;
  const earliestRefusedSent = refusedInTime.length ? Math.min(...refusedInTime.map((a) => a.sentAt)) : Number.NaN;

  const stats = (values: number[]) => ({
    p50: round(percentile(values, 50)),
    p99: round(percentile(values, 99)),
    max: round(values.length ? Math.max(...values) : Number.NaN),
  });
  const sendLateness = stats(lateness);
  ctx.log(
    `P4 ${label}: ${senders} senders, ${openSockets.reduce((a, b) => a + b, 0)} sockets; ${onTime} of ${planned} sent within ±${ON_TIME_MS} ms ` +
      `(issued: ${issuedOnTime}), lateness p50 ${sendLateness.p50} / p99 ${sendLateness.p99} / max ${sendLateness.max} ms; ` +
      `${sentBeforeClose.length} sent before closesAt (${plannedBeforeClose} planned), ${sentBeforeButClosed} of them refused as closed`,
  );
  ctx.log(
    `P4 ${label}: ${answers.length} answers by closesAt + ${(finishedMs / 1000).toFixed(1)} s: ${JSON.stringify(byStatus)}; ` +
      `stored ${stored}, late ${late}, stored without a send in time ${storedSentAfter}`,
  );
  ctx.log(
    `P4 ${label}: ${inversions} order inversions in ${storedTimes.length} stored × ${refusedTimes.length} refused in time; ` +
      `latest stored sent at ${msText(latestStoredSent)}, earliest refused in time sent at ${msText(earliestRefusedSent)} (from closesAt)`,
  );
  if (storedSentAfter > 0 || freshAfter > 0) {
    ctx.log(`P4 ${label}: FAIRNESS VIOLATION: ${storedSentAfter} bids stored without a request sent before closesAt, ${freshAfter} fresh 2xx to requests sent after it`);
  }

  const part = 'P4 deadline';
  const row = (metric: string, unit: string, ours: number, check?: { target: string; pass?: boolean }): Row => ({ part, metric: `${label}: ${metric}`, unit, ours, ...check });
  const rows: Row[] = [
    row('bids stored after closesAt', '', late, { target: '= 0', pass: late === 0 }),
    row('duplicate bids (same team)', '', duplicates + extraRevisions, { target: '= 0', pass: duplicates + extraRevisions === 0 }),
    row('5xx answers', '', serverErrors, { target: '= 0', pass: serverErrors === 0 }),
    row('connections failed', '', connectionFailures, { target: '= 0', pass: connectionFailures === 0 }),
    row('stored − keys answered 2xx', '', stored - keys2xx.size, { target: '= 0', pass: stored === keys2xx.size }),
    row('bids stored', '', stored),
    // The rows below carry no pass/fail: test/bench-smoke.e2e-spec.ts pins the set of checked P4 rows to the five above.
    // A non-zero "stored without a send before closesAt" is logged and in the notes as a violation.
    row('stored without a send before closesAt (DB clock)', '', storedSentAfter, { target: '= 0' }),
    row(`sent before closesAt, refused ${CLOSED_CODE}`, '', sentBeforeButClosed),
    row(`sent before closesAt, refused ${CLOSED_CODE}, share`, '%', closedShare),
    // First come, first served: pairs (stored, refused in time) where the refused team's original went out > 50 ms earlier.
    row(`order inversions (refused sent > ${INVERSION_MARGIN_MS} ms before a stored)`, '', inversions, { target: '≈ 0' }),
    row('order inversions, share of stored × refused-in-time pairs', '%', inversionShare),
    row('latest send of a stored bid, from closesAt', 'ms', round(latestStoredSent)),
    row(`earliest send refused ${CLOSED_CODE}, from closesAt`, 'ms', round(earliestRefusedSent)),
    // Issued = handed to http.request by the sender's timer; sent = written to a socket, which waits while all of them have a request in flight.
    row(`issued within ±${ON_TIME_MS} ms of plan`, '%', (100 * issuedOnTime) / planned),
    row(`sent within ±${ON_TIME_MS} ms of plan`, '%', (100 * onTime) / planned),
    row('send lateness p50', 'ms', sendLateness.p50),
    row('send lateness p99', 'ms', sendLateness.p99),
    row('send lateness max', 'ms', sendLateness.max),
    row('sent before closesAt', '', sentBeforeClose.length),
    row('planned before closesAt', '', plannedBeforeClose),
  ];
  const answeredAt = answers.map((a) => a.answeredAt);
  const notes: Notes = {
    teams: run.teamCount,
    requests: answers.length,
    spreadMs: SPREAD_MS,
    senders,
    socketsPerSender: openSockets,
    databaseClockOffsetMs: round(clock.offsetMs, 3),
    databaseClockUncertaintyMs: round(clock.uncertaintyMs, 3),
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
    orderInversions: inversions,
    orderInversionPairs: pairs,
    orderInversionStoredTeams: storedTimes.length,
    orderInversionRefusedTeams: refusedTimes.length,
    orderInversionShare: round(inversionShare, 4),
    latestStoredSentMs: round(latestStoredSent),
    earliestRefusedInTimeSentMs: round(earliestRefusedSent),
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
  };
  return { rows, notes };
}

/**
 * P4: bid submissions in one second centred on closesAt, in two crowds one after the other on one
 * platform, each on a challenge and teams of its own: 500 teams (a real deadline crowd) and the
 * issue's 5,000. Each team's request is sent twice with the same Idempotency-Key (the copy 0–5 ms
 * later, as a client retrying on a flaky network would), from `senderCount()` processes
 * (support/burst.ts) over one keep-alive socket per request, opened before the burst.
 * Reported per crowd: how on time the requests actually went out (written to the socket; a request
 * waits in its sender's agent while every socket has a request in flight), then the database is
 * asked: bids received at or after closesAt, active bids per team beyond one, revisions beyond the
 * first, whether the bids stored are exactly the keys answered 2xx, whether any bid got in without a
 * request sent before closesAt (by the database clock), how many requests sent in time were refused
 * as closed, and whether they were decided first come, first served (order inversions).
 */
export async function benchDeadline(ctx: BenchContext): Promise<PartResult> {
  const { pool } = ctx.db;
  const owners = await insertUsers(pool, 1, 'p4-owner');
  const orgId = await insertEnterprise(pool, owners);

  const server = await startPlatform(ctx.db.url, { logLevel: 'warn' });
  const runs: BurstRun[] = [];
  try {
    // Warm the platform's code paths and pool on another challenge first (over sockets of its own, closed before the bursts).
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
    for (const teams of scenarioTeams(ctx.smoke)) runs.push(await runBurst(ctx, server, orgId, owners[0].id, teams));
  } finally {
    await server.stop();
  }

  const rows: Row[] = [];
  const scenarios: Notes[] = [];
  for (const run of runs) {
    const result = await analyse(ctx, run);
    rows.push(...result.rows);
    scenarios.push(result.notes);
  }
  return {
    rows,
    notes: {
      scenarios,
      runOrder: runs.map((r) => r.label),
      platform: 'started once for every scenario, warmed up once before the first',
      sendersChosenFrom: 'min(4, max(2, os.availableParallelism()))',
      onTimeMs: ON_TIME_MS,
      orderInversionMarginMs: INVERSION_MARGIN_MS,
      orderInversionDefinition:
        'pairs (stored team S, refused-in-time team R) with R original request sent > margin before S original request (sentAt of copy 0, DB clock); ' +
        'refused in time = no bid stored and a request sent before closesAt answered 409 ' +
        CLOSED_CODE,
      sentDefinition: "last byte of the request handed to the kernel (ClientRequest 'finish'); issued = http.request called",
    },
  };
}
