import { startTestApp, TestApp } from '../../../../test/support/app';
import { createCast, declareNoConflicts, HAND_PICKED_REASON, RoomCast, RoomClients } from '../../../../test/support/evaluation';
import { loginAdmin, TestUser } from '../../../../test/support/users';
import { EvaluationAppModule } from '../evaluation-app.module';
import { configureEvaluation } from '../index';

const slot = (bidId: string) => ({ bidId, presentationMinutes: 10, qaMinutes: 5 });
const technical = (tech: number, team: number) => ({ tech, team });

describe('two envelopes: technical scoring first, the prices after (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  const clients = new RoomClients(() => t.url);
  const connect = (user: TestUser, roomId: string) => clients.connect(user, roomId);

  beforeAll(async () => {
    t = await startTestApp({ module: (context) => EvaluationAppModule.forRoot(context), configure: configureEvaluation, listen: true });
    admin = await loginAdmin(t);
  });
  afterEach(() => {
    clients.closeAll();
  });
  afterAll(() => t.close());

  const post = (body: object) => t.http().post('/api/rooms').set(admin.auth).send(body);
  const roomVersion = async (roomId: string): Promise<number> =>
    (await t.dataSource.query('SELECT version FROM evaluation_room WHERE id = $1', [roomId]))[0].version;
  const bidContent = (roomId: string, bidId: string, user: TestUser) => t.http().get(`/api/rooms/${roomId}/bids/${bidId}`).set(user.auth).expect(200);

  /** A declared and open two-envelope room with three judges (the admin chairs), the chair and judges connected. */
  async function openTwoEnvelopeRoom(priceScoring: 'FORMULA' | 'JUDGES', teams: { name: string; quotedPriceFen: number }[]) {
    const cast: RoomCast = await createCast(t, { judges: 3, teams });
    const res = await post({
      challengeId: cast.challengeId,
      judgeIds: cast.judges.map((j) => j.id),
      handPickedReason: HAND_PICKED_REASON,
      chairUserId: admin.id,
      bids: cast.teams.map((team) => slot(team.bidId)),
      objectionWindowMinutes: 0,
      envelopes: 'TWO',
      priceCriterionKey: 'price',
      priceScoring,
    }).expect(201);
    const roomId = res.body.roomId as string;
    await declareNoConflicts(t, roomId, cast.judges, cast.teams.map((team) => team.bidId));
    const chair = await connect(admin, roomId);
    const panel = await Promise.all(cast.judges.map((j) => connect(j, roomId)));
    const observer = await connect(cast.owner, roomId);
    await chair.ok('room:open', { roomId });
    /** Presents a bid, has the three judges send these sheets, locks it. */
    const score = async (bidId: string, sheets: Record<string, number>[], tag: string) => {
      await chair.ok('room:present', { roomId, bidId });
      await Promise.all(panel.map((judge, i) => judge.ok('score:submit', { roomId, bidId, scores: sheets[i], opId: `${tag}-${bidId}-${i}` })));
      return chair.ok('bid:lock', { roomId, bidId });
    };
    return { ...cast, roomId, convened: res.body as Record<string, unknown>, chair, panel, observer, score };
  }

  it('FORMULA: seals the prices through technical scoring, then scores the price from them; the ranking and the record follow', async () => {
    // 500,000.00, 300,000.00 and 450,000.00 CNY
    const room = await openTwoEnvelopeRoom('FORMULA', [
      { name: 'A', quotedPriceFen: 50_000_000 },
      { name: 'B', quotedPriceFen: 30_000_000 },
      { name: 'C', quotedPriceFen: 45_000_000 },
    ]);
    const { roomId, chair, panel: judges, observer: owner, score } = room;
    const [a, b, c] = room.teams;
    expect(room.convened).toMatchObject({ envelopes: 'TWO', priceCriterionKey: 'price', priceScoring: 'FORMULA', pricesOpenedAt: null });
    const [convening] = await t.dataSource.query(`SELECT payload FROM room_audit WHERE room_id = $1 AND action = 'room.convened'`, [roomId]);
    expect(convening.payload).toMatchObject({ envelopes: 'TWO', priceCriterionKey: 'price', priceScoring: 'FORMULA' });

    // the bid content has no price for anyone while sealed
    for (const user of [room.judges[0], admin, room.owner]) {
      const content = await bidContent(roomId, a.bidId, user);
      expect(content.body).toMatchObject({ bidId: a.bidId, teamName: 'A', quotedPriceFen: null });
    }

    // a judge cannot send the price criterion while sealed; nothing is written
    await chair.ok('room:present', { roomId, bidId: a.bidId });
    const before = await roomVersion(roomId);
    const sealed = await judges[0].send('score:submit', { roomId, bidId: a.bidId, scores: { tech: 8, team: 8, price: 10 }, opId: 'sealed' });
    expect(sealed).toMatchObject({ ok: false, code: 'PRICE_ENVELOPE_SEALED', details: [{ field: 'scores.price', messages: ['is sealed until the chair opens the prices'] }] });
    expect(await roomVersion(roomId)).toBe(before);
    expect(await t.dataSource.query('SELECT 1 FROM room_score WHERE room_id = $1', [roomId])).toEqual([]);
    // the technical criteria are all required
    const partial = await judges[0].send('score:submit', { roomId, bidId: a.bidId, scores: { tech: 8 }, opId: 'partial' });
    expect(partial).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', details: [{ field: 'scores.team', messages: ['is required'] }] });

    // technical totals (4·tech + 3·team): A 56, 53, 52; B 49, 46, 45; C 63, 60, 59
    await score(a.bidId, [technical(8, 8), technical(8, 7), technical(7, 8)], 't');
    const own = judges[0].ownScores.at(-1)?.score as { scores: Record<string, number>; total: number };
    expect(own).toMatchObject({ scores: { tech: 8, team: 8 }, total: 5600 });
    const tooEarly = await chair.send('prices:open', { roomId });
    expect(tooEarly).toMatchObject({ ok: false, code: 'BIDS_NOT_LOCKED', details: { bidIds: [b.bidId, c.bidId] } });
    await score(b.bidId, [technical(7, 7), technical(7, 6), technical(6, 7)], 't');
    await score(c.bidId, [technical(9, 9), technical(9, 8), technical(8, 9)], 't');
    expect(await chair.send('room:reveal', { roomId })).toMatchObject({ ok: false, code: 'PRICES_NOT_OPEN' });
    expect(await judges[1].send('prices:open', { roomId })).toMatchObject({ ok: false, code: 'NOT_CHAIR' });

    // until the opening no price reached anyone: not the chair, the judges or the observers, nor the report
    const prices = /quotedPriceFen|50000000|30000000|45000000/;
    for (const client of [chair, ...judges, owner]) {
      for (const message of client.received) expect(JSON.stringify(message.payload)).not.toMatch(prices);
    }
    const sealedReport = await t.http().get(`/api/rooms/${roomId}/report`).set(admin.auth).expect(200);
    expect(sealedReport.body.ranking).toHaveLength(3);
    expect(JSON.stringify(sealedReport.body)).not.toMatch(prices);
    const sealedCsv = await t.http().get(`/api/rooms/${roomId}/report`).query({ format: 'csv' }).set(admin.auth).expect(200);
    expect(sealedCsv.text).not.toMatch(/50000000|30000000|45000000/);

    // the opening: B (lowest) 10.00, C 10 × 300,000 / 450,000 = 6.67, A 10 × 300,000 / 500,000 = 6.00
    const opened = await chair.ok('prices:open', { roomId });
    expect(opened.prices).toEqual([
      { bidId: a.bidId, quotedPriceFen: 50_000_000, priceScore: 6 },
      { bidId: b.bidId, quotedPriceFen: 30_000_000, priceScore: 10 },
      { bidId: c.bidId, quotedPriceFen: 45_000_000, priceScore: 6.67 },
    ]);
    const pricesOpenedAt = opened.pricesOpenedAt as string;
    expect(await chair.send('prices:open', { roomId })).toMatchObject({ ok: false, code: 'PRICES_ALREADY_OPEN' });

    // the chair's event carries the prices and the new aggregates; judges and observers get the progress only
    const forChair = await chair.waitForEvent((e) => e.type === 'prices.opened');
    expect(forChair).toMatchObject({ version: opened.version, data: { pricesOpenedAt, priceScoring: 'FORMULA', prices: opened.prices } });
    // A: 74, 71, 70 -> 71.67; B: 79, 76, 75 -> 76.67; C: 83.01, 80.01, 79.01 -> 80.68
    expect((forChair.data.aggregates as { bidId: string; panelScore: number }[]).map((x) => [x.bidId, x.panelScore])).toEqual([
      [a.bidId, 7167],
      [b.bidId, 7667],
      [c.bidId, 8068],
    ]);
    for (const client of [judges[0], owner]) {
      const event = await client.waitForEvent((e) => e.type === 'prices.opened');
      expect(event.data).not.toHaveProperty('prices');
      expect(event.data).not.toHaveProperty('aggregates');
      expect((event.data.bids as { state: string }[]).map((x) => x.state)).toEqual(['LOCKED', 'LOCKED', 'LOCKED']);
    }

    // the price is now visible, and each judge's standing score carries the formula's price score
    expect((await bidContent(roomId, c.bidId, room.judges[0])).body.quotedPriceFen).toBe(45_000_000);
    const snapshot = (await judges[0].ok('room:sync', { roomId })).snapshot as Record<string, unknown>;
    expect(snapshot).toMatchObject({ envelopes: 'TWO', priceCriterionKey: 'price', priceScoring: 'FORMULA', pricesOpenedAt });
    expect((snapshot.myScores as { bidId: string; scores: Record<string, number>; total: number }[]).map((s) => [s.bidId, s.scores, s.total])).toEqual([
      [a.bidId, { tech: 8, team: 8, price: 6 }, 7400],
      [b.bidId, { tech: 7, team: 7, price: 10 }, 7900],
      [c.bidId, { tech: 9, team: 9, price: 6.67 }, 8301],
    ]);

    // the reveal ranks on the full totals: B passes A on price
    const revealed = await chair.ok('room:reveal', { roomId });
    expect((revealed.ranking as { bidId: string; panelPoints: string; awarded: boolean; quotedPriceFen: number }[]).map((r) => [r.bidId, r.panelPoints, r.awarded, r.quotedPriceFen])).toEqual([
      [c.bidId, '80.68', true, 45_000_000],
      [b.bidId, '76.67', false, 30_000_000],
      [a.bidId, '71.67', false, 50_000_000],
    ]);
    const report = await t.http().get(`/api/rooms/${roomId}/report`).set(admin.auth).expect(200);
    expect(report.body.ranking.map((r: { bidId: string; quotedPriceFen: number }) => [r.bidId, r.quotedPriceFen])).toEqual([
      [c.bidId, 45_000_000],
      [b.bidId, 30_000_000],
      [a.bidId, 50_000_000],
    ]);
    expect(report.body.record.verification).toMatchObject({ valid: true });

    // the record: the opening with the prices and every score it changed, in a chain that verifies
    const [entry] = await t.dataSource.query(`SELECT payload, at FROM room_audit WHERE room_id = $1 AND action = 'prices.opened'`, [roomId]);
    expect(entry.payload).toMatchObject({ priceCriterionKey: 'price', priceScoring: 'FORMULA', lowestPriceFen: 30_000_000, prices: opened.prices, reopenedBidIds: [] });
    expect(entry.payload.rescored).toHaveLength(9);
    expect(entry.payload.rescored).toContainEqual({
      bidId: c.bidId,
      judgeId: room.judges[0].id,
      scores: { tech: 9, team: 9, price: 6.67 },
      total: 8301,
      previousTotal: 6300,
    });
    expect(new Date(entry.at).toISOString()).toBe(pricesOpenedAt);
    expect((await t.http().get(`/api/rooms/${roomId}/audit/verify`).set(admin.auth).expect(200)).body).toMatchObject({ valid: true });
  });

  it('JUDGES: reopens every bid at the opening for the judges to add the price, and reveals once all are locked again', async () => {
    const room = await openTwoEnvelopeRoom('JUDGES', [
      { name: 'A', quotedPriceFen: 20_000_000 },
      { name: 'B', quotedPriceFen: 10_000_000 },
    ]);
    const { roomId, chair, panel: judges, score } = room;
    const [a, b] = room.teams;
    await score(a.bidId, [technical(9, 9), technical(9, 9), technical(9, 9)], 't');
    await score(b.bidId, [technical(7, 7), technical(7, 7), technical(7, 7)], 't');
    expect((await bidContent(roomId, b.bidId, room.judges[1])).body.quotedPriceFen).toBeNull();

    const opened = await chair.ok('prices:open', { roomId });
    expect(opened.prices).toEqual([
      { bidId: a.bidId, quotedPriceFen: 20_000_000, priceScore: null },
      { bidId: b.bidId, quotedPriceFen: 10_000_000, priceScore: null },
    ]);
    const event = await judges[0].waitForEvent((e) => e.type === 'prices.opened');
    expect((event.data.bids as { state: string }[]).map((x) => x.state)).toEqual(['PRESENTING', 'PRESENTING']);
    expect((await bidContent(roomId, b.bidId, room.judges[1])).body.quotedPriceFen).toBe(10_000_000);

    // the technical scores stand, but a bid locks again only once every judge has added the price criterion
    const missing = await chair.send('bid:lock', { roomId, bidId: a.bidId });
    expect(missing).toMatchObject({ ok: false, code: 'PRICE_SCORES_MISSING' });
    expect(((missing.details as { judgeIds: string[] }).judgeIds).sort()).toEqual(room.judges.map((j) => j.id).sort());
    expect(await chair.send('room:reveal', { roomId })).toMatchObject({ ok: false, code: 'BIDS_NOT_LOCKED' });
    // a score now covers every criterion
    const technicalOnly = await judges[0].send('score:submit', { roomId, bidId: a.bidId, scores: technical(9, 9), opId: 'again' });
    expect(technicalOnly).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', details: [{ field: 'scores.price', messages: ['is required'] }] });

    // A: 63 + 3·4 = 75; B: 49 + 3·10 = 79: the cheaper bid wins on the judges' price scores
    await score(a.bidId, [{ ...technical(9, 9), price: 4 }, { ...technical(9, 9), price: 4 }, { ...technical(9, 9), price: 4 }], 'p');
    await score(b.bidId, [{ ...technical(7, 7), price: 10 }, { ...technical(7, 7), price: 10 }, { ...technical(7, 7), price: 10 }], 'p');
    const revealed = await chair.ok('room:reveal', { roomId });
    expect((revealed.ranking as { bidId: string; panelPoints: string; awarded: boolean }[]).map((r) => [r.bidId, r.panelPoints, r.awarded])).toEqual([
      [b.bidId, '79.00', true],
      [a.bidId, '75.00', false],
    ]);
    const [entry] = await t.dataSource.query(`SELECT payload FROM room_audit WHERE room_id = $1 AND action = 'prices.opened'`, [roomId]);
    expect(entry.payload).toMatchObject({ priceScoring: 'JUDGES', lowestPriceFen: 10_000_000, rescored: [], reopenedBidIds: [a.bidId, b.bidId] });
    expect((await t.http().get(`/api/rooms/${roomId}/audit/verify`).set(admin.auth).expect(200)).body).toMatchObject({ valid: true });
  });

  it('refuses bad envelope options with field details, writing nothing; one envelope stays the default', async () => {
    const cast = await createCast(t, { judges: 3, teams: [{ name: 'A', quotedPriceFen: 1 }] });
    const base = {
      challengeId: cast.challengeId,
      judgeIds: cast.judges.map((j) => j.id),
      handPickedReason: HAND_PICKED_REASON,
      chairUserId: admin.id,
      bids: cast.teams.map((team) => slot(team.bidId)),
      objectionWindowMinutes: 0,
    };
    const fields = async (options: object) => {
      const res = await post({ ...base, ...options }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      return res.body.details as { field: string; messages: string[] }[];
    };
    expect((await fields({ envelopes: 'THREE', priceScoring: 'GUESS' })).map((d) => d.field).sort()).toEqual(['envelopes', 'priceScoring']);
    expect(await fields({ envelopes: 'TWO' })).toEqual([
      { field: 'priceCriterionKey', messages: ['is required with envelopes TWO'] },
      { field: 'priceScoring', messages: ['is required with envelopes TWO'] },
    ]);
    expect(await fields({ envelopes: 'TWO', priceCriterionKey: 'cost', priceScoring: 'FORMULA' })).toEqual([
      { field: 'priceCriterionKey', messages: ['must be a criterion key of the rubric: tech, team, price'] },
    ]);
    expect(await fields({ priceScoring: 'JUDGES' })).toEqual([{ field: 'priceScoring', messages: ['is only given with envelopes TWO'] }]);
    expect(await t.dataSource.query('SELECT id FROM evaluation_room WHERE challenge_id = $1', [cast.challengeId])).toEqual([]);

    // without options: one envelope, prices visible, no price to open
    const res = await post(base).expect(201);
    expect(res.body).toMatchObject({ envelopes: 'SINGLE', priceCriterionKey: null, priceScoring: null, pricesOpenedAt: null });
    const roomId = res.body.roomId as string;
    await declareNoConflicts(t, roomId, cast.judges, [cast.teams[0].bidId]);
    expect((await bidContent(roomId, cast.teams[0].bidId, cast.judges[0])).body.quotedPriceFen).toBe(1);
    const chair = await connect(admin, roomId);
    await chair.ok('room:open', { roomId });
    expect(await chair.send('prices:open', { roomId })).toMatchObject({ ok: false, code: 'SINGLE_ENVELOPE' });
  });
});
