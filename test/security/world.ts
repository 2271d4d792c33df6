import { randomBytes } from 'node:crypto';
import { configureEvaluation, RoomCommandName } from '@app/evaluation';
import { PlatformModule } from '@app/platform';
import { startTestApp, TestApp } from '../support/app';
import { createTeam, inviteToTeam, submitBid, TeamBody } from '../support/bidding';
import { ChallengeBody, ChallengeInput, createChallenge, createPublishedChallenge, createSubmittedChallenge, expireChallenge } from '../support/challenges';
import { addExpert, ConveneInput, conveneRoom, declareNoConflicts, HAND_PICKED_REASON, RoomClient, SocketAck } from '../support/evaluation';
import { loginAdmin, register, registerEnterprise, TestUser } from '../support/users';

/**
 * The cast of the authorisation matrix (each actor is described in authorisation-matrix.md) and
 * the world it acts in, built through the platform's own API. The one thing done in SQL is the
 * passing of time: a deadline moved into the past.
 */
export const ACTORS = ['anon', 'admin', 'ent', 'ent2', 'lead', 'member', 'removed', 'lead2', 'chair', 'judge', 'recused', 'expert', 'user'] as const;
export type Actor = (typeof ACTORS)[number];
export type SignedIn = Exclude<Actor, 'anon'>;

/** A challenge's bids: the team's (`bidA`) and, when both teams bid, the competitor's (`bidB`). */
export interface Bids {
  challengeId: string;
  bidA: string;
  bidB?: string;
}

const bidIds = (bids: Bids): string[] => (bids.bidB === undefined ? [bids.bidA] : [bids.bidA, bids.bidB]);

export interface Room extends Bids {
  roomId: string;
  /** Convened with two envelopes (the price criterion scored by formula once the prices open). */
  twoEnvelopes: boolean;
}

const SCORES = { technical: 8, team: 7, price: 9 };
/** What a judge scores in a two-envelope room while the prices are sealed. */
const TECHNICAL_SCORES = { technical: 8, team: 7 };

/** The field of expertise of the experts drawn in the matrix (no actor has it): their draws leave the actors out. */
export const DRAW_FIELD = '精密测量';

/** A run draw of a new shortlisted challenge (both teams' bids), and the panel it drew. */
export interface DrawnPanel extends Bids {
  drawId: string;
  panel: string[];
}

export const opId = (): string => `matrix-${randomBytes(6).toString('hex')}`;

/** The objects every actor's call can share: read, or changed only in ways no other call depends on. */
export interface Shared {
  draft: ChallengeBody;
  /** Published, bidding open, both teams bid; `questionId` is lead's unanswered question. */
  open: Bids & { questionId: string };
  /** Published, bidding closed, both teams' bids SUBMITTED. */
  closed: Bids;
  /** Published and NDA-gated; lead accepted the NDA for the team. */
  nda: ChallengeBody;
  /** Published, invite-only, the team invited. */
  inviteOnly: ChallengeBody;
  /** Published, bidding open, for amendments. */
  amendable: ChallengeBody;
  /** lead's invitation of user to the team, never answered: it makes user no member of anything. */
  pendingInvitationId: string;
  convened: Room;
  /** Revealed, the objection window open; `objectionId` is lead's objection on the team's bid. */
  revealed: Room & { objectionId: string };
  finalized: Room;
  /** A run draw, no room convened from it (both teams shortlisted). */
  draw: DrawnPanel;
  /** A room convened from a draw, the admin chairing; `judgeId` its second drawn judge. */
  drawnRoom: { roomId: string; judgeId: string };
}

export interface World {
  fx: Fixtures;
  shared: Shared;
}

/** Starts the platform as `npm start` composes it and builds the shared world (a few seconds). */
export async function buildWorld(): Promise<World> {
  const t = await startTestApp({ module: (context) => PlatformModule.forRoot(context), configure: configureEvaluation, listen: true });
  const admin = await loginAdmin(t);
  const ent = await registerEnterprise(t, admin, '昆明高新智能制造集团');
  const ent2 = await registerEnterprise(t, admin, '曲靖精密机械有限公司');
  const [lead, member, removed, lead2, user] = await Promise.all(
    (['lead', 'member', 'removed', 'lead2', 'user'] as const).map((name) => register(t, name, `${name} 用户`)),
  );
  const [chair, judge, recused, expert] = await Promise.all(
    (['chair', 'judge', 'recused', 'expert'] as const).map((prefix) => addExpert(t, admin, { prefix })),
  );
  const people = { admin, ent, ent2, lead, member, removed, lead2, chair, judge, recused, expert, user };
  const team = await createTeam(t, lead, { name: '昆明理工大学 智能传感实验室', members: [member, removed] });
  const team2 = await createTeam(t, lead2, { name: 'TU Delft Precision Mechatronics Lab', country: 'NL' });
  const pending = await inviteToTeam(t, lead, team.id, user);
  const sockets = {} as Record<SignedIn, RoomClient>;
  for (const actor of Object.keys(people) as SignedIn[]) sockets[actor] = await RoomClient.connect(t.url, people[actor].token);
  const fx = new Fixtures(t, people, ent.orgId, team, team2, sockets);

  const nda = await fx.published({ ndaRequired: true, title: '保密揭榜 NDA-gated' });
  await fx.expect(t.http().post(`/api/challenges/${nda.id}/nda`).set(lead.auth).send({ teamId: team.id }), 201, 'accept NDA');
  const open = await fx.bids(true);
  const question = await fx.expect(
    t.http().post(`/api/challenges/${open.challengeId}/questions`).set(lead.auth).send({ question: '测量精度是否要求全温区满足？' }),
    201,
    'ask',
  );
  const convened = await fx.room({ bothTeams: true });
  const revealed = await fx.room({ bothTeams: true, objectionWindowMinutes: 60 });
  const finalized = await fx.room({ bothTeams: true, objectionWindowMinutes: 0 });
  for (const room of [revealed, finalized]) {
    await fx.chair('room:open', room);
    for (const bidId of bidIds(room)) {
      await fx.chair('room:present', room, { bidId });
      await fx.score(room, bidId);
      await fx.chair('bid:lock', room, { bidId });
    }
    await fx.chair('room:reveal', room);
  }
  const objectionId = await fx.object(revealed);
  await fx.chair('room:finalize', finalized);
  // Experts only the draws consider: five, for a panel of three and an alternate.
  for (let i = 0; i < 5; i += 1) await addExpert(t, admin, { prefix: 'drawn', fields: [DRAW_FIELD] });
  const shared: Shared = {
    draft: await fx.draft(),
    open: { ...open, questionId: question.id as string },
    closed: await fx.closedBids(true),
    nda,
    inviteOnly: await fx.published({ eligibility: 'INVITE_ONLY', invitedTeamIds: [team.id], title: '定向邀请 invite-only' }),
    amendable: await fx.published(),
    pendingInvitationId: pending.id,
    convened,
    revealed: { ...revealed, objectionId },
    finalized,
    draw: await fx.draw(true),
    drawnRoom: await fx.drawnRoom(),
  };
  // The removed member was on the team through the NDA, the bids, the rooms and the objection; they leave now.
  await fx.expect(t.http().delete(`/api/teams/${team.id}/members/${removed.id}`).set(lead.auth), 204, 'remove member');
  return { fx, shared };
}

/** Fresh objects owned by the owner actors, and the live room driven over the chair's and judges' sockets. */
export class Fixtures {
  private readonly spares = new Map<Actor, Promise<TestUser>>();

  constructor(
    readonly t: TestApp,
    readonly people: Record<SignedIn, TestUser>,
    /** The organisation ent acts for, owner of every challenge. */
    readonly entOrgId: string,
    readonly team: TeamBody,
    readonly team2: TeamBody,
    /** One socket per signed-in actor, connected once. */
    readonly sockets: Record<SignedIn, RoomClient>,
  ) {}

  async close(): Promise<void> {
    for (const socket of Object.values(this.sockets)) socket.close();
    await this.t.close();
  }

  /** The Authorization header of an actor (none for `anon`). */
  auth(actor: Actor): Record<string, string> {
    return actor === 'anon' ? {} : this.people[actor].auth;
  }

  /** A registered user of the actor's own, no part of anything, whom the actor's call may add somewhere (one per actor). */
  spare(actor: Actor): Promise<TestUser> {
    let user = this.spares.get(actor);
    if (!user) {
      user = register(this.t, `spare.${actor}`, '新成员');
      this.spares.set(actor, user);
    }
    return user;
  }

  async expect(request: PromiseLike<{ status: number; body: unknown }>, status: number, what: string): Promise<Record<string, unknown>> {
    const res = await request;
    if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  }

  // --- fresh objects, owned by the owner actors ----------------------------------------------------

  // orgId always: a call of the matrix may make ent act for a second verified organisation.
  draft(): Promise<ChallengeBody> {
    return createChallenge(this.t, this.people.ent, { orgId: this.entOrgId });
  }

  submitted(): Promise<ChallengeBody> {
    return createSubmittedChallenge(this.t, this.people.ent, { orgId: this.entOrgId });
  }

  published(overrides: Partial<ChallengeInput> = {}): Promise<ChallengeBody> {
    return createPublishedChallenge(this.t, this.people.ent, this.people.admin, { orgId: this.entOrgId, ...overrides });
  }

  /** A published challenge with bidding open and the team's bid on it (and the competitor's when `bothTeams`). */
  async bids(bothTeams = false): Promise<Bids> {
    const challenge = await this.published();
    const bidA = await submitBid(this.t, this.people.lead, challenge.id, this.team.id);
    const bidB = bothTeams ? await submitBid(this.t, this.people.lead2, challenge.id, this.team2.id, { quotedPriceFen: 45_000_000 }) : undefined;
    return { challengeId: challenge.id, bidA: bidA.id, ...(bidB ? { bidB: bidB.id } : {}) };
  }

  /** As `bids`, with the deadline passed: the bids are sealed no longer for the owner, and frozen. */
  async closedBids(bothTeams = false): Promise<Bids> {
    const bids = await this.bids(bothTeams);
    await expireChallenge(this.t, bids.challengeId);
    return bids;
  }

  /** Closed bids, shortlisted by the owner, ready for a room. */
  async shortlisted(bothTeams = false): Promise<Bids> {
    const bids = await this.closedBids(bothTeams);
    for (const bidId of bidIds(bids)) {
      await this.expect(
        this.t.http().post(`/api/bids/${bidId}/shortlist`).set(this.people.ent.auth).send({ decision: 'SHORTLISTED' }),
        200,
        'shortlist',
      );
    }
    return bids;
  }

  /** The body of POST /api/rooms over shortlisted bids: chair, judge and recused on the panel. */
  conveneBody(bids: Bids, objectionWindowMinutes = 60, twoEnvelopes = false): ConveneInput {
    const { chair, judge, recused } = this.people;
    return {
      challengeId: bids.challengeId,
      judgeIds: [chair.id, judge.id, recused.id],
      handPickedReason: HAND_PICKED_REASON,
      chairUserId: chair.id,
      bids: bidIds(bids).map((bidId) => ({ bidId, presentationMinutes: 10, qaMinutes: 5 })),
      objectionWindowMinutes,
      ...(twoEnvelopes ? { envelopes: 'TWO' as const, priceCriterionKey: 'price', priceScoring: 'FORMULA' as const } : {}),
    };
  }

  /** A convened room, every declaration made: `recused` declares a conflict on the team's bid, everyone else none. */
  async room(options: { bothTeams?: boolean; objectionWindowMinutes?: number; twoEnvelopes?: boolean } = {}): Promise<Room> {
    const bids = await this.shortlisted(options.bothTeams ?? false);
    const twoEnvelopes = options.twoEnvelopes ?? false;
    const { roomId } = await conveneRoom(this.t, this.people.admin, this.conveneBody(bids, options.objectionWindowMinutes ?? 60, twoEnvelopes));
    await declareNoConflicts(this.t, roomId, [this.people.chair, this.people.judge], bidIds(bids));
    const declarations = bidIds(bids).map((bidId) =>
      bidId === bids.bidA ? { bidId, conflict: true, reason: '曾与该团队合作发表论文' } : { bidId, conflict: false },
    );
    await this.expect(
      this.t.http().post(`/api/rooms/${roomId}/declarations`).set(this.people.recused.auth).send({ declarations }),
      200,
      'declare',
    );
    return { ...bids, roomId, twoEnvelopes };
  }

  /** A draw of a new shortlisted challenge (both teams), committed by the admin, and run when `run`. */
  async draw(run: boolean): Promise<DrawnPanel> {
    const bids = await this.shortlisted(true);
    const admin = this.people.admin.auth;
    const draw = await this.expect(
      this.t.http().post('/api/rooms/draws').set(admin).send({ challengeId: bids.challengeId, size: 3, fields: [DRAW_FIELD], alternates: 1 }),
      201,
      'commit a draw',
    );
    const drawId = draw.id as string;
    const ran = run ? await this.expect(this.t.http().post(`/api/rooms/draws/${drawId}/run`).set(admin), 200, 'run a draw') : null;
    return { ...bids, drawId, panel: (ran?.panel as string[] | undefined) ?? [] };
  }

  /** A room convened from a new draw, the admin chairing; answers its second drawn judge. */
  async drawnRoom(): Promise<{ roomId: string; judgeId: string }> {
    const draw = await this.draw(true);
    const room = await this.expect(
      this.t
        .http()
        .post('/api/rooms')
        .set(this.people.admin.auth)
        .send({
          challengeId: draw.challengeId,
          drawId: draw.drawId,
          chairUserId: this.people.admin.id,
          bids: bidIds(draw).map((bidId) => ({ bidId, presentationMinutes: 10, qaMinutes: 5 })),
          objectionWindowMinutes: 60,
        }),
      201,
      'convene from a draw',
    );
    return { roomId: room.roomId as string, judgeId: draw.panel[1] };
  }

  // --- the live room, driven by the chair and the judges over their sockets -------------------------

  /** A command of the chair's, which must succeed. */
  chair(command: RoomCommandName, room: Room, payload: object = {}): Promise<SocketAck> {
    return this.sockets.chair.ok(command, { roomId: room.roomId, ...payload });
  }

  /** Every judge not recused from the bid scores it. */
  async score(room: Room, bidId: string): Promise<void> {
    const judges: SignedIn[] = bidId === room.bidA ? ['chair', 'judge'] : ['chair', 'judge', 'recused'];
    for (const judge of judges) await this.sockets[judge].ok('score:submit', { roomId: room.roomId, bidId, scores: room.twoEnvelopes ? TECHNICAL_SCORES : SCORES, opId: opId() });
  }

  /** lead objects to the ranking of the team's bid; answers the objection's id. */
  async object(room: Room): Promise<string> {
    const body = await this.expect(
      this.t.http().post(`/api/rooms/${room.roomId}/objections`).set(this.people.lead.auth).send({ bidId: room.bidA, text: '评分过程存在疑问，请复核。' }),
      201,
      'object',
    );
    return (body.objection as { id: string }).id;
  }

  /** A new invitation of user's, pending: to a new team of lead's, or to a new organisation of ent's (each call its own). */
  async invitation(to: 'team' | 'organisation'): Promise<string> {
    const { ent, lead, user } = this.people;
    if (to === 'team') return (await inviteToTeam(this.t, lead, (await createTeam(this.t, lead)).id, user)).id;
    const org = await this.expect(
      this.t.http().post('/api/orgs').set(ent.auth).send({ name: `受邀研究院 ${randomBytes(3).toString('hex')}`, kind: 'INSTITUTE', country: 'CN' }),
      201,
      'create organisation',
    );
    const invitation = await this.expect(this.t.http().post(`/api/orgs/${org.id as string}/members`).set(ent.auth).send({ email: user.email }), 201, 'invite');
    return invitation.id as string;
  }

  /** A fresh team led by lead with member, and removed as a former member. */
  async freshTeam(): Promise<TeamBody> {
    const { lead, member, removed } = this.people;
    const team = await createTeam(this.t, lead, { members: [member, removed] });
    await this.expect(this.t.http().delete(`/api/teams/${team.id}/members/${removed.id}`).set(lead.auth), 204, 'remove member');
    return team;
  }
}
