import { Injectable } from '@nestjs/common';
import { AuthUser, authorize } from '@app/auth';
import { ChallengeStatus, Conflict, isTeamInvited, NotFound } from '@app/domain';
import { DataSource } from 'typeorm';
import { ChallengeAccess } from '../access/challenge-access.service';
import { toNdaAcceptanceView } from '../challenges/challenge.views';
import { NdaAcceptanceView } from '../challenges/dto/challenge.dto';
import { AcceptNdaDto } from './dto/nda.dto';
import { NdaRepository } from './nda.repository';
import { TeamReads } from './team.reads';

/** NDAs of challenges whose detail is confidential: a team lead accepts for the team; who, which version and when are kept. */
@Injectable()
export class NdaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ChallengeAccess,
  ) {}

  /** Records the acceptance; accepting again answers the first record (`created` false). */
  accept(user: AuthUser, challengeId: string, dto: AcceptNdaDto): Promise<{ created: boolean; acceptance: NdaAcceptanceView }> {
    return this.dataSource.transaction(async (manager) => {
      const reader = await this.access.reader(user, manager);
      const challenge = await this.access.visible(challengeId, reader, manager);
      const { entity } = challenge;
      const teams = new TeamReads(manager);
      const team = await teams.byId(dto.teamId);
      if (!team) throw new NotFound('Team');
      authorize(await teams.isLead(team.id, user.id), 'NOT_TEAM_LEAD', "Only the team's lead accepts an NDA on its behalf");
      if (entity.eligibility === 'INVITE_ONLY') {
        authorize(isTeamInvited(entity, team), 'TEAM_NOT_INVITED', 'This challenge is by invitation and this team (or its organisation) is not invited');
      }
      const ndas = new NdaRepository(manager);
      const existing = await ndas.find(entity.id, team.id);
      if (existing) return { created: false, acceptance: toNdaAcceptanceView(existing) };
      if (!entity.ndaRequired) throw new Conflict('NDA_NOT_REQUIRED', 'This challenge does not require an NDA');
      if (challenge.status !== ChallengeStatus.PUBLISHED) {
        const code = challenge.status === ChallengeStatus.CLOSED ? 'BIDDING_CLOSED' : 'CHALLENGE_NOT_PUBLISHED';
        throw new Conflict(code, `NDAs are accepted while the challenge is published and open, not when it is ${challenge.status}`);
      }
      const created = await ndas.accept({ challengeId: entity.id, teamId: team.id, userId: user.id, version: entity.version });
      return { created, acceptance: toNdaAcceptanceView(await ndas.findOrFail(entity.id, team.id)) };
    });
  }
}
