import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { NotFound } from '@app/domain';
import { EntityManager } from 'typeorm';
import type { AuthUser } from './auth-user';
import { ThrottleService } from './throttle.service';
import { UserRepository } from './user.repository';

/**
 * Inviting a member to a team or an organisation by email. The answer necessarily tells the
 * inviter whether the account exists (it is invited or it is not), so every attempt, successful or not, is
 * counted per user (THROTTLE_MEMBER_LOOKUPS_PER_HOUR, shared by every instance): nobody can walk
 * a list of addresses. The lookup is one indexed query either way, so the time does not tell more.
 */
@Injectable()
export class MemberLookup {
  constructor(
    private readonly throttle: ThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts one invitation by email for `user`; call it before the transaction, so a refused one still counts. */
  async count(user: AuthUser): Promise<void> {
    const limit = this.config.throttle.memberLookupsPerUserPerHour;
    await this.throttle.hit(`member-lookup:${user.id}`, limit, 3600, 'Too many members added by email this hour; try again later');
  }

  /** The id of the account with this email (in any case), else 404 USER_NOT_FOUND. */
  async find(manager: EntityManager, email: string): Promise<string> {
    const user = await new UserRepository(manager).idByEmail(email);
    if (!user) throw new NotFound('User');
    return user.id;
  }
}
