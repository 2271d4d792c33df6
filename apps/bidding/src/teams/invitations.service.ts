import { Injectable } from '@nestjs/common';
import { AuthUser, byPendingThenNewest, InvitationView, OrgsService } from '@app/auth';
import { InvitationDecision } from '@app/domain';
import { TeamsService } from './teams.service';

/**
 * The invitee's side of membership by consent, for teams and organisations alike: one list, one
 * way to answer. Each invitation is decided by its owner (teams here, organisations in libs/auth).
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly teams: TeamsService,
    private readonly orgs: OrgsService,
  ) {}

  async mine(user: AuthUser): Promise<InvitationView[]> {
    const [teams, orgs] = await Promise.all([this.teams.invitationsOf(user.id), this.orgs.invitationsOf(user.id)]);
    return [...teams, ...orgs].sort(byPendingThenNewest);
  }

  /** 404 INVITATION_NOT_FOUND when the id is neither a team's nor an organisation's invitation. */
  async decide(user: AuthUser, invitationId: string, decision: InvitationDecision): Promise<InvitationView> {
    return (await this.teams.isTeamInvitation(invitationId))
      ? this.teams.decideInvitation(user, invitationId, decision)
      : this.orgs.decideInvitation(user, invitationId, decision);
  }
}
