import { Injectable } from '@nestjs/common';
import { connectionManager } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from './auth-user';
import { OrgRepository } from './orgs/org.repository';
import type { Actor } from './policy';

/** Builds the Actor for object-level checks: the token's roles plus the verified enterprises the user acts for. */
@Injectable()
export class ActorService {
  constructor(private readonly dataSource: DataSource) {}

  async load(user: AuthUser, manager: EntityManager = connectionManager(this.dataSource)): Promise<Actor> {
    return { userId: user.id, roles: user.roles, enterpriseOrgIds: await new OrgRepository(manager).enterpriseOrgIdsOf(user.id) };
  }
}
