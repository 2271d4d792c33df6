import { Injectable } from '@nestjs/common';
import { containsPattern, PlatformRole } from '@app/database';
import { DataSource } from 'typeorm';
import { SearchUsersQuery, USER_SEARCH_LIMIT_DEFAULT, UserOrgView, UserSummaryView } from '../dto/user.dto';

interface UserSummaryRow {
  id: string;
  email: string;
  display_name: string;
  roles: PlatformRole[];
  organisations: UserOrgView[];
}

/** Finding users by name or email, for the bureau (e.g. to add one to the expert pool). Never reads the password hash. */
@Injectable()
export class UsersService {
  constructor(private readonly dataSource: DataSource) {}

  async search(query: SearchUsersQuery): Promise<UserSummaryView[]> {
    const rows: UserSummaryRow[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.display_name, u.roles,
              COALESCE(
                (SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'verified', o.verified_at IS NOT NULL)
                                 ORDER BY o.name, o.id)
                   FROM org_member m JOIN organisation o ON o.id = m.org_id
                  WHERE m.user_id = u.id),
                '[]'::json) AS organisations
         FROM user_account u
        WHERE u.display_name ILIKE $1 OR u.email ILIKE $1
        ORDER BY u.display_name, u.email, u.id
        LIMIT $2`,
      [containsPattern(query.q), query.limit ?? USER_SEARCH_LIMIT_DEFAULT],
    );
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      roles: row.roles,
      organisations: row.organisations.map((org) => ({ id: org.id, name: org.name, kind: org.kind, verified: org.verified })),
    }));
  }
}
