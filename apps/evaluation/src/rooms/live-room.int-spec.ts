import { startTestApp, TestApp } from '../../../../test/support/app';
import {
  addExpert,
  conveneRoom,
  createCast,
  createTeamBid,
  declareNoConflicts,
  RoomClient,
  RoomClients,
  RoomEvent,
  sheet,
} from '../../../../test/support/evaluation';
import { loginAdmin, register, registerEnterprise, TestUser } from '../../../../test/support/users';
import { isDeepStrictEqual } from 'node:util';
import { EvaluationAppModule } from '../evaluation-app.module';
import { configureEvaluation } from '../index';
import { RoomStore } from './room-store';
import { RoomPart } from './room-writes.repository';

const slot = (bidId: string) => ({ bidId, presentationMinutes: 10, qaMinutes: 5 });

/** Any sign of a score value in what a client received. */
const SCORE_KEYS = /"(scores|total|totalPoints|aggregate|aggregates|panelScore|panelPoints|myScores|ranking)"/;

describe('the live evaluation room over socket.io (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  const clients = new RoomClients(() => t.url);
  const connect = (user: TestUser) => clients.connect(user);

  // After each command the views are rebuilt from the state before it plus what RoomWritesRepository recorded
  // the command wrote (RoomStore.refresh). Every refresh of this file is checked against a full reload in the
  // same transaction: a command that forgets a table it wrote shows up in the last test.
  const refreshed = { calls: 0, parts: new Set<RoomPart>(), stale: [] as string[] };
  const realRefresh = RoomStore.prototype.refresh;
  const refresh = jest.spyOn(RoomStore.prototype, 'refresh');

  beforeAll(async () => {
    refresh.mockImplementation(async function (this: RoomStore, manager, before, writes) {
      const after = await realRefresh.call(this, manager, before, writes);
      const full = await this.load(manager, before.room);
      refreshed.calls += 1;
      writes.forEach((part) => refreshed.parts.add(part));
      if (!isDeepStrictEqual(after, full)) refreshed.stale.push(`room version ${before.room.version}, writes [${writes.join(', ')}]`);
      return after;
    });
    t = await startTestApp({ module: (context) => EvaluationAppModule.forRoot(context), configure: configureEvaluation, listen: true });
    admin = await loginAdmin(t);
  });
  afterEach(() => {
    clients.closeAll();
  });
  afterAll(() => t.close());

  const auditCount = async (roomId: string): Promise<number> =>
    (await t.dataSource.query('SELECT count(*) AS n FROM room_audit WHERE room_id = $1', [roomId]))[0].n;
  const roomVersion = async (roomId: string): Promise<number> =>
    (await t.dataSource.query('SELECT version FROM evaluation_room WHERE id = $1', [roomId]))[0].version;

  /** A convened, declared and open room with `judges` judges (the admin chairs) and the given teams. */
  async function openRoom(judges: number, teams: { name: string; quotedPriceFen: number }[]) {
    const cast = await createCast(t, { judges, teams });
    const { roomId } = await conveneRoom(t, admin, {
      challengeId: cast.challengeId,
      judgeIds: cast.judges.map((j) => j.id),
      chairUserId: admin.id,
      bids: cast.teams.map((team) => slot(team.bidId)),
      objectionWindowMinutes: 0,
    });
    await declareNoConflicts(
      t,
      roomId,
      cast.judges,
      cast.teams.map((team) => team.bidId),
    );
    const chair = await connect(admin);
    await chair.ok('room:join', { roomId });
    await chair.ok('room:open', { roomId });
    return { ...cast, roomId, chair };
  }

  it('runs a five-judge room from open to finalise, with one recused judge, trimmed means and a tie broken on price', async () => {
    const cast = await createCast(t, { judges: 5, teams: [] });
    const [j1, , , j4, j5] = cast.judges;
    const lead = (name: string) => register(t, 'solver', `${name} 负责人`);
    const a = await createTeamBid(t, cast.challengeId, { name: '甲团队', members: [await lead('甲')], quotedPriceFen: 50_000_000 });
    // J5 was on team B once: recused automatically from bid B
    const b = await createTeamBid(t, cast.challengeId, { name: '乙团队', members: [await lead('乙')], formerMembers: [j5], quotedPriceFen: 30_000_000 });
    const c = await createTeamBid(t, cast.challengeId, { name: '丙团队', members: [await lead('丙')], quotedPriceFen: 45_000_000 });
    const { roomId } = await conveneRoom(t, admin, {
      challengeId: cast.challengeId,
      judgeIds: cast.judges.map((j) => j.id),
      chairUserId: admin.id,
      bids: [slot(a.bidId), slot(b.bidId), slot(c.bidId)],
      objectionWindowMinutes: 0,
    });
    await declareNoConflicts(t, roomId, cast.judges, [a.bidId, b.bidId, c.bidId]);

    const chair = await connect(admin);
    const judges = await Promise.all(cast.judges.map((j) => connect(j)));
    const [c1, c2, c3, c4, c5] = judges;
    const owner = await connect(cast.owner);
    const teamA = await connect(a.members[0]);
    const joined = await Promise.all([chair, ...judges, owner, teamA].map((client) => client.ok('room:join', { roomId })));
    expect(joined.map((ack) => (ack.snapshot as { audience: string }).audience)).toEqual([
      'CHAIR',
      'JUDGE',
      'JUDGE',
      'JUDGE',
      'JUDGE',
      'JUDGE',
      'OBSERVER',
      'OBSERVER',
    ]);
    expect((joined[5].snapshot as { myRecusals: string[] }).myRecusals).toEqual([b.bidId]);
    const startVersion = joined[0].version as number;

    await chair.ok('room:open', { roomId });
    /** Puts a bid on stage, runs its countdown, lets the judges score in parallel, locks it. */
    const score = async (bidId: string, sheets: [RoomClient, ReturnType<typeof sheet>][]) => {
      await chair.ok('room:present', { roomId, bidId });
      const timer = await chair.ok('timer:start', { roomId });
      expect(timer.timer).toMatchObject({ bidId, phase: 'PRESENTATION', durationMs: 600_000, running: true });
      const acks = await Promise.all(
        sheets.map(([client, scores], i) => client.ok('score:submit', { roomId, bidId, scores, comment: `意见 ${i + 1}`, opId: `${bidId}-${i}` })),
      );
      await chair.ok('timer:pause', { roomId });
      const locked = await chair.ok('bid:lock', { roomId, bidId });
      expect(locked.notScoredBy).toEqual([]);
      return { acks, locked };
    };

    // Bid A: 80.00, 84.00, 70.00, 94.00, 57.00 -> trimmed (70 + 80 + 84) / 3 = 78.00
    const bidA = await score(a.bidId, [
      [c1, sheet(8, 7, 9)],
      [c2, sheet(9, 8, 8)],
      [c3, sheet(7, 7, 7)],
      [c4, sheet(10, 9, 9)],
      [c5, sheet(6, 5, 6)],
    ]);
    expect(bidA.acks.map((ack) => (ack.score as { total: number }).total)).toEqual([8000, 8400, 7000, 9400, 5700]);
    // the chair watched the aggregate and the outlier flag live (J5 is 23.00 from the median of 80.00)
    const lockedA = await chair.waitForEvent((e) => e.type === 'bid.locked' && e.data.bidId === a.bidId);
    expect(lockedA.data.aggregate).toMatchObject({
      panelScore: 7800,
      scoredBy: 5,
      flags: [{ judgeId: j5.id, total: 5700, median: 8000, deviation: 2300 }],
    });
    // judges saw who scored, never the aggregate; each judge got their own score back
    const progressForJudges = await c2.waitForEvent((e) => e.type === 'bid.locked' && e.data.bidId === a.bidId);
    expect(progressForJudges.data).not.toHaveProperty('aggregate');
    expect((progressForJudges.data.progress as { scoredBy: string[] }).scoredBy.sort()).toEqual(cast.judges.map((j) => j.id).sort());
    expect(c1.ownScores.map((m) => (m.score as { total: number }).total)).toEqual([8000]);
    expect(c1.ownScores[0].score).toMatchObject({ scores: { tech: 8, team: 7, price: 9 }, totalPoints: '80.00', comment: '意见 1' });

    // a judge cannot score a locked bid, a bid they are recused from, or a bid not presented yet
    expect(await c2.send('score:submit', { roomId, bidId: a.bidId, scores: sheet(1, 1, 1), opId: 'late' })).toMatchObject({ ok: false, code: 'BID_LOCKED' });
    expect(await c1.send('score:submit', { roomId, bidId: c.bidId, scores: sheet(1, 1, 1), opId: 'early' })).toMatchObject({
      ok: false,
      code: 'BID_NOT_PRESENTING',
    });
    await chair.ok('room:present', { roomId, bidId: b.bidId });
    expect(await c5.send('score:submit', { roomId, bidId: b.bidId, scores: sheet(9, 9, 9), opId: 'recused' })).toMatchObject({
      ok: false,
      code: 'JUDGE_RECUSED',
    });
    // a chair command from a judge is refused
    expect(await c1.send('bid:lock', { roomId, bidId: b.bidId })).toMatchObject({ ok: false, code: 'NOT_CHAIR' });
    expect(await c1.send('room:reveal', { roomId })).toMatchObject({ ok: false, code: 'NOT_CHAIR' });
    // revealing with bids still open is refused
    expect(await chair.send('room:reveal', { roomId })).toMatchObject({ ok: false, code: 'BIDS_NOT_LOCKED' });

    // Bid B, four judges: no trimming -> (60 + 53 + 57 + 64) / 4 = 58.50, under the pass mark
    const bidB = await score(b.bidId, [
      [c1, sheet(6, 6, 6)],
      [c2, sheet(5, 6, 5)],
      [c3, sheet(6, 5, 6)],
      [c4, sheet(7, 6, 6)],
    ]);
    expect(bidB.locked.notScoredBy).toEqual([]);
    expect((await chair.waitForEvent((e) => e.type === 'bid.locked' && e.data.bidId === b.bidId)).data.aggregate).toMatchObject({
      panelScore: 5850,
      scoredBy: 4,
    });
    // Bid C: 80.00, 73.00, 81.00, 50.00, 100.00 -> trimmed (73 + 80 + 81) / 3 = 78.00: a tie with A
    await score(c.bidId, [
      [c1, sheet(8, 8, 8)],
      [c2, sheet(7, 8, 7)],
      [c3, sheet(9, 8, 7)],
      [c4, sheet(5, 5, 5)],
      [c5, sheet(10, 10, 10)],
    ]);

    // until the reveal, the observers received progress and timers but not a single score
    await owner.waitForEvent((e) => e.type === 'bid.locked' && e.data.bidId === c.bidId);
    await teamA.waitForEvent((e) => e.type === 'bid.locked' && e.data.bidId === c.bidId);
    for (const observer of [owner, teamA]) {
      expect(observer.events.some((e) => e.type === 'score.submitted')).toBe(true);
      expect(observer.events.some((e) => e.type === 'timer.started')).toBe(true);
      for (const message of observer.received) expect(JSON.stringify(message.payload)).not.toMatch(SCORE_KEYS);
    }
    const observerSnapshot = await t.http().get(`/api/rooms/${roomId}`).set(cast.owner.auth).expect(200);
    expect(JSON.stringify(observerSnapshot.body)).not.toMatch(SCORE_KEYS);
    // nor did a judge ever receive another judge's score
    for (const message of c3.received) {
      const text = JSON.stringify(message.payload);
      expect(text).not.toMatch(/"(aggregate|aggregates|panelScore)"/);
      if (message.event === 'room:own-score') expect((message.payload as { bidId: string }).bidId).toBeDefined();
    }
    expect(c3.ownScores.every((m) => m.score !== null)).toBe(true);

    // the reveal: C ranks above A on the lower price; B is not eligible
    const revealed = await chair.ok('room:reveal', { roomId });
    const ranking = (revealed.ranking as { bidId: string; rank: number; panelPoints: string; eligible: boolean; awarded: boolean }[]).map((r) => [
      r.bidId,
      r.rank,
      r.panelPoints,
      r.eligible,
      r.awarded,
    ]);
    expect(ranking).toEqual([
      [c.bidId, 1, '78.00', true, true],
      [a.bidId, 2, '78.00', true, false],
      [b.bidId, 3, '58.50', false, false],
    ]);
    const seenByTeam = await teamA.waitForEvent((e) => e.type === 'room.revealed');
    expect((seenByTeam.data.ranking as { bidId: string; quotedPriceFen?: number }[]).map((r) => r.bidId)).toEqual([c.bidId, a.bidId, b.bidId]);
    expect((seenByTeam.data.ranking as { quotedPriceFen?: number }[])[0].quotedPriceFen).toBeUndefined();

    // finalisation: the top eligible bid wins; evaluation.finalized goes out; the room is read-only
    const finalized = await chair.ok('room:finalize', { roomId });
    expect(finalized).toMatchObject({ awardedBidIds: [c.bidId], notAwardedBidIds: [a.bidId, b.bidId] });
    const outbox = await t.dataSource.query(`SELECT payload FROM outbox_event WHERE type = 'evaluation.finalized' AND payload->>'roomId' = $1`, [roomId]);
    expect(outbox).toEqual([{ payload: { roomId, challengeId: cast.challengeId, awardedBidIds: [c.bidId], notAwardedBidIds: [a.bidId, b.bidId] } }]);
    expect(await chair.send('bid:unlock', { roomId, bidId: a.bidId, reason: 'again' })).toMatchObject({ ok: false, code: 'ROOM_FINALIZED' });
    expect(await c1.send('score:submit', { roomId, bidId: a.bidId, scores: sheet(1, 1, 1), opId: 'after' })).toMatchObject({ ok: false, code: 'ROOM_FINALIZED' });

    // every client saw every version from its join to the end, without a gap
    const finalVersion = finalized.version as number;
    for (const client of [chair, ...judges, owner, teamA]) {
      await client.waitForVersion(finalVersion);
      const versions = [...new Set(client.events.map((e: RoomEvent) => e.version))].sort((x, y) => x - y);
      expect(versions).toEqual(Array.from({ length: finalVersion - startVersion }, (_, i) => startVersion + 1 + i));
    }

    // the report: ranking, per-criterion scores per judge, the recusal, a valid chain
    const report = await t.http().get(`/api/rooms/${roomId}/report`).set(j1.auth).expect(200);
    expect(report.body).toMatchObject({ status: 'FINALIZED', final: true, record: { entries: finalVersion, verification: { valid: true } } });
    expect(report.body.ranking.map((r: { teamName: string; panelPoints: string }) => [r.teamName, r.panelPoints])).toEqual([
      ['丙团队', '78.00'],
      ['甲团队', '78.00'],
      ['乙团队', '58.50'],
    ]);
    expect(report.body.recusals).toEqual([expect.objectContaining({ judgeId: j5.id, bidId: b.bidId, automatic: true, reason: 'TEAM_MEMBER' })]);
    const j5OnB = report.body.scores.find((s: { judgeId: string; bidId: string }) => s.judgeId === j5.id && s.bidId === b.bidId);
    expect(j5OnB).toMatchObject({ recused: true, scores: null, total: null });
    const j4OnA = report.body.scores.find((s: { judgeId: string; bidId: string }) => s.judgeId === j4.id && s.bidId === a.bidId);
    expect(j4OnA).toMatchObject({ recused: false, scores: { tech: 10, team: 9, price: 9 }, totalPoints: '94.00' });
    const csv = await t.http().get(`/api/rooms/${roomId}/report`).query({ format: 'csv' }).set(admin.auth).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text).toContain(`ranking,1,${c.bidId},丙团队,78.00,true,true,5,45000000,`);
    expect(csv.text).toContain(`scores,${a.bidId},甲团队,${j4.id},`);
    expect(csv.text).toContain(`recusals,${j5.id},`);

    // the team's own scorecard: plain per-criterion averages over the five judges, comments without names
    // C: tech (8+7+9+5+10)/5 = 7.8, team (8+8+8+5+10)/5 = 7.8, price (8+7+7+5+10)/5 = 7.4
    const feedback = await t.http().get(`/api/bids/${c.bidId}/feedback`).set(c.members[0].auth).expect(200);
    expect(feedback.body).toMatchObject({ rank: 1, of: 3, panelPoints: '78.00', awarded: true, judges: 5 });
    expect(feedback.body.criteria.map((x: { key: string; average: number }) => [x.key, x.average])).toEqual([
      ['tech', 7.8],
      ['team', 7.8],
      ['price', 7.4],
    ]);
    expect(feedback.body.comments).toEqual(['意见 1', '意见 2', '意见 3', '意见 4', '意见 5']);
    expect(JSON.stringify(feedback.body)).not.toContain(j1.id);
    await t.http().get(`/api/bids/${c.bidId}/feedback`).set(a.members[0].auth).expect(404);

    // the record verifies; anyone may re-verify once finalised
    const verify = await t.http().get(`/api/rooms/${roomId}/audit/verify`).expect(200);
    expect(verify.body).toMatchObject({ valid: true, entries: finalVersion, brokenAtSeq: null });
    const audit = await t.http().get(`/api/rooms/${roomId}/audit`).set(cast.owner.auth).expect(200);
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toContain('score.submitted');
    await t.http().get(`/api/rooms/${roomId}/audit`).set(a.members[0].auth).expect(403);
    const lenient = await t.http().get(`/api/rooms/${roomId}/leniency`).set(admin.auth).expect(200);
    expect(lenient.body.judges).toHaveLength(5);
  });

  it('refuses bad payloads with a coded error and changes nothing', async () => {
    const { roomId, chair, judges, teams } = await openRoom(3, [{ name: 'A', quotedPriceFen: 1 }]);
    const judge = await connect(judges[0]);
    await judge.ok('room:join', { roomId });
    await chair.ok('room:present', { roomId, bidId: teams[0].bidId });
    const before = { version: await roomVersion(roomId), audit: await auditCount(roomId) };

    const cases: [string, unknown, string[]][] = [
      ['score:submit', { roomId, bidId: teams[0].bidId, scores: { tech: 11, team: 7.555, extra: 1 }, opId: 'x1' }, ['scores.tech', 'scores.team', 'scores.price', 'scores.extra']],
      ['score:submit', { roomId, bidId: 'not-a-uuid', scores: 'high', opId: 'has spaces', admin: true }, ['bidId', 'scores', 'opId', 'admin']],
      ['score:submit', 'just a string', ['payload']],
      ['room:present', { roomId }, ['bidId']],
      ['timer:start', { roomId, phase: 'OVERTIME' }, ['phase']],
      ['bid:unlock', { roomId, bidId: teams[0].bidId, reason: '' }, ['reason']],
      ['room:join', {}, ['roomId']],
      // Text PostgreSQL cannot store is refused before the message's rules, at each field holding it.
      ['score:submit', { roomId, bidId: teams[0].bidId, scores: { tech: 9, team: 9, price: 9 }, comment: 'a\u0000b', opId: 'nul' }, ['comment']],
      ['bid:unlock', { roomId, bidId: teams[0].bidId, reason: 'lone \ud800' }, ['reason']],
    ];
    for (const [event, payload, fields] of cases) {
      const client = event === 'score:submit' ? judge : chair;
      const ack = await client.send(event, payload);
      expect({ event, ok: ack.ok, code: ack.code }).toEqual({ event, ok: false, code: 'VALIDATION_FAILED' });
      expect((ack.details as { field: string }[]).map((d) => d.field).sort()).toEqual([...fields].sort());
    }
    // The same bounds as HTTP bodies, before validation.
    const deep = { roomId, bidId: teams[0].bidId, scores: { tech: [[[[[[[[[[1]]]]]]]]]] }, opId: 'deep' };
    expect(await judge.send('score:submit', deep)).toMatchObject({ ok: false, code: 'INPUT_TOO_DEEP', details: [{ field: 'scores.tech.0.0.0.0.0.0.0.0' }] });
    expect(await chair.send('room:present', { roomId, bidId: Array.from({ length: 501 }, () => 1) })).toMatchObject({ ok: false, code: 'ARRAY_TOO_LONG' });
    expect(await chair.send('room:destroy', { roomId })).toMatchObject({ ok: false, code: 'UNKNOWN_COMMAND' });
    // unknown rooms and rooms of others answer 404
    expect(await judge.send('room:join', { roomId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, code: 'ROOM_NOT_FOUND' });
    expect({ version: await roomVersion(roomId), audit: await auditCount(roomId) }).toEqual(before);
    expect(await t.dataSource.query('SELECT 1 FROM room_score WHERE room_id = $1', [roomId])).toEqual([]);
  });

  it('keeps a judge to their own room', async () => {
    const first = await openRoom(3, [{ name: 'A', quotedPriceFen: 1 }]);
    const second = await openRoom(3, [{ name: 'B', quotedPriceFen: 1 }]);
    await second.chair.ok('room:present', { roomId: second.roomId, bidId: second.teams[0].bidId });
    const outsider = await connect(first.judges[0]);
    const ack = await outsider.send('score:submit', { roomId: second.roomId, bidId: second.teams[0].bidId, scores: { tech: 9, team: 9, price: 9 }, opId: 'other-room' });
    expect(ack).toMatchObject({ ok: false, code: 'ROOM_NOT_FOUND' });
    expect(await outsider.send('room:join', { roomId: second.roomId })).toMatchObject({ ok: false, code: 'ROOM_NOT_FOUND' });
    // a bid of another room, in one's own room, is not there either
    await first.chair.ok('room:present', { roomId: first.roomId, bidId: first.teams[0].bidId });
    const wrongBid = await outsider.send('score:submit', { roomId: first.roomId, bidId: second.teams[0].bidId, scores: { tech: 9, team: 9, price: 9 }, opId: 'other-bid' });
    expect(wrongBid).toMatchObject({ ok: false, code: 'ROOM_BID_NOT_FOUND' });
    // an observer (the owner enterprise) is no judge
    const owner = await connect(second.owner);
    expect(await owner.send('score:submit', { roomId: second.roomId, bidId: second.teams[0].bidId, scores: { tech: 9, team: 9, price: 9 }, opId: 'owner' })).toMatchObject({
      ok: false,
      code: 'NOT_ON_PANEL',
    });
  });

  it('applies a score sent twice with one operation id once, and refuses the id for another payload', async () => {
    const { roomId, chair, judges, teams } = await openRoom(3, [{ name: 'A', quotedPriceFen: 1 }]);
    const bidId = teams[0].bidId;
    const judge = await connect(judges[0]);
    await judge.ok('room:join', { roomId });
    await chair.ok('room:present', { roomId, bidId });
    const message = { roomId, bidId, scores: { tech: 8, team: 8, price: 8 }, comment: '好', opId: 'op-1' };
    const [first, second] = await Promise.all([judge.send('score:submit', message), judge.send('score:submit', message)]);
    const [applied, replayed] = first.replayed ? [second, first] : [first, second];
    expect(applied).toMatchObject({ ok: true, score: { total: 8000 } });
    expect(applied.replayed).toBeUndefined();
    expect(replayed).toMatchObject({ ok: true, replayed: true, version: applied.version, score: { total: 8000 } });
    const entries = await t.dataSource.query(`SELECT seq FROM room_audit WHERE room_id = $1 AND action = 'score.submitted'`, [roomId]);
    expect(entries).toHaveLength(1);
    expect(await roomVersion(roomId)).toBe(applied.version);
    const reused = await judge.send('score:submit', { ...message, scores: { tech: 1, team: 1, price: 1 } });
    expect(reused).toMatchObject({ ok: false, code: 'OPERATION_ID_REUSED' });
    // a revision with a new id applies; a withdrawal before the lock takes the score back
    expect(await judge.ok('score:submit', { ...message, scores: { tech: 9, team: 9, price: 9 }, opId: 'op-2' })).toMatchObject({ score: { total: 9000 } });
    expect(await judge.ok('score:withdraw', { roomId, bidId, opId: 'op-3' })).toMatchObject({ score: null });
    const own = await judge.ok('room:sync', { roomId });
    expect((own.snapshot as { myScores: unknown[] }).myScores).toEqual([]);
    await chair.ok('bid:lock', { roomId, bidId });
    expect(await judge.send('score:withdraw', { roomId, bidId, opId: 'op-4' })).toMatchObject({ ok: false, code: 'BID_LOCKED' });
  });

  it('gives a reconnecting client the full current state, equal to the server’s', async () => {
    const { roomId, chair, judges, teams } = await openRoom(3, [{ name: 'A', quotedPriceFen: 1 }, { name: 'B', quotedPriceFen: 2 }]);
    const [j1, j2] = judges;
    let judge = await connect(j1);
    await judge.ok('room:join', { roomId });
    await chair.ok('room:present', { roomId, bidId: teams[0].bidId });
    await chair.ok('timer:start', { roomId });
    await judge.ok('score:submit', { roomId, bidId: teams[0].bidId, scores: { tech: 7, team: 8, price: 9 }, opId: 'a' });
    judge.close();
    // the room moves on while the judge is away
    const other = await connect(j2);
    await other.ok('score:submit', { roomId, bidId: teams[0].bidId, scores: { tech: 5, team: 5, price: 5 }, opId: 'b' });
    await chair.ok('timer:pause', { roomId });
    await chair.ok('bid:lock', { roomId, bidId: teams[0].bidId });
    const moved = await chair.ok('room:present', { roomId, bidId: teams[1].bidId });

    judge = await connect(j1);
    const rejoined = await judge.ok('room:join', { roomId });
    const snapshot = rejoined.snapshot as Record<string, unknown> & { timer: Record<string, unknown> | null };
    expect(snapshot.version).toBe(moved.version);
    expect(judge.snapshots).toHaveLength(1);
    const server = (await t.http().get(`/api/rooms/${roomId}`).set(j1.auth).expect(200)).body;
    const comparable = (s: Record<string, unknown>) => ({ ...s, serverTime: undefined });
    expect(comparable(snapshot)).toEqual(comparable(server));
    expect(snapshot).toMatchObject({
      status: 'OPEN',
      currentBidId: teams[1].bidId,
      myScores: [{ bidId: teams[0].bidId, scores: { tech: 7, team: 8, price: 9 }, total: 7900 }],
      timer: { bidId: teams[1].bidId, running: false, remainingMs: 600_000 },
    });
    expect((snapshot.bids as { bidId: string; state: string; scoredBy: string[] }[])[0]).toMatchObject({ state: 'LOCKED', scoredBy: [j1.id, j2.id] });
  });

  it('takes objections during the window and finalises only once the window has passed and each is answered', async () => {
    const cast = await createCast(t, { judges: 3, teams: [{ name: 'A', quotedPriceFen: 1 }, { name: 'B', quotedPriceFen: 2 }] });
    const { roomId } = await conveneRoom(t, admin, {
      challengeId: cast.challengeId,
      judgeIds: cast.judges.map((j) => j.id),
      chairUserId: cast.judges[0].id,
      bids: cast.teams.map((team) => slot(team.bidId)),
      objectionWindowMinutes: 60,
    });
    await declareNoConflicts(t, roomId, cast.judges, cast.teams.map((x) => x.bidId));
    // a judge chairs here, and scores too
    const chair = await connect(cast.judges[0]);
    const others = await Promise.all(cast.judges.slice(1).map((j) => connect(j)));
    await chair.ok('room:join', { roomId });
    await chair.ok('room:open', { roomId });
    for (const team of cast.teams) {
      await chair.ok('room:present', { roomId, bidId: team.bidId });
      for (const client of [chair, ...others]) await client.ok('score:submit', { roomId, bidId: team.bidId, scores: { tech: 8, team: 8, price: 8 }, opId: `s-${team.bidId}` });
      await chair.ok('bid:lock', { roomId, bidId: team.bidId });
    }
    const [a, b] = cast.teams;
    const objectAs = (user: TestUser, bidId: string) =>
      t.http().post(`/api/rooms/${roomId}/objections`).set(user.auth).send({ bidId, text: '请复核价格评分' });
    expect((await objectAs(b.members[0], b.bidId).expect(409)).body.code).toBe('NOT_REVEALED');
    await chair.ok('room:reveal', { roomId });
    // the tie at 80.00 is broken on A's lower price
    const filed = await objectAs(b.members[0], b.bidId).expect(201);
    expect((await objectAs(b.members[0], a.bidId).expect(403)).body.code).toBe('NOT_BIDDING_TEAM');
    expect(await chair.send('room:finalize', { roomId })).toMatchObject({ ok: false, code: 'OBJECTION_WINDOW_OPEN' });
    const objectionId = (filed.body.objection as { id: string }).id;
    const listed = await t.http().get(`/api/rooms/${roomId}/objections`).set(a.members[0].auth).expect(200);
    expect(listed.body).toEqual([]);
    // the window passes (moved into the past, as the clock would)
    await t.dataSource.query(`UPDATE evaluation_room SET objection_window_ends_at = now() - interval '1 second' WHERE id = $1`, [roomId]);
    expect((await objectAs(a.members[0], a.bidId).expect(409)).body.code).toBe('OBJECTION_WINDOW_CLOSED');
    expect(await chair.send('room:finalize', { roomId })).toMatchObject({ ok: false, code: 'OBJECTIONS_UNANSWERED' });
    const answer = (user: TestUser) => t.http().post(`/api/rooms/${roomId}/objections/${objectionId}/answer`).set(user.auth).send({ answer: '经复核，评分无误。' });
    await answer(cast.judges[0]).expect(403);
    await answer(admin).expect(200);
    expect((await answer(admin).expect(409)).body.code).toBe('OBJECTION_ANSWERED');
    const finalized = await chair.ok('room:finalize', { roomId });
    expect(finalized.awardedBidIds).toEqual([a.bidId]);
    const report = await t.http().get(`/api/rooms/${roomId}/report`).set(cast.owner.auth).expect(200);
    expect(report.body.objections).toEqual([
      expect.objectContaining({ bidId: b.bidId, text: '请复核价格评分', answer: '经复核，评分无误。' }),
    ]);
  });

  it('makes verify fail at the entry someone edited in the database, and at a removed tail', async () => {
    const { roomId, chair, judges, teams } = await openRoom(3, [{ name: 'A', quotedPriceFen: 1 }]);
    const judge = await connect(judges[0]);
    await chair.ok('room:present', { roomId, bidId: teams[0].bidId });
    const ack = await judge.ok('score:submit', { roomId, bidId: teams[0].bidId, scores: { tech: 6, team: 6, price: 6 }, opId: 'z' });
    await chair.ok('bid:lock', { roomId, bidId: teams[0].bidId });
    const seq = ack.version as number;
    expect((await t.http().get(`/api/rooms/${roomId}/audit/verify`).set(admin.auth).expect(200)).body).toMatchObject({ valid: true });
    // the table refuses edits outright…
    await expect(t.dataSource.query(`UPDATE room_audit SET payload = '{}' WHERE room_id = $1 AND seq = $2`, [roomId, seq])).rejects.toThrow(/append-only/);
    // …and whoever gets past that (a superuser disabling the trigger) is caught by the chain
    await t.dataSource.query('ALTER TABLE room_audit DISABLE TRIGGER room_audit_append_only');
    try {
      await t.dataSource.query(`UPDATE room_audit SET payload = jsonb_set(payload, '{total}', '10000') WHERE room_id = $1 AND seq = $2`, [roomId, seq]);
      const edited = await t.http().get(`/api/rooms/${roomId}/audit/verify`).set(judges[1].auth).expect(200);
      expect(edited.body).toMatchObject({ valid: false, brokenAtSeq: seq, reason: 'HASH_MISMATCH' });
      const report = await t.http().get(`/api/rooms/${roomId}/report`).set(admin.auth).expect(200);
      expect(report.body.record.verification).toEqual({ valid: false, brokenAtSeq: seq, reason: 'HASH_MISMATCH' });
      await t.dataSource.query(`UPDATE room_audit SET payload = jsonb_set(payload, '{total}', '6000') WHERE room_id = $1 AND seq = $2`, [roomId, seq]);
      expect((await t.http().get(`/api/rooms/${roomId}/audit/verify`).set(admin.auth).expect(200)).body).toMatchObject({ valid: true });
      // removing the last entry is caught by the head kept on the room
      const last = await roomVersion(roomId);
      await t.dataSource.query('DELETE FROM room_audit WHERE room_id = $1 AND seq = $2', [roomId, last]);
      const cut = await t.http().get(`/api/rooms/${roomId}/audit/verify`).set(admin.auth).expect(200);
      expect(cut.body).toMatchObject({ valid: false, brokenAtSeq: last, reason: 'HEAD_MISMATCH' });
    } finally {
      await t.dataSource.query('ALTER TABLE room_audit ENABLE TRIGGER room_audit_append_only');
    }
    // before finalisation only participants verify; anonymous callers do not learn the room exists
    await t.http().get(`/api/rooms/${roomId}/audit/verify`).expect(404);
  });

  it('checks the handshake: the token as HTTP checks it, the Origin against CORS_ORIGINS or the service’s own, 64 KB at most', async () => {
    const judge = await addExpert(t, admin);
    const refused = async (token: string | undefined, origin?: string) => {
      try {
        await RoomClient.connect(t.url, token, { origin });
      } catch (error) {
        return (error as { data?: { code: string } }).data?.code;
      }
      throw new Error('the handshake was accepted');
    };
    expect(await refused(undefined)).toBe('TOKEN_MISSING');
    expect(await refused('not.a.jwt')).toBe('TOKEN_INVALID');
    expect(await refused(judge.token, 'https://evil.example')).toBe('ORIGIN_NOT_ALLOWED');
    const sameOrigin = await RoomClient.connect(t.url, judge.token, { origin: t.url });
    clients.track(sameOrigin);

    const { roomId, chair, judges, teams } = await openRoom(3, [{ name: 'A', quotedPriceFen: 1 }]);
    await chair.ok('room:present', { roomId, bidId: teams[0].bidId });
    const big = await connect(judges[0]);
    const closed = new Promise<string>((resolve) => big.socket.once('disconnect', (reason) => resolve(reason)));
    big.socket.emit('score:submit', { roomId, bidId: teams[0].bidId, scores: { tech: 9, team: 9, price: 9 }, comment: '长'.repeat(40_000), opId: 'big' });
    expect(await closed).toBe('transport close');
    expect(await t.dataSource.query('SELECT 1 FROM room_score WHERE room_id = $1', [roomId])).toEqual([]);
    // just under the limit still goes through (and a long comment is then refused field by field)
    const again = await connect(judges[0]);
    const long = await again.send('score:submit', { roomId, bidId: teams[0].bidId, scores: { tech: 9, team: 9, price: 9 }, comment: 'x'.repeat(2001), opId: 'long' });
    expect(long).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', details: [{ field: 'comment' }] });
  });

  it('rebuilt every view after a command exactly as a full reload would have (RoomStore.refresh)', () => {
    expect(refreshed.stale).toEqual([]);
    expect(refreshed.calls).toBeGreaterThan(50);
    expect([...refreshed.parts].sort()).toEqual(['bids', 'declarations', 'objections', 'scores']);
  });
});

describe('with CORS_ORIGINS set (integration)', () => {
  it('accepts a listed origin and refuses another', async () => {
    const t = await startTestApp({
      module: (context) => EvaluationAppModule.forRoot(context),
      configure: configureEvaluation,
      listen: true,
      env: { CORS_ORIGINS: 'https://jiebang.example.cn' },
    });
    try {
      const admin = await loginAdmin(t);
      const enterprise = await registerEnterprise(t, admin);
      const client = await RoomClient.connect(t.url, enterprise.token, { origin: 'https://jiebang.example.cn' });
      client.close();
      await expect(RoomClient.connect(t.url, enterprise.token, { origin: 'https://other.example.cn' })).rejects.toMatchObject({
        data: { code: 'ORIGIN_NOT_ALLOWED' },
      });
    } finally {
      await t.close();
    }
  });
});
