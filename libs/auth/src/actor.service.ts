import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from './auth-user';
import type { Actor } from './policy';

/** Builds the Actor for object-level checks: the token's roles plus the verified enterprises the user acts for. */
@Injectable()
export class ActorService {
  constructor(private readonly dataSource: DataSource) {}

  async load(user: AuthUser, manager: EntityManager = this.dataSource.manager): Promise<Actor> {
    const rows: { org_id: string }[] = await manager.query(
      `SELECT m.org_id FROM org_member m JOIN organisation o ON o.id = m.org_id
        WHERE m.user_id = $1 AND o.kind = 'ENTERPRISE' AND o.verified_at IS NOT NULL`,
      [user.id],
    );
    return { userId: user.id, roles: user.roles, enterpriseOrgIds: rows.map((r) => r.org_id) };
  }
}
