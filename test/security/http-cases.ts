import { randomBytes } from 'node:crypto';
import { bidInput, createTeam } from '../support/bidding';
import { challengeInput } from '../support/challenges';
import { randomCreditCode, uniqueEmail } from '../support/users';
import { type Actor, DRAW_FIELD, type World } from './world';

/** One request of the matrix: the path parameters, query and body an actor sends. */
export interface Call {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: object;
}

/**
 * How one row of the HTTP table is called. `call` runs once per actor and answers what that actor
 * sends: the shared world's objects, or an object made for this actor alone when the call changes
 * it (a submit, a withdrawal, a deletion), so no actor's call decides another's answer. Every body
 * passes the route's DTO validation, so an answer comes from the service's own checks (see
 * authorisation-matrix.md).
 */
export interface HttpCase {
  /** `METHOD /path/{param}` exactly as the OpenAPI document names it. */
  operation: string;
  /** The object the call is made on (the table's second column). */
  on: string;
  call(w: World, actor: Actor): Call | Promise<Call>;
  /** For a 2xx answer: whether it holds the owner's object (the cell reads 200+ or 200-). */
  sees?(body: unknown, w: World): boolean;
}

type Listed = { id: string }[];
const lists = (body: unknown, id: string): boolean => (body as Listed).some((item) => item.id === id);
const nonce = (): string => randomBytes(4).toString('hex');

const route = (operation: string, on: string, call: HttpCase['call'], sees?: HttpCase['sees']): HttpCase => ({ operation, on, call, ...(sees ? { sees } : {}) });

/** The invitations the invitation rows are called on, one per actor. */
const INVITATION_OBJECTS = {
  team: "user's new invitation to a team of lead's (each)",
  organisation: "user's new invitation to an org of ent's (each)",
} as const;

/** A live refresh token of a session made for this call alone. */
async function freshSession(w: World, actor: Actor): Promise<Call> {
  const user = await w.fx.spare(actor);
  const res = await w.fx.t.http().post('/api/auth/login').send({ email: user.email, password: user.password });
  return { body: { refreshToken: res.body.refreshToken as string } };
}

export const HTTP_CASES: readonly HttpCase[] = [
  // --- health and accounts --------------------------------------------------------------------------
  route('GET /api/health', '-', () => ({})),
  route('GET /api/health/ready', '-', () => ({})),
  route('POST /api/auth/register', 'a new email', () => ({ body: { email: uniqueEmail('matrix'), password: 'correct-horse-battery', displayName: '新用户' } })),
  route('POST /api/auth/login', 'an account, right password', async (w, actor) => {
    const user = await w.fx.spare(actor);
    return { body: { email: user.email, password: user.password } };
  }),
  route('POST /api/auth/refresh', 'a live refresh token', freshSession),
  route('POST /api/auth/logout', 'a live refresh token', freshSession),
  route('GET /api/auth/me', '-', () => ({})),
  route('GET /api/users', '?q=', () => ({ query: { q: 'spare' } })),
  route('GET /api/admin/outbox', '-', () => ({})),
  route('GET /api/admin/outbox/dead-letters', '-', () => ({})),
  route('POST /api/admin/outbox/dead-letters/{consumer}/{eventId}/retry', 'no such dead letter', () => ({ params: { consumer: 'matrix', eventId: '1' } })),

  // --- organisations --------------------------------------------------------------------------------
  route('POST /api/orgs', 'a new organisation', () => ({
    body: { name: `矩阵测试有限公司 ${nonce()}`, kind: 'ENTERPRISE', country: 'CN', creditCode: randomCreditCode() },
  })),
  route('GET /api/orgs', "ent's organisation", () => ({}), (body, w) => lists(body, w.fx.entOrgId)),
  route('GET /api/orgs/{id}', "ent's organisation", (w) => ({ params: { id: w.fx.entOrgId } })),
  route('POST /api/orgs/{id}/verify', "a new organisation of ent's (each)", async (w) => {
    const res = await w.fx.t
      .http()
      .post('/api/orgs')
      .set(w.fx.people.ent.auth)
      .send({ name: `待认证企业 ${nonce()}`, kind: 'ENTERPRISE', country: 'CN', creditCode: randomCreditCode() });
    return { params: { id: res.body.id as string } };
  }),
  route('GET /api/orgs/{id}/members', "ent's organisation", (w) => ({ params: { id: w.fx.entOrgId } })),
  route('POST /api/orgs/{id}/members', "ent's organisation, a new user", async (w, actor) => ({
    params: { id: w.fx.entOrgId },
    body: { email: (await w.fx.spare(actor)).email },
  })),
  route('GET /api/orgs/{id}/invitations', "ent's organisation", (w) => ({ params: { id: w.fx.entOrgId } })),

  // --- invitations to teams and organisations -------------------------------------------------------
  route('GET /api/me/invitations', "user's pending invitation to the team", () => ({}), (body, w) => lists(body, w.shared.pendingInvitationId)),
  ...(['accept', 'decline', 'revoke'] as const).flatMap((decision) =>
    (['team', 'organisation'] as const).map((to) =>
      route(`POST /api/invitations/{id}/${decision}`, INVITATION_OBJECTS[to], async (w) => ({ params: { id: await w.fx.invitation(to) } })),
    ),
  ),

  // --- challenges -----------------------------------------------------------------------------------
  route('POST /api/challenges', "a draft for ent's organisation", (w) => ({ body: challengeInput({ orgId: w.fx.entOrgId }) })),
  route('GET /api/challenges', 'the invite-only challenge', () => ({ query: { q: '定向邀请', limit: '100' } }), (body, w) =>
    lists((body as { items: Listed }).items, w.shared.inviteOnly.id),
  ),
  route('GET /api/challenges/{id}', "a DRAFT of ent's", (w) => ({ params: { id: w.shared.draft.id } })),
  route('GET /api/challenges/{id}', 'invite-only, the team invited', (w) => ({ params: { id: w.shared.inviteOnly.id } })),
  route(
    'GET /api/challenges/{id}',
    'NDA-gated, lead accepted',
    (w) => ({ params: { id: w.shared.nda.id } }),
    (body) => (body as { detailVisible: boolean }).detailVisible,
  ),
  route('PATCH /api/challenges/{id}', "a DRAFT of ent's", (w) => ({ params: { id: w.shared.draft.id }, body: { summary: `修订摘要 ${nonce()}` } })),
  route('POST /api/challenges/{id}/submit', "a new DRAFT of ent's (each)", async (w) => ({ params: { id: (await w.fx.draft()).id } })),
  route('POST /api/challenges/{id}/publish', "a new SUBMITTED of ent's (each)", async (w) => ({ params: { id: (await w.fx.submitted()).id } })),
  route('POST /api/challenges/{id}/reject', "a new SUBMITTED of ent's (each)", async (w) => ({
    params: { id: (await w.fx.submitted()).id },
    body: { reason: '指标描述不够具体' },
  })),
  route('POST /api/challenges/{id}/cancel', "a new PUBLISHED of ent's (each)", async (w) => ({
    params: { id: (await w.fx.published()).id },
    body: { reason: '需求已由内部团队解决' },
  })),
  route('POST /api/challenges/{id}/amendments', "a PUBLISHED of ent's", (w) => ({
    params: { id: w.shared.amendable.id },
    body: { summary: `补充说明 ${nonce()}`, changeNote: '补充测试条件' },
  })),
  route('GET /api/challenges/{id}/versions', "a DRAFT of ent's", (w) => ({ params: { id: w.shared.draft.id } })),
  route('POST /api/challenges/{id}/questions', 'bidding open', (w) => ({
    params: { id: w.shared.open.challengeId },
    body: { question: `交付时间能否延后？${nonce()}` },
  })),
  route(
    'GET /api/challenges/{id}/questions',
    "lead's unanswered question",
    (w) => ({ params: { id: w.shared.open.challengeId } }),
    (body, w) => lists(body, w.shared.open.questionId),
  ),
  route('POST /api/challenges/{id}/questions/{qid}/answer', "a new question of lead's (each)", async (w) => {
    const question = await w.fx.expect(
      w.fx.t.http().post(`/api/challenges/${w.shared.open.challengeId}/questions`).set(w.fx.people.lead.auth).send({ question: `是否接受联合体？${nonce()}` }),
      201,
      'ask',
    );
    return { params: { id: w.shared.open.challengeId, qid: question.id as string }, body: { answer: '接受，须在申请中注明分工。' } };
  }),
  route('POST /api/challenges/{id}/nda', 'NDA-gated, for the team', (w) => ({ params: { id: w.shared.nda.id }, body: { teamId: w.fx.team.id } })),

  // --- teams ----------------------------------------------------------------------------------------
  route('POST /api/teams', 'a new team', () => ({ body: { name: `攻关小组 ${nonce()}`, kind: 'RESEARCH_GROUP', country: 'CN' } })),
  route('GET /api/teams', '?mine=true, the team', () => ({ query: { mine: 'true' } }), (body, w) => lists(body, w.fx.team.id)),
  route(
    'GET /api/teams/{id}',
    'the team (members’ emails)',
    (w) => ({ params: { id: w.fx.team.id } }),
    (body) => (body as { members: { email?: string }[] }).members.some((m) => m.email !== undefined),
  ),
  route('GET /api/teams/{id}/history', 'the team', (w) => ({ params: { id: w.fx.team.id } })),
  route(
    'GET /api/teams/{id}/invitations',
    "the team, user's pending invitation",
    (w) => ({ params: { id: w.fx.team.id } }),
    (body, w) => lists(body, w.shared.pendingInvitationId),
  ),
  route('POST /api/teams/{id}/members', 'a new team (each), a new user', async (w, actor) => ({
    params: { id: (await w.fx.freshTeam()).id },
    body: { email: (await w.fx.spare(actor)).email, role: 'MEMBER' },
  })),
  route('DELETE /api/teams/{id}/members/{userId}', 'a new team (each), its member', async (w) => ({
    params: { id: (await w.fx.freshTeam()).id, userId: w.fx.people.member.id },
  })),

  // --- bids -----------------------------------------------------------------------------------------
  route('POST /api/challenges/{id}/bids', 'a new PUBLISHED (each), for the team', async (w) => ({
    params: { id: (await w.fx.published()).id },
    body: bidInput(w.fx.team.id, w.fx.people.lead),
  })),
  route("POST /api/challenges/{id}/bids", "a new PUBLISHED (each), for the caller's new team", async (w, actor) => {
    const challenge = await w.fx.published();
    if (actor === 'anon') return { params: { id: challenge.id }, body: bidInput(w.fx.team.id, w.fx.people.lead) };
    const team = await createTeam(w.fx.t, w.fx.people[actor]);
    return { params: { id: challenge.id }, body: bidInput(team.id, w.fx.people[actor]) };
  }),
  route(
    'GET /api/challenges/{id}/bids',
    'bidding open',
    (w) => ({ params: { id: w.shared.open.challengeId } }),
    (body, w) => lists((body as { bids: Listed }).bids, w.shared.open.bidA),
  ),
  route(
    'GET /api/challenges/{id}/bids',
    'bidding closed',
    (w) => ({ params: { id: w.shared.closed.challengeId } }),
    (body, w) => lists((body as { bids: Listed }).bids, w.shared.closed.bidA),
  ),
  route('GET /api/challenges/{id}/bids/digest', 'bidding closed', (w) => ({ params: { id: w.shared.closed.challengeId } })),
  route('GET /api/bids', "the team's bid, bidding open", () => ({}), (body, w) => lists(body, w.shared.open.bidA)),
  route('GET /api/bids/{id}', "the team's bid, bidding open", (w) => ({ params: { id: w.shared.open.bidA } })),
  route('GET /api/bids/{id}', "the team's bid, bidding closed", (w) => ({ params: { id: w.shared.closed.bidA } })),
  route('GET /api/bids/{id}/revisions', "the team's bid, bidding open", (w) => ({ params: { id: w.shared.open.bidA } })),
  route('PUT /api/bids/{id}', "the team's bid, bidding open", (w) => {
    const { teamId: _teamId, ...terms } = bidInput(w.fx.team.id, w.fx.people.lead);
    return { params: { id: w.shared.open.bidA }, body: terms };
  }),
  route('POST /api/bids/{id}/withdraw', "a new bid of the team's (each), bidding open", async (w) => ({ params: { id: (await w.fx.bids()).bidA } })),
  route('POST /api/bids/{id}/shortlist', "a new bid of the team's (each), bidding closed", async (w) => ({
    params: { id: (await w.fx.closedBids()).bidA },
    body: { decision: 'SHORTLISTED' },
  })),

  // --- experts and rooms ----------------------------------------------------------------------------
  route('POST /api/experts', 'a new user', async (w, actor) => ({
    body: { userId: (await w.fx.spare(actor)).id, title: '研究员', fields: ['智能制造'], bio: '从事精密测量。' },
  })),
  route('GET /api/experts', '-', () => ({})),
  route('GET /api/experts/{userId}', "judge's entry", (w) => ({ params: { userId: w.fx.people.judge.id } })),
  route('POST /api/rooms', "a new closed challenge of ent's (each)", async (w) => ({ body: w.fx.conveneBody(await w.fx.shortlisted()) })),
  route('GET /api/rooms', 'the convened room', () => ({}), (body, w) => lists(body, w.shared.convened.roomId)),
  route('POST /api/rooms/draws', "a new closed challenge of ent's (each)", async (w) => ({
    body: { challengeId: (await w.fx.shortlisted(true)).challengeId, size: 3, fields: [DRAW_FIELD], alternates: 1 },
  })),
  route('POST /api/rooms/draws/{id}/run', 'a new committed draw (each)', async (w) => ({ params: { id: (await w.fx.draw(false)).drawId } })),
  route('GET /api/rooms/draws/{id}', 'a run draw, both teams shortlisted', (w) => ({ params: { id: w.shared.draw.drawId } })),
  route('GET /api/rooms/convening-check', 'the closed challenge', (w) => ({ query: { challengeId: w.shared.closed.challengeId } })),
  // Only the admin's call replaces: the others are refused by role, so they share the drawn room (new drawn rooms would put its experts over the cap).
  route('POST /api/rooms/{id}/panel/{judgeId}/replace', 'the drawn room, its second judge (admin: a new one)', async (w, actor) => {
    const room = actor === 'admin' ? await w.fx.drawnRoom() : w.shared.drawnRoom;
    return { params: { id: room.roomId, judgeId: room.judgeId }, body: { reason: '专家因故不能出席' } };
  }),
  route('GET /api/rooms/{id}', 'the convened room', (w) => ({ params: { id: w.shared.convened.roomId } })),
  route('POST /api/rooms/{id}/declarations', "the convened room, competitor's bid", (w) => ({
    params: { id: w.shared.convened.roomId },
    body: { declarations: [{ bidId: w.shared.convened.bidB ?? '', conflict: false }] },
  })),
  route('GET /api/rooms/{id}/declarations', 'the convened room', (w) => ({ params: { id: w.shared.convened.roomId } })),
  route('GET /api/rooms/{id}/bids/{bidId}', "the convened room, the team's bid", (w) => ({
    params: { id: w.shared.convened.roomId, bidId: w.shared.convened.bidA },
  })),
  route('POST /api/rooms/{id}/objections', "the revealed room, the team's bid", (w) => ({
    params: { id: w.shared.revealed.roomId },
    body: { bidId: w.shared.revealed.bidA, text: `请公开评分细则。${nonce()}` },
  })),
  route(
    'GET /api/rooms/{id}/objections',
    "the revealed room, lead's objection",
    (w) => ({ params: { id: w.shared.revealed.roomId } }),
    (body, w) => lists(body, w.shared.revealed.objectionId),
  ),
  route('POST /api/rooms/{id}/objections/{objectionId}/answer', "the revealed room, a new objection of lead's (each)", async (w) => ({
    params: { id: w.shared.revealed.roomId, objectionId: await w.fx.object(w.shared.revealed) },
    body: { answer: '已复核，评分无误。' },
  })),
  route('GET /api/rooms/{id}/audit', 'the convened room', (w) => ({ params: { id: w.shared.convened.roomId } })),
  route('GET /api/rooms/{id}/audit', 'the finalised room', (w) => ({ params: { id: w.shared.finalized.roomId } })),
  route('GET /api/rooms/{id}/audit/verify', 'the convened room', (w) => ({ params: { id: w.shared.convened.roomId } })),
  route('GET /api/rooms/{id}/audit/verify', 'the finalised room', (w) => ({ params: { id: w.shared.finalized.roomId } })),
  route('GET /api/rooms/{id}/report', 'the convened room', (w) => ({ params: { id: w.shared.convened.roomId } })),
  route('GET /api/rooms/{id}/report', 'the finalised room', (w) => ({ params: { id: w.shared.finalized.roomId } })),
  route('GET /api/rooms/{id}/leniency', 'the finalised room', (w) => ({ params: { id: w.shared.finalized.roomId } })),
  route('GET /api/bids/{id}/feedback', "the finalised room, the team's bid", (w) => ({ params: { id: w.shared.finalized.bidA } })),
];
