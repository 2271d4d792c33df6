import { randomUUID } from 'node:crypto';
import { configureEvaluation } from '@app/evaluation';
import fc from 'fast-check';
import { PlatformModule } from '@app/platform';
import { startTestApp, TestApp } from '../support/app';
import { createTeam, inviteToTeam, submitBid } from '../support/bidding';
import { createPublishedChallenge } from '../support/challenges';
import { conveneRoom, createCast } from '../support/evaluation';
import { loginAdmin, register, registerEnterprise, TestUser } from '../support/users';
import { BadRequest, badRequests, OpenApiDocument, WriteRoute, writeRoutes } from './bad-payloads';

/**
 * Bad input on every write route of the platform, as its OpenAPI document lists them: for each,
 * FUZZ_RUNS generated requests (fast-check) with one sure defect each (wrong types, missing and
 * unknown fields, prototype keys, huge and deeply nested values, NUL and lone surrogates, bad money
 * and dates, nested empty lists, invalid JSON, other content types, bad ids), sent with the
 * admin's token and the ids of real fixtures, so each reaches validation. Every answer must be the
 * 400 (413, 415) the defect calls for, never a 5xx, small, with `details` naming the broken field;
 * and no table may have gained or lost a row.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
/** An error answer stays a few KB (ERROR_LIMITS in libs/core). */
const MAX_ERROR_BYTES = 8 * 1024;
/** No bad request may cost seconds (they take a few milliseconds; 100,000 array elements took 1.3 to 5.6 s before the bounds). */
const MAX_ANSWER_MS = 2000;

describe('bad input on every write route (integration)', () => {
  let t: TestApp;
  let admin: TestUser;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ module: (context) => PlatformModule.forRoot(context), configure: configureEvaluation, listen: true });
    admin = await loginAdmin(t);
    const enterprise = await registerEnterprise(t, admin);
    const challenge = await createPublishedChallenge(t, enterprise, admin);
    const [lead, member] = [await register(t, 'lead'), await register(t, 'member')];
    const team = await createTeam(t, lead, { members: [member] });
    const invitation = await inviteToTeam(t, lead, team.id, await register(t, 'invitee'));
    const bid = await submitBid(t, lead, challenge.id, team.id);
    const question = await t.http().post(`/api/challenges/${challenge.id}/questions`).set(lead.auth).send({ question: '测量精度是否要求全温区满足？' }).expect(201);
    const cast = await createCast(t, { judges: 3, teams: [{ name: '评审团队', quotedPriceFen: 1_000 }] });
    const { roomId } = await conveneRoom(t, admin, {
      challengeId: cast.challengeId,
      judgeIds: cast.judges.map((j) => j.id),
      chairUserId: admin.id,
      bids: [{ bidId: cast.teams[0].bidId, presentationMinutes: 10, qaMinutes: 5 }],
      objectionWindowMinutes: 60,
    });
    ids = { org: enterprise.orgId, challenge: challenge.id, team: team.id, bid: bid.id, room: roomId, question: question.body.id, member: member.id, invitation: invitation.id };
  }, 120_000);

  afterAll(() => t?.close());

  /** The fixture each route parameter names; a parameter nobody mapped fails the test. */
  function paramsOf(route: WriteRoute): Record<string, string> {
    const resource = route.path.split('/')[2];
    const byName: Record<string, string | undefined> = {
      id: { orgs: ids.org, challenges: ids.challenge, teams: ids.team, bids: ids.bid, rooms: ids.room, invitations: ids.invitation }[resource],
      qid: ids.question,
      userId: ids.member,
      // A drawn judge replaced: any id reaches validation (the room's panel was hand-picked).
      judgeId: randomUUID(),
      // A room with an objection needs a finalised evaluation; any id reaches validation just the same.
      objectionId: randomUUID(),
      // No such dead letter: the route answers 404 after validation.
      consumer: 'bad-input',
      eventId: '1',
    };
    return Object.fromEntries(
      route.params.map((name) => {
        const id = byName[name];
        if (!id) throw new Error(`${route.method} ${route.path}: no fixture for the parameter "${name}"; add one`);
        return [name, id];
      }),
    );
  }

  /** Exact row counts of every table. */
  async function rowCounts(): Promise<Record<string, number>> {
    const tables: { name: string }[] = await t.dataSource.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM "${name}"`))[0].n;
    return counts;
  }

  /** The counts once the fixtures' events have been handled (two equal readings in a row). */
  async function settledRowCounts(): Promise<Record<string, number>> {
    let last = await rowCounts();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const now = await rowCounts();
      if (JSON.stringify(now) === JSON.stringify(last)) return now;
      last = now;
    }
  }

  /** Sends the request over HTTP as any client would; answers its status, text and time. */
  async function send(route: WriteRoute, request: BadRequest): Promise<{ status: number; text: string; ms: number }> {
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => request.params[name]);
    const started = performance.now();
    const res = await fetch(`${t.url}${path}`, {
      method: route.method,
      headers: {
        authorization: `Bearer ${admin.token}`,
        ...(request.contentType ? { 'content-type': request.contentType } : {}),
        ...(request.idempotencyKey ? { 'idempotency-key': request.idempotencyKey } : {}),
      },
      body: request.body,
    });
    const text = await res.text();
    return { status: res.status, text, ms: performance.now() - started };
  }

  /** What is wrong with the answer to a bad request, if anything. */
  function problemWith(request: BadRequest, { status, text, ms }: { status: number; text: string; ms: number }): string | null {
    if (status !== request.status) return `answered ${status}, not ${request.status}`;
    if (ms > MAX_ANSWER_MS) return `answered after ${Math.round(ms)} ms`;
    if (text.length > MAX_ERROR_BYTES) return `answered ${text.length} bytes`;
    const body = JSON.parse(text) as { code?: unknown; details?: { field?: unknown; messages?: unknown }[] };
    if (typeof body.code !== 'string') return 'answered without a code';
    if (status !== 400) return null;
    const details = body.details;
    if (!Array.isArray(details) || details.length === 0) return 'answered 400 without details';
    const fields = details.map((d) => d.field);
    if (!details.every((d) => typeof d.field === 'string' && d.field && Array.isArray(d.messages) && d.messages.length > 0)) {
      return `details not field by field: ${JSON.stringify(details)}`;
    }
    const names = (field: string) => field === request.field || field.startsWith(`${request.field}.`) || request.field?.startsWith(`${field}.`);
    if (request.field && !fields.some((field) => names(field as string))) return `details do not name ${request.field}: ${fields.join(', ')}`;
    return null;
  }

  it(
    `refuses ${RUNS} bad requests per write route with a small, field-by-field 4xx, and writes nothing`,
    async () => {
      const started = Date.now();
      const document = (await t.http().get('/api/docs/openapi.json').expect(200)).body as OpenApiDocument;
      const routes = writeRoutes(document);
      expect(routes.length).toBeGreaterThan(0);
      const before = await settledRowCounts();
      const statuses: Record<number, number> = {};
      const defects: Record<string, number> = {};
      let sent = 0;
      let slowest = 0;
      for (const route of routes) {
        await fc.assert(
          fc.asyncProperty(badRequests(route, paramsOf(route)), async (request) => {
            const res = await send(route, request);
            sent += 1;
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
            defects[request.defect] = (defects[request.defect] ?? 0) + 1;
            slowest = Math.max(slowest, res.ms);
            const problem = problemWith(request, res);
            if (problem) throw new Error(`${route.method} ${route.path}, ${request.defect} (${request.body?.length ?? 0} characters sent): ${problem}\n${res.text.slice(0, 600)}`);
          }),
          { numRuns: RUNS },
        );
      }
      // Nothing written but the refusals kept for retries under an Idempotency-Key: 4xx answers, each small.
      const { idempotency_key: keptBefore, ...othersBefore } = before;
      const { idempotency_key: keptAfter, ...othersAfter } = await rowCounts();
      expect(othersAfter).toEqual(othersBefore);
      const kept: { state: string; status: number; bytes: number }[] = await t.dataSource.query(
        `SELECT state, response_status AS status, octet_length(response_body::text) AS bytes FROM idempotency_key WHERE user_id = $1`,
        [admin.id],
      );
      expect(kept).toHaveLength(keptAfter - keptBefore);
      expect(kept.filter((k) => k.state !== 'DONE' || k.status < 400 || k.status >= 500 || k.bytes > MAX_ERROR_BYTES)).toEqual([]);
      const fiveHundreds = Object.entries(statuses).filter(([status]) => Number(status) >= 500).reduce((n, [, count]) => n + count, 0);
      console.log(
        `bad-input harness: ${routes.length} write routes, ${sent} requests (${RUNS} per route), ${fiveHundreds} answers >= 500, ` +
          `slowest answer ${Math.round(slowest)} ms, statuses ${JSON.stringify(statuses)}, defects ${JSON.stringify(defects)}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      expect(fiveHundreds).toBe(0);
    },
    15 * 60_000,
  );
});
