import { ExpertEntity } from '@app/database';
import type { OrganisationOnRecord } from '@app/domain';
import { EntityManager } from 'typeorm';
import { ORG_ON_RECORD_COLUMNS, orgOnRecordOf, OrgOnRecordRow } from './org-identity.reads';

/** An expert of the pool with their account's name and email and their affiliation's name. */
export interface Expert {
  userId: string;
  displayName: string;
  email: string;
  title: string;
  fields: string[];
  affiliation: { orgId: string; name: string } | null;
  bio: string;
  createdAt: Date;
}

export type NewExpert = Pick<ExpertEntity, 'userId' | 'title' | 'fields' | 'affiliationOrgId' | 'bio' | 'createdBy'>;

export interface ExpertSearch {
  /** A whole field of expertise, any case. */
  field: string | null;
  /** A LIKE pattern matched against the name, title, bio, affiliation and fields. */
  pattern: string | null;
  limit: number;
  offset: number;
}

interface ExpertRow {
  user_id: string;
  display_name: string;
  email: string;
  title: string;
  fields: string[];
  affiliation_org_id: string | null;
  affiliation_name: string | null;
  bio: string;
  created_at: Date;
}

// The expert with what it shows of auth's user_account and organisation (read in the join).
const SELECT_EXPERT = `
  SELECT e.user_id, u.display_name, u.email, e.title, e.fields, e.affiliation_org_id, o.name AS affiliation_name, e.bio, e.created_at
    FROM expert e
    JOIN user_account u ON u.id = e.user_id
    LEFT JOIN organisation o ON o.id = e.affiliation_org_id`;

function toExpert(row: ExpertRow): Expert {
  return {
    userId: row.user_id,
    displayName: row.display_name,
    email: row.email,
    title: row.title,
    fields: row.fields,
    affiliation: row.affiliation_org_id ? { orgId: row.affiliation_org_id, name: row.affiliation_name ?? '' } : null,
    bio: row.bio,
    createdAt: row.created_at,
  };
}

/** The expert pool (评审专家库). */
export class ExpertRepository {
  constructor(private readonly db: EntityManager) {}

  async exists(userId: string): Promise<boolean> {
    return this.db.existsBy(ExpertEntity, { userId });
  }

  async insert(expert: NewExpert): Promise<void> {
    await this.db.insert(ExpertEntity, expert);
  }

  async find(userId: string): Promise<Expert | null> {
    const rows: ExpertRow[] = await this.db.query(`${SELECT_EXPERT} WHERE e.user_id = $1`, [userId]);
    return rows.length === 0 ? null : toExpert(rows[0]);
  }

  /** Experts by name, in pages; a null filter matches every expert. */
  async search(search: ExpertSearch): Promise<Expert[]> {
    const rows: ExpertRow[] = await this.db.query(
      `${SELECT_EXPERT}
        WHERE ($1::text IS NULL OR EXISTS (SELECT 1 FROM unnest(e.fields) f WHERE lower(f) = lower($1)))
          AND ($2::text IS NULL OR u.display_name ILIKE $2 OR e.title ILIKE $2 OR e.bio ILIKE $2 OR o.name ILIKE $2
               OR EXISTS (SELECT 1 FROM unnest(e.fields) f WHERE f ILIKE $2))
        ORDER BY u.display_name, e.user_id LIMIT $3 OFFSET $4`,
      [search.field, search.pattern, search.limit, search.offset],
    );
    return rows.map(toExpert);
  }

  /** These users' expert entries with whether they hold the JUDGE role and their affiliation's identity (the joins read auth's user_account and organisation). */
  async panelCandidates(userIds: readonly string[]): Promise<{ userId: string; affiliation: OrganisationOnRecord | null; judge: boolean }[]> {
    const rows: (OrgOnRecordRow & { user_id: string; judge: boolean })[] = await this.db.query(
      `SELECT e.user_id, ${ORG_ON_RECORD_COLUMNS}, 'JUDGE' = ANY(u.roles) AS judge
         FROM expert e JOIN user_account u ON u.id = e.user_id LEFT JOIN organisation o ON o.id = e.affiliation_org_id
        WHERE e.user_id = ANY($1::uuid[])`,
      [userIds],
    );
    return rows.map((e) => ({ userId: e.user_id, affiliation: orgOnRecordOf(e), judge: e.judge }));
  }

  /** Every expert of the pool holding the JUDGE role, with their fields and affiliation's identity: who a draw may consider. */
  async drawCandidates(): Promise<{ userId: string; fields: string[]; affiliation: OrganisationOnRecord | null }[]> {
    const rows: (OrgOnRecordRow & { user_id: string; fields: string[] })[] = await this.db.query(
      `SELECT e.user_id, e.fields, ${ORG_ON_RECORD_COLUMNS}
         FROM expert e JOIN user_account u ON u.id = e.user_id LEFT JOIN organisation o ON o.id = e.affiliation_org_id
        WHERE 'JUDGE' = ANY(u.roles)`,
    );
    return rows.map((e) => ({ userId: e.user_id, fields: e.fields, affiliation: orgOnRecordOf(e) }));
  }
}
