import { containsPattern, PlatformRole, UserEntity } from '@app/database';
import { EntityManager } from 'typeorm';
import type { UserOrgView } from './dto/user.dto';

/** An account as the bureau's user search shows it: never its password hash. */
export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  roles: PlatformRole[];
  organisations: UserOrgView[];
}

/** Accounts (user_account). Emails match in any case: uniqueness is on lower(email). */
export class UserRepository {
  constructor(private readonly db: EntityManager) {}

  async emailTaken(email: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM user_account WHERE lower(email) = lower($1)', [email]);
    return rows.length > 0;
  }

  create(user: Pick<UserEntity, 'email' | 'displayName' | 'locale' | 'passwordHash' | 'roles'>): Promise<UserEntity> {
    return this.db.save(this.db.create(UserEntity, user));
  }

  byEmail(email: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  byId(id: string): Promise<UserEntity | null> {
    return this.db.findOneBy(UserEntity, { id });
  }

  byIdOrFail(id: string): Promise<UserEntity> {
    return this.db.findOneByOrFail(UserEntity, { id });
  }

  /** The id of the account with this email, and whether it holds ADMIN; null when there is none. */
  async idByEmail(email: string): Promise<{ id: string; admin: boolean } | null> {
    const rows: { id: string; is_admin: boolean }[] = await this.db.query(
      `SELECT id, 'ADMIN' = ANY(roles) AS is_admin FROM user_account WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows.length > 0 ? { id: rows[0].id, admin: rows[0].is_admin } : null;
  }

  /** Creates an admin account; an account with this email created meanwhile wins (nothing happens). */
  async insertAdmin(email: string, displayName: string, passwordHash: string): Promise<void> {
    await this.db.query(
      `INSERT INTO user_account (email, display_name, locale, password_hash, roles) VALUES ($1, $2, 'zh-CN', $3, '{ADMIN}')
       ON CONFLICT DO NOTHING`,
      [email, displayName, passwordHash],
    );
  }

  /** Adds the role unless the account holds it already. */
  async grantRole(userId: string, role: PlatformRole): Promise<void> {
    await this.db.query(`UPDATE user_account SET roles = array_append(roles, $2) WHERE id = $1 AND NOT ($2 = ANY(roles))`, [userId, role]);
  }

  /** Accounts whose name or email contains `q`, by name, with their organisations (organisation and org_member, auth's too). */
  async search(q: string, limit: number): Promise<UserSummary[]> {
    const rows: { id: string; email: string; display_name: string; roles: PlatformRole[]; organisations: UserOrgView[] }[] = await this.db.query(
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
      [containsPattern(q), limit],
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
