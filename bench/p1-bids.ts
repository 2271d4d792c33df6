import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, PartResult } from './support/context';
import { bidBody, insertChallenge, insertEnterprise, insertTeams, insertUsers } from './support/fixtures';
import { load, type LoadRequest, type LoadResult, type Until } from './support/http';
import { type Server, startPlatform, startServer } from './support/processes';
import type { Row } from './support/report';
import { accessToken } from './support/tokens';

/** The pool size of both servers (the platform's default DATABASE_POOL_SIZE) and the load's connections: twice the pool. */
export const POOL_SIZE = 20;
const CONNECTIONS = 2 * POOL_SIZE;

interface Target {
  name: string;
  start(): Promise<Server>;
}

/**
 * P1: authenticated first submissions of a bid, each from another team, with an Idempotency-Key
 * as the web client sends it, against the platform and against the bare Fastify + pg baseline.
 * Each server gets a warm-up, then a timed run on a fresh challenge; two rounds in the order
 * ours, baseline, baseline, ours, and each side's better round is reported (other load on the
 * machine only ever makes a run slower). A last run measures the platform at LOG_LEVEL=info.
 */
export async function benchBids(ctx: BenchContext): Promise<PartResult> {
  const { pool } = ctx.db;
  // A smoke run sends a few requests instead of loading for seconds.
  const warmup: Until = ctx.smoke ? { amount: CONNECTIONS } : { seconds: 5 };
  const measured: Until = ctx.smoke ? { amount: 100 } : { seconds: ctx.duration };
  const owners = await insertUsers(pool, 1, 'p1-owner');
  const orgId = await insertEnterprise(pool, owners);
  // More teams than any run can use: every request of a run is a different team's first bid.
  const teams = await insertTeams(pool, ctx.smoke ? 1_000 : 30_000, 'p1');
  const tokens = new Map(teams.map((t) => [t.teamId, accessToken(t.leadId)]));
  ctx.log(`P1: ${teams.length} teams ready; warm-up ${JSON.stringify(warmup)}, then ${JSON.stringify(measured)} per run, ${CONNECTIONS} connections`);

  /** One request per team on a fresh challenge: no request can meet the one-bid-per-team index. */
  let challenges = 0;
  const requests = async (): Promise<LoadRequest[]> => {
    challenges += 1;
    const challengeId = await insertChallenge(pool, orgId, owners[0].id, `P1 ${challenges}`);
    return teams.map((team, i) => ({
      path: `/api/challenges/${challengeId}/bids`,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${tokens.get(team.teamId)}`,
        'idempotency-key': `p1-${challenges}-${i}`,
      },
      body: bidBody(team, `${challenges}-${i}`),
    }));
  };

  type Run = LoadResult & { cpuMsPerRequest: number; loadAverage: number };
  const run = async (target: Target): Promise<Run> => {
    const warm = await requests();
    const timed = await requests();
    await pool.query('VACUUM ANALYZE bid, bid_revision, idempotency_key, outbox_event');
    const server = await target.start();
    try {
      const warmResult = await load(server.url, 'POST', warm, CONNECTIONS, warmup);
      if (warmResult.ok === 0 || warmResult.non2xx + warmResult.errors > 0) throw new Error(`P1 ${target.name} warm-up failed: ${warmResult.firstFailure}\n${server.output()}`);
      const cpuBefore = server.cpuSeconds() ?? Number.NaN;
      const result = await load(server.url, 'POST', timed, CONNECTIONS, measured);
      const cpuMsPerRequest = (((server.cpuSeconds() ?? Number.NaN) - cpuBefore) * 1000) / result.requests;
      if (result.ok === 0 || result.non2xx + result.errors > 0) throw new Error(`P1 ${target.name} failed: ${result.firstFailure}\n${server.output()}`);
      const loadAverage = loadavg()[0];
      ctx.log(
        `P1 ${target.name}: ${result.reqPerSec.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
          `${cpuMsPerRequest.toFixed(2)} ms server CPU per request (load average ${loadAverage.toFixed(1)})`,
      );
      return { ...result, cpuMsPerRequest, loadAverage };
    } finally {
      await server.stop();
    }
  };

  const platform = (logLevel: string): Target => ({
    name: `ours (LOG_LEVEL=${logLevel})`,
    start: () => startPlatform(ctx.db.url, { logLevel, env: { DATABASE_POOL_SIZE: String(POOL_SIZE) } }),
  });
  const baseline: Target = {
    name: 'baseline',
    start: () =>
      startServer(join('bench', 'baseline', 'bids-server.js'), {
        readyPath: '/api/health/ready',
        env: { NODE_ENV: 'production', DATABASE_URL: ctx.db.url, DATABASE_POOL_SIZE: String(POOL_SIZE) },
      }),
  };
  const rounds = ctx.smoke ? 1 : 2;
  const oursRuns: Run[] = [];
  const bareRuns: Run[] = [];
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      oursRuns.push(await run(platform('warn')));
      bareRuns.push(await run(baseline));
    } else {
      bareRuns.push(await run(baseline));
      oursRuns.push(await run(platform('warn')));
    }
  }
  // Every request logged at info (pino to a file): what the default LOG_LEVEL costs, for the record (not in a smoke run).
  const info = ctx.smoke ? null : await run(platform('info'));
  const best = (runs: Run[]) => runs.reduce((a, b) => (b.reqPerSec > a.reqPerSec ? b : a));
  const ours = best(oursRuns);
  const bare = best(bareRuns);

  const rows: Row[] = [
    {
      part: 'P1 bids',
      metric: 'throughput',
      unit: 'req/s',
      ours: ours.reqPerSec,
      baseline: bare.reqPerSec,
      ratio: ours.reqPerSec / bare.reqPerSec,
      target: '≥ 0.70',
      pass: ours.reqPerSec / bare.reqPerSec >= 0.7,
    },
    { part: 'P1 bids', metric: 'p50', unit: 'ms', ours: ours.p50, baseline: bare.p50, ratio: ours.p50 / bare.p50 },
    { part: 'P1 bids', metric: 'p99', unit: 'ms', ours: ours.p99, baseline: bare.p99, ratio: ours.p99 / bare.p99, target: '≤ 1.5', pass: ours.p99 / bare.p99 <= 1.5 },
    {
      part: 'P1 bids',
      metric: 'server CPU per request',
      unit: 'ms',
      ours: ours.cpuMsPerRequest,
      baseline: bare.cpuMsPerRequest,
      ratio: ours.cpuMsPerRequest / bare.cpuMsPerRequest,
    },
  ];
  if (info) {
    rows.push(
      { part: 'P1 bids', metric: 'throughput, LOG_LEVEL=info', unit: 'req/s', ours: info.reqPerSec, baseline: bare.reqPerSec, ratio: info.reqPerSec / bare.reqPerSec },
      { part: 'P1 bids', metric: 'p99, LOG_LEVEL=info', unit: 'ms', ours: info.p99, baseline: bare.p99, ratio: info.p99 / bare.p99 },
    );
  }
  return {
    rows,
    notes: { connections: CONNECTIONS, poolSize: POOL_SIZE, warmup, measured, rounds: { ours: oursRuns, baseline: bareRuns }, oursLogInfo: info },
  };
}
