import type { AuthUser } from '@app/auth';
import type { AppConfig } from '@app/core';
import { creditCodeCheckChar, DEFAULT_PASS_MARK } from '@app/domain';
import type { DataSource } from 'typeorm';
import {
  DEMO_CHALLENGES,
  DEMO_COMMENTS,
  DEMO_DECLARED_CONFLICT,
  DEMO_EXPERTS,
  DEMO_JUDGES,
  DEMO_NDA,
  DEMO_PASSWORD,
  DEMO_QUESTION,
  DEMO_RUBRIC,
  DEMO_SCORES,
  DEMO_TEAMS,
  DEMO_USERS,
  DemoChallenge,
  DemoChallengeKey,
  DemoTeam,
  DemoJudgeKey,
  DemoTeamKey,
  DemoUserKey,
  demoMilestones,
  demoProposal,
  ENTERPRISE_CREDIT_CODE_17,
  ENTERPRISE_ORG,
  UNIVERSITY_ORG,
} from './demo-data';
import type { DemoHttp } from './demo-http';
import { DemoRepository } from './demo.repository';

/**
 * The live-room commands the demo plays in the finalised room: the evaluation service's
 * LiveScoringService and RoomVerdictService, which its socket gateway calls for every room command.
 */
export interface DemoScoringCommands {
  open(user: AuthUser, message: { roomId: string; opId?: string }): Promise<unknown>;
  present(user: AuthUser, message: { roomId: string; bidId: string; opId?: string }): Promise<unknown>;
  startTimer(user: AuthUser, message: { roomId: string; phase?: 'PRESENTATION' | 'QA'; opId?: string }): Promise<unknown>;
  pauseTimer(user: AuthUser, message: { roomId: string; opId?: string }): Promise<unknown>;
  submitScore(user: AuthUser, message: { roomId: string; bidId: string; scores: Record<string, unknown>; comment?: string; opId: string }): Promise<unknown>;
  lock(user: AuthUser, message: { roomId: string; bidId: string; opId?: string }): Promise<unknown>;
}

export interface DemoVerdictCommands {
  reveal(user: AuthUser, message: { roomId: string; opId?: string }): Promise<unknown>;
  finalize(user: AuthUser, message: { roomId: string; opId?: string }): Promise<unknown>;
}

export interface DemoSeedDeps {
  http: DemoHttp;
  dataSource: DataSource;
  scoring: DemoScoringCommands;
  verdict: DemoVerdictCommands;
  /** The access token's verification, as HTTP and the socket handshake do it. */
  verifyToken: (token: string) => AuthUser;
  config: AppConfig;
  admin: { email: string; password: string };
}

interface Session {
  accessToken: string;
  user: { id: string };
}

interface Account {
  id: string;
  token: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the demo marketplace through the platform's own API, as its users would: registration,
 * organisations verified by the bureau, the expert pool, teams, challenges drafted, submitted and
 * published, questions, an NDA, sealed bids, shortlisting, two rooms convened with their
 * declarations, and one room played to the end. Only the passing of time is helped along: the
 * deadlines of the challenges that should be closed are moved into the past in SQL (publication
 * needs a window of 24 h), and the close job and the outbox consumers do the rest.
 */
export class DemoSeeder {
  private readonly users = new Map<DemoUserKey, Account>();
  private readonly teams = new Map<DemoTeamKey, string>();
  private readonly challenges = new Map<DemoChallengeKey, string>();
  /** Bid ids per challenge, per team. */
  private readonly bids = new Map<DemoChallengeKey, Map<DemoTeamKey, string>>();
  private admin!: Account;
  private universityOrgId!: string;

  private readonly demo: DemoRepository;

  constructor(private readonly deps: DemoSeedDeps) {
    this.demo = new DemoRepository(deps.dataSource.manager);
  }

  async run(): Promise<void> {
    await this.accounts();
    await this.organisations();
    // Steps that touch different rows run side by side; each request is still a whole API call.
    await Promise.all([this.experts(), this.createTeams()]);
    await this.createChallenges();
    await Promise.all([this.questionAndNda(), ...DEMO_CHALLENGES.map((c) => this.submitBids(c))]);
    await this.closeBidding();
    const [electrode, magnet] = await Promise.all([
      this.convene('electrode', { chair: this.user('judge1'), objectionWindowMinutes: 10, presentationMinutes: 15 }),
      this.convene('magnet', { chair: this.admin, objectionWindowMinutes: 0, presentationMinutes: 20 }),
    ]);
    await Promise.all([this.declare(electrode, 'electrode'), this.declare(magnet, 'magnet')]);
    await this.playRoom(magnet, 'magnet');
    await this.settle();
  }

  private user(key: DemoUserKey): Account {
    const account = this.users.get(key);
    if (!account) throw new Error(`demo user ${key} is missing`);
    return account;
  }

  private challenge(key: DemoChallengeKey): string {
    const id = this.challenges.get(key);
    if (!id) throw new Error(`demo challenge ${key} is missing`);
    return id;
  }

  private async accounts(): Promise<void> {
    const { http, admin } = this.deps;
    const session = await http.call<Session>('POST', '/api/auth/login', { body: { email: admin.email, password: admin.password }, expected: 200 });
    this.admin = { id: session.user.id, token: session.accessToken };
    // Registration hashes each password (argon2): done side by side.
    const sessions = await Promise.all(
      DEMO_USERS.map((u) =>
        http.post<Session>('/api/auth/register', undefined, { email: u.email, password: DEMO_PASSWORD, displayName: u.displayName, locale: u.locale }),
      ),
    );
    DEMO_USERS.forEach((u, i) => this.users.set(u.key, { id: sessions[i].user.id, token: sessions[i].accessToken }));
  }

  private async organisations(): Promise<void> {
    const { http } = this.deps;
    const check = creditCodeCheckChar(ENTERPRISE_CREDIT_CODE_17);
    if (!check) throw new Error('the demo credit code is malformed');
    const enterprise = await http.post<{ id: string }>('/api/orgs', this.user('enterprise').token, {
      ...ENTERPRISE_ORG,
      creditCode: `${ENTERPRISE_CREDIT_CODE_17}${check}`,
    });
    const university = await http.post<{ id: string }>('/api/orgs', this.user('leadKunming').token, { ...UNIVERSITY_ORG });
    for (const org of [enterprise, university]) await http.post(`/api/orgs/${org.id}/verify`, this.admin.token, undefined, 200);
    this.universityOrgId = university.id;
  }

  private async experts(): Promise<void> {
    await Promise.all(
      DEMO_EXPERTS.map((expert) =>
        this.deps.http.post('/api/experts', this.admin.token, {
          userId: this.user(expert.judge).id,
          title: expert.title,
          fields: expert.fields,
          bio: expert.bio,
          ...(expert.university ? { affiliationOrgId: this.universityOrgId } : {}),
        }),
      ),
    );
  }

  private async createTeams(): Promise<void> {
    await Promise.all(DEMO_TEAMS.map((team) => this.createTeam(team)));
  }

  private async createTeam(team: DemoTeam): Promise<void> {
    const { http } = this.deps;
    const lead = this.user(team.lead);
    const created = await http.post<{ id: string }>('/api/teams', lead.token, {
      name: team.name,
      kind: team.kind,
      country: team.country,
      ...(team.university ? { orgId: this.universityOrgId } : {}),
    });
    // Nobody joins without accepting (docs/integrity.md): the lead invites, each member accepts with their own login.
    for (const member of team.members) {
      const email = DEMO_USERS.find((u) => u.key === member)?.email;
      const invitation = await http.post<{ id: string }>(`/api/teams/${created.id}/members`, lead.token, { email, role: 'MEMBER' });
      await http.post(`/api/invitations/${invitation.id}/accept`, this.user(member).token, undefined, 200);
    }
    this.teams.set(team.key, created.id);
  }

  /** Drafted and submitted side by side, then published one by one so the public list has a stable order. */
  private async createChallenges(): Promise<void> {
    await Promise.all(DEMO_CHALLENGES.map((c) => this.createChallenge(c)));
    for (const challenge of DEMO_CHALLENGES) {
      if (challenge.stage !== 'SUBMITTED') {
        await this.deps.http.post(`/api/challenges/${this.challenge(challenge.key)}/publish`, this.admin.token, undefined, 200);
      }
    }
  }

  private async createChallenge(challenge: DemoChallenge): Promise<void> {
    const { http } = this.deps;
    const enterprise = this.user('enterprise');
    // Opens a few minutes ago by this machine's clock (the database's decides; a little slack for skew).
    const opensAt = new Date(Date.now() - 5 * 60_000);
    const closesAt = new Date(opensAt.getTime() + challenge.openDays * 24 * 60 * 60_000);
    const draft = await http.post<{ id: string }>('/api/challenges', enterprise.token, {
      title: challenge.title,
      summary: challenge.summary,
      detail: challenge.detail,
      industryField: challenge.industryField,
      tags: challenge.tags,
      indicators: challenge.indicators,
      rewardFen: challenge.rewardFen,
      winners: challenge.winners,
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      eligibility: 'OPEN',
      ipTerms: challenge.ipTerms,
      ndaRequired: challenge.ndaRequired,
      passMark: DEFAULT_PASS_MARK,
      rubric: DEMO_RUBRIC,
    });
    await http.post(`/api/challenges/${draft.id}/submit`, enterprise.token, undefined, 200);
    this.challenges.set(challenge.key, draft.id);
  }

  private async questionAndNda(): Promise<void> {
    const { http } = this.deps;
    const challengeId = this.challenge(DEMO_QUESTION.challenge);
    const asked = await http.post<{ id: string }>(`/api/challenges/${challengeId}/questions`, this.user(DEMO_QUESTION.asker).token, {
      question: DEMO_QUESTION.question,
    });
    await http.post(`/api/challenges/${challengeId}/questions/${asked.id}/answer`, this.user('enterprise').token, { answer: DEMO_QUESTION.answer }, 200);
    const team = DEMO_TEAMS.find((t) => t.key === DEMO_NDA.team);
    if (!team) throw new Error('the demo NDA team is missing');
    await http.post(`/api/challenges/${this.challenge(DEMO_NDA.challenge)}/nda`, this.user(team.lead).token, { teamId: this.teams.get(team.key) });
  }

  private async submitBids(challenge: DemoChallenge): Promise<void> {
    const ids = new Map<DemoTeamKey, string>();
    for (const bid of challenge.bids) {
      const team = DEMO_TEAMS.find((t) => t.key === bid.team);
      if (!team) throw new Error(`demo team ${bid.team} is missing`);
      const created = await this.deps.http.post<{ id: string }>(`/api/challenges/${this.challenge(challenge.key)}/bids`, this.user(team.lead).token, {
        teamId: this.teams.get(team.key),
        technicalApproach: bid.technicalApproach,
        proposal: demoProposal(team, challenge, bid),
        quotedPriceFen: bid.quotedPriceFen,
        durationDays: bid.durationDays,
        milestones: demoMilestones(bid.durationDays),
        keyPersonnelUserIds: [team.lead, ...team.members].map((key) => this.user(key).id),
        pledgeAccepted: true,
      });
      ids.set(bid.team, created.id);
    }
    this.bids.set(challenge.key, ids);
  }

  /**
   * The time that would pass in a real marketplace: bidding on the challenges meant to be closed
   * ends now (by the database clock). The close job then stores CLOSED and emits challenge.closed.
   */
  private async closeBidding(): Promise<void> {
    const ids = DEMO_CHALLENGES.filter((c) => ['CLOSED', 'CONVENED', 'AWARDED'].includes(c.stage)).map((c) => this.challenge(c.key));
    await this.demo.endBidding(ids);
    await this.waitFor('the close job to close the demo challenges', () => this.demo.allInStatus(ids, 'CLOSED'));
  }

  /** The enterprise shortlists every bid; the bureau convenes the room with the five experts. */
  private async convene(
    key: DemoChallengeKey,
    options: { chair: Account; objectionWindowMinutes: number; presentationMinutes: number },
  ): Promise<string> {
    const { http } = this.deps;
    const bidIds = [...(this.bids.get(key)?.values() ?? [])];
    await Promise.all(
      bidIds.map((bidId) =>
        http.post(`/api/bids/${bidId}/shortlist`, this.user('enterprise').token, { decision: 'SHORTLISTED', reason: '形式审查通过 Passed the formal review' }, 200),
      ),
    );
    const room = await http.post<{ roomId: string }>('/api/rooms', this.admin.token, {
      challengeId: this.challenge(key),
      judgeIds: DEMO_JUDGES.map((j) => this.user(j).id),
      handPickedReason: '演示数据：指定评审专家 Demo data: the judges are hand-picked',
      chairUserId: options.chair.id,
      bids: bidIds.map((bidId) => ({ bidId, presentationMinutes: options.presentationMinutes, qaMinutes: 10 })),
      aggregation: 'TRIMMED_MEAN',
      objectionWindowMinutes: options.objectionWindowMinutes,
    });
    return room.roomId;
  }

  /** Every judge declares on every bid (automatic recusals are already recorded); one conflict is declared by hand. */
  private async declare(roomId: string, key: DemoChallengeKey): Promise<void> {
    const { http } = this.deps;
    const bids = this.bids.get(key) ?? new Map<DemoTeamKey, string>();
    const conflictBid = key === 'electrode' ? bids.get(DEMO_DECLARED_CONFLICT.team) : undefined;
    await Promise.all(
      DEMO_JUDGES.map(async (judge) => {
        const { id, token } = this.user(judge);
        // A judge reads their own declarations (a chair reads everyone's): the automatic recusals are among them.
        const recorded = await http.get<{ judgeId: string; bidId: string; automatic: boolean }[]>(`/api/rooms/${roomId}/declarations`, token);
        const declarations = [...bids.values()]
          .filter((bidId) => !recorded.some((d) => d.judgeId === id && d.bidId === bidId && d.automatic))
          .map((bidId) =>
            judge === DEMO_DECLARED_CONFLICT.judge && bidId === conflictBid
              ? { bidId, conflict: true, reason: DEMO_DECLARED_CONFLICT.reason }
              : { bidId, conflict: false },
          );
        await http.post(`/api/rooms/${roomId}/declarations`, token, { declarations }, 200);
      }),
    );
  }

  /** The finalised room: presentations, each judge's scores, locks, the reveal and the award. */
  private async playRoom(roomId: string, key: DemoChallengeKey): Promise<void> {
    const { scoring, verdict, verifyToken } = this.deps;
    const chair = verifyToken(this.admin.token);
    const judges = new Map(DEMO_JUDGES.map((j): [DemoJudgeKey, AuthUser] => [j, verifyToken(this.user(j).token)]));
    const op = (name: string) => `demo:${name}`;
    await scoring.open(chair, { roomId, opId: op('open') });
    for (const [team, bidId] of this.bids.get(key) ?? []) {
      await scoring.present(chair, { roomId, bidId, opId: op(`present:${team}`) });
      await scoring.startTimer(chair, { roomId, phase: 'PRESENTATION', opId: op(`timer:${team}`) });
      await scoring.pauseTimer(chair, { roomId, opId: op(`pause:${team}`) });
      // The panel scores side by side, as in a real room (the room row lock orders the commands).
      await Promise.all(
        DEMO_JUDGES.map(async (judge) => {
          const sheet = DEMO_SCORES[team][judge];
          if (!sheet) return;
          const [technical, feasibility, teamScore, value] = sheet;
          await scoring.submitScore(judges.get(judge) as AuthUser, {
            roomId,
            bidId,
            scores: { technical, feasibility, team: teamScore, value },
            comment: DEMO_COMMENTS[team],
            opId: op(`score:${team}:${judge}`),
          });
        }),
      );
      await scoring.lock(chair, { roomId, bidId, opId: op(`lock:${team}`) });
    }
    await verdict.reveal(chair, { roomId, opId: op('reveal') });
    await verdict.finalize(chair, { roomId, opId: op('finalize') });
  }

  /** Waits for the outbox consumers: the convened challenge EVALUATING, the finalised one AWARDED with its bids. */
  private async settle(): Promise<void> {
    await this.waitFor('evaluation.started to reach the challenges service', () => this.demo.allInStatus([this.challenge('electrode')], 'EVALUATING'));
    await this.waitFor('evaluation.finalized to reach the challenges and bidding services', () => this.demo.awardSettled(this.challenge('magnet')));
  }

  private async waitFor(what: string, done: () => Promise<boolean>): Promise<void> {
    const { config } = this.deps;
    const timeoutMs = 3 * Math.max(config.closeJobIntervalMs, config.outboxPollMs) + 15_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await done()) return;
      if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
      await sleep(50);
    }
  }
}
