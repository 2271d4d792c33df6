import { Agent, request } from 'node:http';
import type { BenchContext, PartResult } from './support/context';
import { bidBody, insertChallenge, insertEnterprise, insertTeams, insertUsers } from './support/fixtures';
import { startPlatform } from './support/processes';
import type { Row } from './support/report';
import { sleep } from './support/stats';
import { accessToken } from './support/tokens';

interface Answer extends Reply {
  key: string;
  /** Answered at, in ms relative to closesAt. */
  answeredAt: number;
  /** Sent at, in ms relative to closesAt by the database clock. */
  sentAt: number;
}

interface Reply {
  status: number;
  /** The error code of a 4xx/5xx answer. */
  code: string | null;
  replayed: boolean;
}

/** A POST over the agent's keep-alive sockets; status 0 when the connection failed. */
function post(agent: Agent, url: URL, path: string, headers: Record<string, string>, body: string): Promise<Reply> {
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
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ status: 0, code: `CONNECTION_${error.code ?? 'FAILED'}`, replayed: false }));
    req.end(body);
  });
}

/**
 * P4: 5,000 teams submit in one second centred on closesAt, each request sent twice with the same
 * Idempotency-Key (the copy a few milliseconds later, as a client retrying on a flaky network would),
 * over up to 500 keep-alive sockets.
 * Then the database is asked: bids received at or after closesAt, active bids per team beyond one,
 * revisions beyond the first, and whether the bids stored are exactly the keys answered 2xx.
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
  const prepared = teams.map((team, i) => ({
    key: `p4-${i}`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken(team.leadId)}`, 'idempotency-key': `p4-${i}` },
    body: bidBody(team, `p4-${i}`),
  }));

  const server = await startPlatform(ctx.db.url, { logLevel: 'warn' });
  // 500 sockets: below the server's listen backlog (511), so a burst of connects is not refused by the kernel.
  const agent = new Agent({ keepAlive: true, maxSockets: 500 });
  let answers: Answer[];
  let finishedMs: number;
  try {
    // Warm the platform's code paths and pool on another challenge first.
    const warmChallenge = await insertChallenge(pool, orgId, owners[0].id, 'P4 warm-up');
    const warmTeams = await insertTeams(pool, ctx.smoke ? 10 : 50, 'p4-warmup');
    await Promise.all(
      warmTeams.map((team, i) =>
        post(agent, new URL(server.url), `/api/challenges/${warmChallenge}/bids`, { 'content-type': 'application/json', authorization: `Bearer ${accessToken(team.leadId)}` }, bidBody(team, `w${i}`)),
      ),
    );
    // The deadline: now + 1 s by the database clock; the burst runs from closesAt - 0.5 s to closesAt + 0.5 s.
    // The database and this process share the host's clock; the offset measured here covers a remote server too.
    const before = Date.now();
    const { rows } = await pool.query<{ closes_at: Date; now: Date }>(
      `UPDATE challenge SET closes_at = clock_timestamp() + interval '1 second' WHERE id = $1 RETURNING closes_at, clock_timestamp() AS now`,
      [challengeId],
    );
    const offset = rows[0].now.getTime() - (before + Date.now()) / 2;
    const closesAtLocal = rows[0].closes_at.getTime() - offset;
    const url = new URL(server.url);
    const burstStart = closesAtLocal - spreadMs / 2;
    const sends: Promise<Answer>[] = [];
    const order = prepared.map((p, i) => ({ p, at: burstStart + (i / prepared.length) * spreadMs }));
    await sleep(Math.max(0, burstStart - Date.now()));
    for (const { p, at } of order) {
      const wait = at - Date.now();
      if (wait > 1) await sleep(wait);
      const send = () => {
        const sentAt = Date.now() - closesAtLocal;
        return post(agent, url, path, p.headers, p.body).then((reply) => ({ ...reply, key: p.key, sentAt, answeredAt: Date.now() - closesAtLocal }));
      };
      sends.push(send(), sleep(Math.random() * 5).then(send));
    }
    answers = await Promise.all(sends);
    finishedMs = Date.now() - closesAtLocal;
  } finally {
    agent.destroy();
    await server.stop();
  }

  const byStatus: Record<string, number> = {};
  for (const a of answers) {
    const label = a.code ? `${a.status} ${a.code}` : String(a.status);
    byStatus[label] = (byStatus[label] ?? 0) + 1;
  }
  const keys2xx = new Set(answers.filter((a) => a.status >= 200 && a.status < 300).map((a) => a.key));
  const count = async (sql: string): Promise<number> => (await pool.query<{ n: number }>(sql, [challengeId])).rows[0].n;
  const stored = await count('SELECT count(*)::int AS n FROM bid WHERE challenge_id = $1');
  const late = await count('SELECT count(*)::int AS n FROM bid b JOIN challenge c ON c.id = b.challenge_id WHERE b.challenge_id = $1 AND b.received_at >= c.closes_at');
  const duplicates = await count(
    `SELECT coalesce(sum(n - 1), 0)::int AS n FROM (SELECT count(*) AS n FROM bid WHERE challenge_id = $1 GROUP BY team_id) per_team`,
  );
  const extraRevisions = await count('SELECT count(*)::int AS n FROM bid_revision r JOIN bid b ON b.id = r.bid_id WHERE b.challenge_id = $1 AND r.revision > 1');
  const serverErrors = answers.filter((a) => a.status >= 500).length;
  const connectionFailures = answers.filter((a) => a.status === 0).length;
  const sentBeforeClose = answers.filter((a) => a.sentAt < 0);
  // Sent before the deadline but decided after it (queued behind the burst): the database clock decides, by design.
  const sentBeforeButClosed = sentBeforeClose.filter((a) => a.code === 'BID_WINDOW_CLOSED').length;
  ctx.log(`P4: ${answers.length} answers by closesAt + ${(finishedMs / 1000).toFixed(1)} s: ${JSON.stringify(byStatus)}; stored ${stored}, late ${late}`);

  const rows: Row[] = [
    { part: 'P4 deadline', metric: 'bids stored after closesAt', unit: '', ours: late, target: '= 0', pass: late === 0 },
    { part: 'P4 deadline', metric: 'duplicate bids (same team)', unit: '', ours: duplicates + extraRevisions, target: '= 0', pass: duplicates + extraRevisions === 0 },
    { part: 'P4 deadline', metric: '5xx answers', unit: '', ours: serverErrors, target: '= 0', pass: serverErrors === 0 },
    { part: 'P4 deadline', metric: 'connections failed', unit: '', ours: connectionFailures, target: '= 0', pass: connectionFailures === 0 },
    { part: 'P4 deadline', metric: 'stored − keys answered 2xx', unit: '', ours: stored - keys2xx.size, target: '= 0', pass: stored === keys2xx.size },
    { part: 'P4 deadline', metric: 'bids stored', unit: '', ours: stored },
  ];
  return {
    rows,
    notes: {
      teams: teamCount,
      requests: answers.length,
      spreadMs,
      sentBeforeClose: sentBeforeClose.length,
      lastSentAfterCloseMs: Math.max(...answers.map((a) => a.sentAt)),
      sentBeforeButClosed,
      statuses: byStatus,
      replayed: answers.filter((a) => a.replayed).length,
      firstAnswerAfterCloseMs: Math.min(...answers.map((a) => a.answeredAt)),
      lastAnswerAfterCloseMs: finishedMs,
      stored,
      keysAnswered2xx: keys2xx.size,
      late,
      duplicates,
      extraRevisions,
    },
  };
}
