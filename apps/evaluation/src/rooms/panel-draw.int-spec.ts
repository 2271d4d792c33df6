import { createHash, randomBytes } from 'node:crypto';
import { startTestApp, TestApp } from '../../../../test/support/app';
import { addExpert, conveneRoom, createCast, createChallenge, createTeamBid, declareNoConflicts, RoomCast } from '../../../../test/support/evaluation';
import { loginAdmin, register, registerEnterprise, TestUser } from '../../../../test/support/users';
import { EvaluationAppModule } from '../evaluation-app.module';
import { configureEvaluation } from '../index';

const slot = (bidId: string) => ({ bidId, presentationMinutes: 10, qaMinutes: 5 });

/**
 * The documented replay (docs/integrity.md, "A drawn panel"), written again from node:crypto
 * alone: SHA-256(seed ‖ counter) blocks read as big-endian 32-bit integers, rejection below the
 * largest multiple of m, Fisher–Yates from the front of the pool in canonical order.
 */
function replay(seed: string, pool: string[], size: number, alternates: number): { panel: string[]; alternates: string[] } {
  const key = Buffer.from(seed, 'hex');
  const words: number[] = [];
  let counter = 0;
  const next = (): number => {
    if (words.length === 0) {
      const k = Buffer.alloc(4);
      k.writeUInt32BE(counter++);
      const block = createHash('sha256').update(key).update(k).digest();
      for (let i = 0; i < 32; i += 4) words.push(block.readUInt32BE(i));
    }
    return words.shift() ?? NaN;
  };
  const below = (m: number): number => {
    const limit = 2 ** 32 - (2 ** 32 % m);
    for (;;) {
      const u = next();
      if (u < limit) return u % m;
    }
  };
  const ids = [...pool];
  for (let i = 0; i < size + alternates; i++) {
    const j = i + below(ids.length - i);
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  return { panel: ids.slice(0, size), alternates: ids.slice(size, size + alternates) };
}

interface Draw {
  id: string;
  status: string;
  size: number;
  alternates: number;
  seedHash: string;
  poolHash: string;
  poolSize: number;
  pool: string[] | null;
  exclusions: { userId: string; reasons: { reason: string; bidId?: string }[] }[] | null;
  seed: string | null;
  panel: string[] | null;
  drawnAlternates: string[] | null;
  roomId: string | null;
}

describe('a drawn panel: commit, run, replay, convene, replace (integration)', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    // a cap of 2 rooms per 30 days, so the cap is reached within a test
    t = await startTestApp({ module: (context) => EvaluationAppModule.forRoot(context), configure: configureEvaluation, listen: true, env: { PANEL_CAP_ROOMS: '2' } });
    admin = await loginAdmin(t);
  });
  afterAll(() => t.close());

  /** A field of expertise no other test's expert has. */
  const newField = () => `领域-${randomBytes(3).toString('hex')}`;
  const experts = async (n: number, field: string, options: { affiliationOrgId?: string } = {}) => {
    const list: TestUser[] = [];
    for (let i = 0; i < n; i += 1) list.push(await addExpert(t, admin, { fields: ['其他', field.toUpperCase()], ...options }));
    return list;
  };
  const commit = (cast: RoomCast, body: object, as = admin) => t.http().post('/api/rooms/draws').set(as.auth).send({ challengeId: cast.challengeId, ...body });
  const run = (drawId: string, as = admin) => t.http().post(`/api/rooms/draws/${drawId}/run`).set(as.auth);
  const read = (drawId: string, as: TestUser) => t.http().get(`/api/rooms/draws/${drawId}`).set(as.auth);
  const fromDraw = (cast: RoomCast, drawId: string, chairUserId = admin.id) => ({
    challengeId: cast.challengeId,
    drawId,
    chairUserId,
    bids: cast.teams.map((team) => slot(team.bidId)),
    objectionWindowMinutes: 0,
  });
  const sortedIds = (users: TestUser[]) => users.map((u) => u.id).sort();

  it('publishes the commitment first, draws on run, and the record replays to the same panel and alternates', async () => {
    const field = newField();
    const cast = await createCast(t, { judges: 0, teams: [{ name: 'A', quotedPriceFen: 10 }, { name: 'B', quotedPriceFen: 20 }] });
    const eligible = await experts(6, field);
    // left out: the lead of team A (named on its bid as key personnel), an expert of team C's organisation, an expert of another field
    const lead = cast.teams[0].members[0];
    await addExpert(t, admin, { user: lead, fields: [field] });
    const other = await registerEnterprise(t, admin, '曲靖精密机械有限公司');
    const c = await createTeamBid(t, cast.challengeId, { name: 'C', members: [await register(t)], orgId: other.orgId, quotedPriceFen: 30 });
    cast.teams.push(c);
    const [affiliated] = await experts(1, field, { affiliationOrgId: other.orgId });
    const [elsewhere] = await experts(1, newField());

    // bad requests change nothing
    expect((await commit(cast, { size: 4, fields: [field], alternates: 2 }).expect(400)).body.details).toEqual([
      { field: 'size', messages: ['must be an odd number from 3 to 15, not 4'] },
    ]);
    expect((await commit(cast, { size: 17, fields: [], alternates: 16 }).expect(400)).body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'alternates',
      'fields',
      'size',
    ]);
    await commit(cast, { size: 3, fields: [field], alternates: 2 }, eligible[0]).expect(403);
    const open = await createChallenge(t, cast.owner, { status: 'PUBLISHED', closesInPast: false });
    expect((await t.http().post('/api/rooms/draws').set(admin.auth).send({ challengeId: open, size: 3, fields: [field], alternates: 0 }).expect(409)).body.code).toBe(
      'CHALLENGE_NOT_CLOSED',
    );

    // 1. the commitment: the pool in canonical order and why the others are out; the seed kept
    const committed: Draw = (await commit(cast, { size: 3, fields: [field], alternates: 2 }).expect(201)).body;
    expect(committed).toMatchObject({ status: 'COMMITTED', size: 3, alternates: 2, seed: null, panel: null, drawnAlternates: null, roomId: null, poolSize: 6 });
    expect(committed.pool).toEqual(sortedIds(eligible));
    expect(committed.poolHash).toBe(createHash('sha256').update(sortedIds(eligible).map((id) => `${id}\n`).join('')).digest('hex'));
    const excluded = new Map((committed.exclusions ?? []).map((e) => [e.userId, e.reasons]));
    expect(excluded.get(lead.id)).toEqual([{ reason: 'KEY_PERSONNEL', bidId: cast.teams[0].bidId }]);
    expect(excluded.get(affiliated.id)).toEqual([{ reason: 'SAME_ORGANISATION', bidId: c.bidId }]);
    expect(excluded.get(elsewhere.id)).toEqual([{ reason: 'NO_REQUESTED_FIELD' }]);
    // a second draw is refused, naming the first (the bureau's page finds it again)
    expect((await commit(cast, { size: 3, fields: [field], alternates: 0 }).expect(409)).body).toMatchObject({ code: 'DRAW_EXISTS', details: { drawId: committed.id } });

    // the parties read the commitment before the run; no one else reads anything
    const before: Draw = (await read(committed.id, lead).expect(200)).body;
    expect(before).toMatchObject({ status: 'COMMITTED', seedHash: committed.seedHash, poolHash: committed.poolHash, poolSize: 6, pool: null, seed: null });
    expect((await read(committed.id, cast.owner).expect(200)).body.seedHash).toBe(committed.seedHash);
    expect((await read(committed.id, await register(t)).expect(404)).body.code).toBe('DRAW_NOT_FOUND');
    expect((await read(committed.id, eligible[0]).expect(404)).body.code).toBe('DRAW_NOT_FOUND');
    // not convened from a draw not yet run
    expect((await t.http().post('/api/rooms').set(admin.auth).send(fromDraw(cast, committed.id)).expect(409)).body.code).toBe('DRAW_NOT_RUN');

    // 2. the run reveals the seed of the commitment, and the draw replays from the record alone
    await run(committed.id, eligible[0]).expect(403);
    const drawn: Draw = (await run(committed.id).expect(200)).body;
    expect(drawn.status).toBe('RUN');
    const seed = drawn.seed ?? '';
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex')).toBe(committed.seedHash);
    const record: Draw = (await read(committed.id, admin).expect(200)).body;
    expect(replay(record.seed ?? '', record.pool ?? [], record.size, record.alternates)).toEqual({ panel: record.panel, alternates: record.drawnAlternates });
    expect(new Set([...(record.panel ?? []), ...(record.drawnAlternates ?? [])]).size).toBe(5);
    expect((await run(committed.id).expect(409)).body.code).toBe('DRAW_ALREADY_RUN');
    // a party sees the result once the room is finalised, not before
    expect((await read(committed.id, lead).expect(200)).body).toMatchObject({ status: 'RUN', seed: null, panel: null });

    // 3. convened from the draw: the panel is the draw's, in order; the record and the report say so
    const other2 = await createCast(t, { judges: 0, teams: [{ name: 'X', quotedPriceFen: 1 }] });
    expect((await t.http().post('/api/rooms').set(admin.auth).send({ ...fromDraw(other2, committed.id) }).expect(400)).body.details).toEqual([
      { field: 'drawId', messages: ['is not a draw of this challenge'] },
    ]);
    expect((await t.http().post('/api/rooms').set(admin.auth).send({ ...fromDraw(cast, committed.id), handPickedReason: '不需要' }).expect(400)).body.details[0].field).toBe(
      'handPickedReason',
    );
    const room = await t.http().post('/api/rooms').set(admin.auth).send(fromDraw(cast, committed.id)).expect(201);
    const roomId = room.body.roomId as string;
    expect((room.body.panel as { userId: string }[]).map((p) => p.userId)).toEqual(record.panel);
    const audit = await t.http().get(`/api/rooms/${roomId}/audit`).set(admin.auth).expect(200);
    expect(audit.body.entries[0].payload).toMatchObject({
      panelSelection: 'DRAWN',
      judgeIds: record.panel,
      draw: { id: committed.id, seedHash: committed.seedHash, seed, poolHash: committed.poolHash, panel: record.panel, drawnAlternates: record.drawnAlternates },
    });
    const report = await t.http().get(`/api/rooms/${roomId}/report`).set(admin.auth).expect(200);
    expect(report.body).toMatchObject({ panelSelection: 'DRAWN', panelDrawId: committed.id, handPickedReason: null });
    expect((await read(committed.id, admin).expect(200)).body.roomId).toBe(roomId);
  });

  it('replaces a drawn judge by the next unused alternate, in the record, until the alternates run out', async () => {
    const field = newField();
    const cast = await createCast(t, { judges: 0, teams: [{ name: 'A', quotedPriceFen: 10 }] });
    const pool = await experts(5, field);
    const { body: committed } = await commit(cast, { size: 3, fields: [field], alternates: 2 }).expect(201);
    const { body: drawn } = await run(committed.id).expect(200);
    const [chair, second, third] = drawn.panel as string[];
    const [first, next] = drawn.drawnAlternates as string[];
    const { body: convened } = await t.http().post('/api/rooms').set(admin.auth).send(fromDraw(cast, committed.id, chair)).expect(201);
    const roomId = convened.roomId as string;
    const user = (id: string) => pool.find((p) => p.id === id) as TestUser;
    await declareNoConflicts(t, roomId, [user(second)], [cast.teams[0].bidId]);

    const replace = (judgeId: string, as = admin, reason = '专家因故不能出席') =>
      t.http().post(`/api/rooms/${roomId}/panel/${judgeId}/replace`).set(as.auth).send({ reason });
    await replace(second, user(chair)).expect(403);
    expect((await t.http().post(`/api/rooms/${roomId}/panel/${second}/replace`).set(admin.auth).send({ reason: ' ' }).expect(400)).body.details[0].field).toBe('reason');
    expect((await replace(chair).expect(409)).body.code).toBe('CHAIR_NOT_REPLACEABLE');
    expect((await replace(first).expect(404)).body.code).toBe('PANEL_JUDGE_NOT_FOUND');

    // the chair reads the panel by id (an admin who does not chair sees seat labels, as every observer)
    const panel = async () => ((await t.http().get(`/api/rooms/${roomId}`).set(user(chair).auth).expect(200)).body.panel as { userId: string }[]).map((p) => p.userId);
    const replaced = await replace(second).expect(200);
    expect((replaced.body.panel as { label: string }[]).map((p) => p.label)).toEqual(['A', 'B', 'C']);
    expect(await panel()).toEqual([chair, first, third]);
    const declarations = await t.http().get(`/api/rooms/${roomId}/declarations`).set(admin.auth).expect(200);
    expect((declarations.body as { judgeId: string }[]).some((d) => d.judgeId === second)).toBe(false);
    // the judge who left sees the room no more; the alternate does
    await t.http().get(`/api/rooms/${roomId}`).set(user(second).auth).expect(404);
    await t.http().get(`/api/rooms/${roomId}`).set(user(first).auth).expect(200);

    // the alternate who came in is replaced by the next one; then there is none left
    await replace(first).expect(200);
    expect(await panel()).toEqual([chair, next, third]);
    expect((await replace(third).expect(409)).body.code).toBe('ALTERNATES_EXHAUSTED');

    const audit = await t.http().get(`/api/rooms/${roomId}/audit`).set(admin.auth).expect(200);
    const replacements = (audit.body.entries as { action: string; payload: Record<string, unknown> }[]).filter((e) => e.action === 'panel.replaced');
    expect(replacements.map((e) => e.payload)).toEqual([
      { judgeId: second, alternateId: first, position: 2, reason: '专家因故不能出席', drawId: committed.id, automaticRecusals: [] },
      { judgeId: first, alternateId: next, position: 2, reason: '专家因故不能出席', drawId: committed.id, automaticRecusals: [] },
    ]);
    expect((await t.http().get(`/api/rooms/${roomId}/audit/verify`).set(admin.auth).expect(200)).body.valid).toBe(true);

    // a hand-picked room has no alternates
    const picked = await createCast(t, { judges: 3, teams: [{ name: 'B', quotedPriceFen: 1 }] });
    const { roomId: pickedRoom } = await conveneRoom(t, admin, {
      challengeId: picked.challengeId,
      judgeIds: picked.judges.map((j) => j.id),
      handPickedReason: '该领域专家库人数不足',
      chairUserId: admin.id,
      bids: picked.teams.map((team) => slot(team.bidId)),
      objectionWindowMinutes: 0,
    });
    const refused = await t.http().post(`/api/rooms/${pickedRoom}/panel/${picked.judges[1].id}/replace`).set(admin.auth).send({ reason: '回避' }).expect(409);
    expect(refused.body.code).toBe('PANEL_NOT_DRAWN');
    const report = await t.http().get(`/api/rooms/${pickedRoom}/report`).set(admin.auth).expect(200);
    expect(report.body).toMatchObject({ panelSelection: 'HAND_PICKED', panelDrawId: null, handPickedReason: '该领域专家库人数不足' });
  });

  it('leaves out experts at the cap of rooms (running, or convened within the period) and refuses a pool too small', async () => {
    const field = newField();
    const busy = await experts(3, field);
    // busy sit in two rooms each (the cap): both still running
    const rooms: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const cast = await createCast(t, { judges: 0, teams: [{ name: `R${i}`, quotedPriceFen: 1 }] });
      const { roomId } = await conveneRoom(t, admin, {
        challengeId: cast.challengeId,
        judgeIds: busy.map((b) => b.id),
        chairUserId: admin.id,
        bids: cast.teams.map((team) => slot(team.bidId)),
        objectionWindowMinutes: 0,
      });
      rooms.push(roomId);
    }
    const free = await experts(3, field);
    const first = await createCast(t, { judges: 0, teams: [{ name: 'A', quotedPriceFen: 1 }] });
    const refused = await commit(first, { size: 3, fields: [field], alternates: 1 }).expect(409);
    expect(refused.body).toMatchObject({ code: 'POOL_TOO_SMALL', details: { eligible: 3, needed: 4 } });
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM panel_draw WHERE challenge_id = $1', [first.challengeId]))[0].n).toBe(0);
    const { body: capped } = await commit(first, { size: 3, fields: [field], alternates: 0 }).expect(201);
    expect(capped.pool).toEqual(sortedIds(free));
    for (const b of busy) expect(capped.exclusions.find((e: { userId: string }) => e.userId === b.id).reasons).toEqual([{ reason: 'ROOM_CAP_REACHED' }]);

    // a room finalised, and convened before the period, no longer counts: busy are under the cap again
    await t.dataSource.query(
      `UPDATE evaluation_room SET status = 'FINALIZED', created_at = now() - interval '40 days', finalized_at = now() - interval '39 days' WHERE id = $1`,
      [rooms[0]],
    );
    const second = await createCast(t, { judges: 0, teams: [{ name: 'B', quotedPriceFen: 1 }] });
    const { body: committed } = await commit(second, { size: 3, fields: [field], alternates: 3 }).expect(201);
    expect(committed.pool).toEqual(sortedIds([...busy, ...free]));
  });
});
