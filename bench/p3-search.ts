import { Agent, get } from 'node:http';
import { Client } from 'pg';
import type { BenchContext, PartResult } from './support/context';
import { insertEnterprise, insertUsers } from './support/fixtures';
import { startPlatform } from './support/processes';
import type { Row } from './support/report';
import { percentile } from './support/stats';

const PAGE_SIZE = 20;

/** Words the generated titles and summaries are made of: Chinese and English, as on the real list. */
const ZH = ['高精度', '传感器', '芯片', '国产化', '高原', '缺陷检测', '锂电池', '储能', '光伏', '智能制造', '工业互联网', '生物医药', '新材料', '稀土', '茶叶', '种植', '冷链', '无人机', '边缘计算', '大模型'];
const EN = ['High-Precision', 'Pressure', 'Sensor', 'Chip', 'Localisation', 'Plateau', 'Defect', 'Detection', 'Lithium', 'Battery', 'Storage', 'Solar', 'Smart', 'Manufacturing', 'Industrial', 'Internet', 'Biomedicine', 'Materials', 'Drone', 'Edge'];
const FIELDS = ['DIGITAL_ECONOMY', 'ADVANCED_MANUFACTURING', 'BIOMEDICINE', 'NEW_MATERIALS', 'GREEN_ENERGY', 'PLATEAU_AGRICULTURE', 'OTHER'];
const PUBLIC_STATUSES = ['PUBLISHED', 'CLOSED', 'EVALUATING', 'AWARDED', 'IN_DELIVERY', 'COMPLETED', 'FAILED'];

/**
 * `count` challenges in one statement: half with Chinese titles, half English, words picked by
 * cheap hashes of the row number so every word appears in about one title in seven; summaries mix
 * both languages; seven industry fields; mostly published, some closed, awarded, cancelled or drafts;
 * created one per 10 s going back in time.
 */
async function generateChallenges(ctx: BenchContext, orgId: string, createdBy: string, count: number): Promise<void> {
  // Rows of one language are every other g, so the word index steps with g / 2.
  const pick = (words: string[], multiplier: number, offset: number) =>
    `(${words === ZH ? '$1' : '$2'}::text[])[1 + ((g / 2 * ${multiplier} + ${offset}) % ${words.length})]`;
  await ctx.db.pool.query(
    `INSERT INTO challenge (org_id, created_by, status, title, summary, detail, industry_field, tags, indicators, reward_fen,
                            opens_at, closes_at, eligibility, ip_terms, nda_required, rubric, published_at, created_at)
     SELECT $3, $4,
            (ARRAY['PUBLISHED','PUBLISHED','PUBLISHED','PUBLISHED','CLOSED','AWARDED','CANCELLED','DRAFT'])[1 + g % 8],
            CASE WHEN g % 2 = 0
                 THEN ${pick(ZH, 7, 0)} || ${pick(ZH, 11, 3)} || ${pick(ZH, 13, 5)} || '项目 ' || g
                 ELSE ${pick(EN, 7, 0)} || ' ' || ${pick(EN, 11, 3)} || ' ' || ${pick(EN, 13, 5)} || ' project ' || g END,
            '面向' || ${pick(ZH, 17, 1)} || '的' || ${pick(ZH, 19, 2)} || '攻关 — ' || ${pick(EN, 17, 4)} || ' ' || ${pick(EN, 23, 6)} || ' for industry, '
              || md5(g::text),
            'detail ' || g, ($5::text[])[1 + g % 7], ARRAY[${pick(ZH, 29, 7)}],
            '[{"name":"精度","target":"≤ 0.1","unit":"%","measurement":"third-party test"}]', 1000000 + g * 100,
            now() - interval '30 days', now() + ((g % 60) - 10) * interval '1 day', 'OPEN', 'TRANSFER', false,
            '[{"key":"tech","name":"技术方案","description":"","weight":100,"maxScore":100}]',
            CASE WHEN g % 8 = 7 THEN NULL ELSE now() - interval '30 days' END,
            now() - g * interval '10 seconds'
       FROM generate_series(1, $6::int) AS g`,
    [ZH, EN, orgId, createdBy, FIELDS, count],
  );
  await ctx.db.pool.query('VACUUM ANALYZE challenge');
  await ctx.db.pool.query('ANALYZE organisation');
}

interface Search {
  name: string;
  q: string;
  field: string;
  /** Pages walked (with nextCursor) before the measured one: 0 is the first page. */
  depth: number;
}

/** What buildListQuery asks for an anonymous reader with q, field and an optional cursor, written without the filters that are off (they fold away in its plan). */
function listQuery(search: Search, cursor: [string, string] | null): { sql: string; parameters: unknown[] } {
  const pattern = `%${search.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const parameters: unknown[] = [PUBLIC_STATUSES, [], [], [], pattern, search.field];
  const cursorCondition = cursor ? `\n   AND (c.created_at, c.id) < ($7::timestamptz, $8::uuid)` : '';
  if (cursor) parameters.push(...cursor);
  parameters.push(PAGE_SIZE + 1);
  const sql = `SELECT c.id, c.org_id, o.name AS org_name, CASE WHEN c.status = 'PUBLISHED' AND c.closes_at <= now() THEN 'CLOSED' ELSE c.status END AS status, c.version, c.title, c.summary,
       c.industry_field, c.tags, c.reward_fen, c.winners, c.opens_at, c.closes_at, c.eligibility, c.ip_terms,
       c.nda_required, c.published_at, c.created_at,
       to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
  FROM challenge c JOIN organisation o ON o.id = c.org_id
 WHERE (c.status = ANY($1::text[]) OR (c.status = 'CANCELLED' AND c.published_at IS NOT NULL))
   AND (c.eligibility = 'OPEN' OR c.org_id = ANY($2::uuid[]) OR c.invited_team_ids && $3::uuid[] OR c.invited_org_ids && $4::uuid[])
   AND (c.title ILIKE $5 OR c.summary ILIKE $5)
   AND c.industry_field = $6${cursorCondition}
 ORDER BY c.created_at DESC, c.id DESC
 LIMIT $${parameters.length}`;
  return { sql, parameters };
}

interface Page {
  items: { id: string }[];
  nextCursor: string | null;
}

function getJson(agent: Agent, url: string): Promise<Page> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(text) as Page) : reject(new Error(`${res.statusCode} ${text.slice(0, 300)}`))));
    }).on('error', reject);
  });
}

async function timed(iterations: number, run: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const started = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples;
}

/**
 * P3: GET /api/challenges?q=&field= (anonymous, 20 per page) on 100,000 challenges, the first page
 * and a deep page reached by walking nextCursor, one request at a time over a keep-alive
 * connection, against the same statement sent over one pg connection. Each side is measured in
 * turns of 1/5 of the iterations, alternating, so drift in the machine's load hits both alike.
 */
export async function benchSearch(ctx: BenchContext): Promise<PartResult> {
  const count = ctx.smoke ? 2_000 : 100_000;
  const iterations = ctx.smoke ? 20 : 200;
  const owners = await insertUsers(ctx.db.pool, 1, 'p3-owner');
  const orgId = await insertEnterprise(ctx.db.pool, owners);
  let started = Date.now();
  await generateChallenges(ctx, orgId, owners[0].id, count);
  ctx.log(`P3: ${count} challenges generated and analysed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const searches: Search[] = [
    { name: 'q=传感器 field, first page', q: '传感器', field: 'ADVANCED_MANUFACTURING', depth: 0 },
    { name: `q=传感器 field, page ${ctx.smoke ? 2 : 20}`, q: '传感器', field: 'ADVANCED_MANUFACTURING', depth: ctx.smoke ? 1 : 19 },
    { name: 'q=sensor field, first page', q: 'sensor', field: 'GREEN_ENERGY', depth: 0 },
    { name: `q=sensor field, page ${ctx.smoke ? 2 : 20}`, q: 'sensor', field: 'GREEN_ENERGY', depth: ctx.smoke ? 1 : 19 },
  ];
  const server = await startPlatform(ctx.db.url, { logLevel: 'warn' });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const client = new Client({ connectionString: ctx.db.url, options: '-c timezone=UTC' });
  await client.connect();
  const rows: Row[] = [];
  const plans: Record<string, string> = {};
  const measured: Record<string, { ours: number[]; bare: number[]; matches: boolean }> = {};
  try {
    for (const search of searches) {
      const base = `${server.url}/api/challenges?q=${encodeURIComponent(search.q)}&field=${search.field}&limit=${PAGE_SIZE}`;
      let cursor: string | null = null;
      for (let page = 0; page < search.depth; page += 1) {
        cursor = (await getJson(agent, `${base}${cursor ? `&cursor=${cursor}` : ''}`)).nextCursor;
        if (!cursor) throw new Error(`P3 ${search.name}: the list ends after ${page + 1} pages`);
      }
      const url = `${base}${cursor ? `&cursor=${cursor}` : ''}`;
      const decoded = cursor ? (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string]) : null;
      const { sql, parameters } = listQuery(search, decoded);
      // The same rows both ways, or the comparison is not of the same work.
      const page = await getJson(agent, url);
      const direct = await client.query<{ id: string }>(sql, parameters);
      const matches = page.items.map((i) => i.id).join() === direct.rows.slice(0, PAGE_SIZE).map((r) => r.id).join();
      if (!matches || page.items.length === 0) throw new Error(`P3 ${search.name}: the API and the SQL disagree or find nothing`);
      const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, parameters);
      plans[search.name] = plan.rows.map((r) => r['QUERY PLAN']).join('\n');

      const ours: number[] = [];
      const bare: number[] = [];
      started = Date.now();
      await timed(Math.ceil(iterations / 10), () => getJson(agent, url));
      await timed(Math.ceil(iterations / 10), () => client.query(sql, parameters));
      for (let turn = 0; turn < 5; turn += 1) {
        ours.push(...(await timed(iterations / 5, () => getJson(agent, url))));
        bare.push(...(await timed(iterations / 5, () => client.query(sql, parameters))));
      }
      measured[search.name] = { ours, bare, matches };
      const p95 = percentile(ours, 95);
      const bareP95 = percentile(bare, 95);
      ctx.log(`P3 ${search.name}: p95 ${p95.toFixed(2)} ms vs SQL ${bareP95.toFixed(2)} ms (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      rows.push({
        part: 'P3 search',
        metric: `${search.name} p95`,
        unit: 'ms',
        ours: p95,
        baseline: bareP95,
        ratio: p95 / bareP95,
        target: '≤ 2.0',
        pass: p95 / bareP95 <= 2,
      });
    }
  } finally {
    agent.destroy();
    await client.end();
    await server.stop();
  }
  return {
    rows,
    notes: {
      challenges: count,
      iterations,
      pageSize: PAGE_SIZE,
      reader: 'anonymous',
      latencies: Object.fromEntries(
        Object.entries(measured).map(([name, m]) => [
          name,
          { oursP50: percentile(m.ours, 50), oursP95: percentile(m.ours, 95), sqlP50: percentile(m.bare, 50), sqlP95: percentile(m.bare, 95) },
        ]),
      ),
      plans,
    },
  };
}
