import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { startTestApp, TestApp } from '../../../../test/support/app';
import { challengeInput, createChallenge, createPublishedChallenge, ChallengeInput } from '../../../../test/support/challenges';
import { loginAdmin, register, registerEnterprise, TestUser } from '../../../../test/support/users';
import { ChallengesAppModule } from '../challenges-app.module';
import { buildListQuery, ListFilters, ListScope } from './challenge-search.repository';

jest.setTimeout(60_000);

const DAY_MS = 24 * 3_600_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

interface Page {
  items: { id: string; title: string; status: string }[];
  nextCursor: string | null;
}

describe('searching the list (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  let owner: TestUser & { orgId: string };
  let solver: TestUser;
  /** A word only this file's challenges carry, so that the assertions see nothing else. */
  const marker = `m${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    t = await startTestApp({ module: (context) => ChallengesAppModule.forRoot(context) });
    admin = await loginAdmin(t);
    owner = await registerEnterprise(t, admin);
    solver = await register(t, 'solver');
  });
  afterAll(() => t.close());

  const list = async (query: Record<string, string | number | boolean>, user?: TestUser): Promise<Page> => {
    const req = t.http().get('/api/challenges').query(query);
    const res = await (user ? req.set(user.auth) : req).expect(200);
    return res.body as Page;
  };
  const titles = (page: Page) => page.items.map((c) => c.title).sort();

  describe('by text, in Chinese and English', () => {
    const posted: Partial<ChallengeInput>[] = [
      { title: `高精度传感器芯片国产化 ${marker}`, summary: '面向工业物联网的 MEMS 压力传感器芯片' },
      { title: `High-Precision Pressure Sensor Chip ${marker}`, summary: 'A MEMS pressure sensor for harsh environments' },
      { title: `锂电池热管理系统 ${marker}`, summary: '高原低温环境下的电池热管理与安全预警', industryField: 'GREEN_ENERGY', tags: ['电池'], rewardFen: 120_000_000 },
      { title: `废旧动力电池 100% 回收工艺 ${marker}`, summary: 'Recycling_of_batteries at 100% yield', industryField: 'NEW_MATERIALS', tags: ['电池', '回收'], rewardFen: 8_000_000 },
    ];

    beforeAll(async () => {
      for (const input of posted) await createPublishedChallenge(t, owner, admin, input);
      // A draft with the same words is nobody's search result but its owner's (with mine=true).
      await createChallenge(t, owner, { title: `传感器草稿 sensor draft ${marker}` });
    });

    it.each<[string, string[]]>([
      ['传感器', [`高精度传感器芯片国产化 ${marker}`]],
      ['芯片', [`高精度传感器芯片国产化 ${marker}`]],
      ['热管理', [`锂电池热管理系统 ${marker}`]],
      ['高原低温', [`锂电池热管理系统 ${marker}`]],
      ['电池', [`废旧动力电池 100% 回收工艺 ${marker}`, `锂电池热管理系统 ${marker}`]],
      ['sensor', [`High-Precision Pressure Sensor Chip ${marker}`]],
      ['PRESSURE SENSOR', [`High-Precision Pressure Sensor Chip ${marker}`]],
      ['mems', [`High-Precision Pressure Sensor Chip ${marker}`, `高精度传感器芯片国产化 ${marker}`]],
      ['100%', [`废旧动力电池 100% 回收工艺 ${marker}`]],
      ['ing_of', [`废旧动力电池 100% 回收工艺 ${marker}`]],
      ['ing%of', []],
      ['量子计算', []],
    ])('q=%s finds the substring in titles and summaries, nothing else', async (q, expected) => {
      const page = await list({ q, limit: 100 });
      expect(titles(page).filter((title) => title.endsWith(marker))).toEqual([...expected].sort());
    });

    it('combines text with the industry field, tag, reward range, deadline and status', async () => {
      expect(titles(await list({ q: marker, field: 'GREEN_ENERGY' }))).toEqual([`锂电池热管理系统 ${marker}`]);
      expect(titles(await list({ q: marker, tag: '回收' }))).toEqual([`废旧动力电池 100% 回收工艺 ${marker}`]);
      expect(titles(await list({ q: marker, rewardMin: 100_000_000 }))).toEqual([`锂电池热管理系统 ${marker}`]);
      expect(titles(await list({ q: marker, rewardMax: 10_000_000 }))).toEqual([`废旧动力电池 100% 回收工艺 ${marker}`]);
      expect(titles(await list({ q: marker, rewardMin: 50_000_000, rewardMax: 50_000_000 }))).toHaveLength(2);
      expect(titles(await list({ q: marker, closesBefore: inDays(1) }))).toEqual([]);
      expect(titles(await list({ q: marker, closesBefore: inDays(8) }))).toHaveLength(4);
      expect(titles(await list({ q: marker, status: 'PUBLISHED' }))).toHaveLength(4);
      expect(titles(await list({ q: marker, status: 'DRAFT' }))).toEqual([]);
    });

    it("lists drafts only to their own organisation (mine=true) and the bureau's status filter", async () => {
      expect(titles(await list({ q: '草稿' }, solver))).toEqual([]);
      expect(titles(await list({ q: '草稿' }, owner))).toEqual([]);
      expect(titles(await list({ q: '草稿', mine: true }, owner))).toEqual([`传感器草稿 sensor draft ${marker}`]);
      expect(titles(await list({ q: '草稿', mine: true }, solver))).toEqual([]);
      expect(titles(await list({ q: '草稿', status: 'DRAFT' }, admin))).toEqual([`传感器草稿 sensor draft ${marker}`]);
      expect(titles(await list({ q: '草稿', status: 'DRAFT' }, solver))).toEqual([]);
      expect(titles(await list({ q: marker, mine: true }, owner))).toHaveLength(5);
    });
  });

  describe('cursor pages', () => {
    const collect = async (query: Record<string, string | number>, between?: (page: number) => Promise<void>): Promise<string[]> => {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 50; page += 1) {
        const body: Page = await list(cursor ? { ...query, cursor } : query);
        seen.push(...body.items.map((c) => c.id));
        if (!body.nextCursor) return seen;
        cursor = body.nextCursor;
        await between?.(page);
      }
      throw new Error('more pages than expected');
    };

    it('neither skips nor repeats a challenge while new ones are being posted', async () => {
      const tag = `翻页-${randomBytes(3).toString('hex')}`;
      const original: string[] = [];
      for (let i = 0; i < 13; i += 1) original.unshift((await createPublishedChallenge(t, owner, admin, { tags: [tag], title: `翻页测试 ${i}` })).id);

      const inserted: string[] = [];
      const seen = await collect({ tag, limit: 4 }, async () => {
        inserted.push((await createPublishedChallenge(t, owner, admin, { tags: [tag], title: '翻页期间新发布' })).id);
      });

      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(original);
      // The ones posted meanwhile are newer than the first page: the next listing starts with them.
      expect((await collect({ tag, limit: 100 })).slice(0, inserted.length)).toEqual([...inserted].reverse());
    });

    it('orders rows created in the same microsecond by id, across page boundaries', async () => {
      const tag = `同时-${randomBytes(3).toString('hex')}`;
      const ids: string[] = [];
      for (let i = 0; i < 7; i += 1) ids.push((await createPublishedChallenge(t, owner, admin, { tags: [tag] })).id);
      await t.dataSource.query(`UPDATE challenge SET created_at = '2030-01-01T00:00:00.123456Z' WHERE id = ANY($1::uuid[])`, [ids]);

      const seen = await collect({ tag, limit: 3 });
      expect(seen).toEqual([...ids].sort().reverse());
    });

    it('answers the last page with nextCursor null', async () => {
      const page = await list({ q: `no-such-challenge-${marker}` });
      expect(page).toEqual({ items: [], nextCursor: null });
    });
  });
});

describe('search plans on 5,000 challenges (integration)', () => {
  let t: TestApp;
  const plans: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ module: (context) => ChallengesAppModule.forRoot(context) });
    const admin = await loginAdmin(t);
    const owner = await registerEnterprise(t, admin);
    const template = challengeInput();
    // 5,000 published challenges, newest first every second; one in 500 is about a sensor (传感器).
    await t.dataSource.query(
      `INSERT INTO challenge (org_id, created_by, status, title, summary, detail, industry_field, tags, indicators,
                              reward_fen, winners, opens_at, closes_at, ip_terms, rubric, published_at, created_at)
       SELECT $1, $2, 'PUBLISHED',
              (ARRAY['智能制造产线','锂电池热管理','高原农业育种','生物医药中间体','数字孪生平台','稀土新材料'])[1 + i % 6]
                || CASE WHEN i % 500 = 0 THEN '传感器' ELSE '' END || ' 第' || i || '号 ' || md5(i::text),
              'Summary ' || md5((i * 7)::text) || CASE WHEN i % 500 = 0 THEN ' pressure sensor' ELSE '' END,
              'detail', 'ADVANCED_MANUFACTURING', '{}', $3::jsonb, 1000000 + i, 1,
              now() - interval '1 day', now() + interval '30 days', 'TRANSFER', $4::jsonb, now(),
              now() - i * interval '1 second'
         FROM generate_series(1, 5000) AS i`,
      [owner.orgId, owner.id, JSON.stringify(template.indicators), JSON.stringify(template.rubric)],
    );
    await t.dataSource.query('ANALYZE challenge');
    await t.dataSource.query('ANALYZE organisation');
  });
  afterAll(async () => {
    if (process.env.EXPLAIN_OUT) writeFileSync(process.env.EXPLAIN_OUT, plans.join('\n\n'));
    await t.close();
  });

  const anonymous: ListScope = { kind: 'public', admin: false, ownerOrgIds: [], invitation: { teamIds: [], orgIds: [] } };
  const explain = async (title: string, filters: Partial<ListFilters>): Promise<string> => {
    const { sql, parameters } = buildListQuery({ limit: 20, cursor: null, ...filters }, anonymous);
    const rows: { 'QUERY PLAN': string }[] = await t.dataSource.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, BUFFERS OFF) ${sql}`, parameters);
    const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
    plans.push(`-- ${title}\n${plan}`);
    return plan;
  };

  it('finds a Chinese substring through the trigram indexes on title and summary', async () => {
    const plan = await explain("q=传感器 (3 characters or more: trigram GIN)", { q: '传感器' });
    expect(plan).toContain('ix_challenge_title_trgm');
    expect(plan).toContain('ix_challenge_summary_trgm');
    expect(plan).not.toMatch(/Seq Scan on challenge/);
    const { sql, parameters } = buildListQuery({ q: '传感器', limit: 100, cursor: null }, anonymous);
    expect(await t.dataSource.query(sql, parameters)).toHaveLength(10);
  });

  it('finds an English substring, case-insensitively, through the same indexes', async () => {
    const plan = await explain('q=Sensor (trigram GIN, ILIKE)', { q: 'Sensor' });
    expect(plan).toContain('ix_challenge_title_trgm');
    expect(plan).toContain('ix_challenge_summary_trgm');
    expect(plan).not.toMatch(/Seq Scan on challenge/);
  });

  it('pages the unfiltered list along ix_challenge_listing, from the start and from a cursor', async () => {
    const first = await explain('no q: the newest page (keyset on ix_challenge_listing)', {});
    expect(first).toContain('ix_challenge_listing');
    const next = await explain('no q, from a cursor', { cursor: { createdAt: new Date(Date.now() - 2_500_000).toISOString().replace('Z', '000Z'), id: 'ffffffff-ffff-4fff-bfff-ffffffffffff' } });
    expect(next).toMatch(/Index Scan using ix_challenge_listing[\s\S]*Index Cond: \(ROW\(created_at, id\) < ROW\(/);
  });

  it('answers 1- and 2-character queries correctly, by scanning (a trigram needs 3 characters)', async () => {
    const plan = await explain('q=传感 (2 characters: no trigram to look up; the rows are scanned and filtered)', { q: '传感' });
    expect(plan).toMatch(/Seq Scan on challenge|Index Scan using ix_challenge_listing/);
    expect(plan).not.toContain('trgm');
    const { sql, parameters } = buildListQuery({ q: '传感', limit: 100, cursor: null }, anonymous);
    expect(await t.dataSource.query(sql, parameters)).toHaveLength(10);
  });
});
