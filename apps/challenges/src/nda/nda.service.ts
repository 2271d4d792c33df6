import { Injectable } from '@nestjs/common';
import { AuthUser, authorize } from '@app/auth';
import { NdaAcceptanceEntity, TeamEntity } from '@app/database';
import { ChallengeStatus, Conflict, isTeamInvited, NotFound } from '@app/domain';
import { DataSource } from 'typeorm';
import { ChallengeAccess } from '../access/challenge-access.service';
import { toNdaAcceptanceView } from '../challenges/challenge.views';
import { NdaAcceptanceView } from '../challenges/dto/challenge.dto';
import { AcceptNdaDto } from './dto/nda.dto';

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
      const team = await manager.findOneBy(TeamEntity, { id: dto.teamId });
      if (!team) throw new NotFound('Team');
      const lead: unknown[] = await manager.query(
        `SELECT 1 FROM team_member WHERE team_id = $1 AND user_id = $2 AND role = 'LEAD' AND left_at IS NULL`,
        [team.id, user.id],
      );
      authorize(lead.length > 0, 'NOT_TEAM_LEAD', "Only the team's lead accepts an NDA on its behalf");
      if (entity.eligibility === 'INVITE_ONLY') {
        authorize(isTeamInvited(entity, team), 'TEAM_NOT_INVITED', 'This challenge is by invitation and this team (or its organisation) is not invited');
      }
      const existing = await manager.findOneBy(NdaAcceptanceEntity, { challengeId: entity.id, teamId: team.id });
      if (existing) return { created: false, acceptance: toNdaAcceptanceView(existing) };
      if (!entity.ndaRequired) throw new Conflict('NDA_NOT_REQUIRED', 'This challenge does not require an NDA');
      if (challenge.status !== ChallengeStatus.PUBLISHED) {
        const code = challenge.status === ChallengeStatus.CLOSED ? 'BIDDING_CLOSED' : 'CHALLENGE_NOT_PUBLISHED';
        throw new Conflict(code, `NDAs are accepted while the challenge is published and open, not when it is ${challenge.status}`);
      }
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO nda_acceptance (challenge_id, team_id, user_id, version)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (challenge_id, team_id) DO NOTHING RETURNING id`,
        [entity.id, team.id, user.id, entity.version],
      );
      const acceptance = await manager.findOneByOrFail(NdaAcceptanceEntity, { challengeId: entity.id, teamId: team.id });
      return { created: inserted.length > 0, acceptance: toNdaAcceptanceView(acceptance) };
    });
  }
}
