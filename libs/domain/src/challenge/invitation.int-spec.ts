import { createDataSource } from '@app/database';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../../test/support/database';
import { organisationIdentity } from '../identity/organisation-identity';
import { InvitableTeam, invitationKeys, invitationKeysSql, Invitations, invitedSql, isInvited } from './invitation';

/** One reader's memberships: current teams, teams they left, organisations they belong to. */
interface Memberships {
  teams: string[];
  left: string[];
  orgs: string[];
}

const TEAMS: Record<string, string | null> = { 'team-a': 'org-a', 'team-b': 'org-b', 'team-free': null };
const ORGS = ['org-a', 'org-b', 'org-c'];

const nobody: Memberships = { teams: [], left: [], orgs: [] };
const cases: [string, boolean, Memberships, Invitations][] = [
  ['no memberships', false, nobody, { invitedTeamIds: ['team-a'], invitedOrgIds: ['org-a'] }],
  ['a member of the invited team', true, { ...nobody, teams: ['team-free'] }, { invitedTeamIds: ['team-free'], invitedOrgIds: [] }],
  ['a lead of a team of the invited organisation, not its member', true, { ...nobody, teams: ['team-a'] }, { invitedTeamIds: [], invitedOrgIds: ['org-a'] }],
  ['a member of the invited organisation, in no team', true, { ...nobody, orgs: ['org-c'] }, { invitedTeamIds: [], invitedOrgIds: ['org-c'] }],
  ['a member who left the invited team', false, { ...nobody, left: ['team-free'] }, { invitedTeamIds: ['team-free'], invitedOrgIds: [] }],
  ['a member who left the team of the invited organisation', false, { ...nobody, left: ['team-a'] }, { invitedTeamIds: [], invitedOrgIds: ['org-a'] }],
  ['a member of another team and organisation', false, { teams: ['team-b'], left: [], orgs: ['org-c'] }, { invitedTeamIds: ['team-a'], invitedOrgIds: ['org-a'] }],
  ['a team of one organisation, a membership of another', true, { teams: ['team-b'], left: [], orgs: ['org-c'] }, { invitedTeamIds: [], invitedOrgIds: ['org-b'] }],
  ['an empty invitation', false, { teams: ['team-a'], left: [], orgs: ['org-a'] }, { invitedTeamIds: [], invitedOrgIds: [] }],
];

describe('the invitation rule in TypeScript and in SQL (integration)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  /** Fixture names to row ids. */
  const ids = new Map<string, string>();
  const id = (name: string): string => ids.get(name) ?? name;

  const insert = async (name: string, sql: string, parameters: unknown[]): Promise<string> => {
    const [row]: { id: string }[] = await dataSource.query(sql, parameters);
    ids.set(name, row.id);
    return row.id;
  };

  /** A user with the memberships, written into team_member and org_member. */
  const reader = async (name: string, memberships: Memberships): Promise<string> => {
    const user = await insert(name, `INSERT INTO user_account (email, display_name, password_hash) VALUES ($1, $1, 'x') RETURNING id`, [`${name}@example.cn`]);
    for (const team of [...memberships.teams, ...memberships.left]) {
      await dataSource.query(
        `INSERT INTO team_member (team_id, user_id, role, joined_at, left_at)
         VALUES ($1, $2, 'LEAD', now() - interval '1 day', CASE WHEN $3 THEN now() END)`,
        [id(team), user, memberships.left.includes(team)],
      );
    }
    for (const org of memberships.orgs) await dataSource.query('INSERT INTO org_member (org_id, user_id) VALUES ($1, $2)', [id(org), user]);
    return user;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url, poolSize: 1 });
    await dataSource.initialize();
    const creator = await insert('creator', `INSERT INTO user_account (email, display_name, password_hash) VALUES ('creator@example.cn', '创建者', 'x') RETURNING id`, []);
    for (const org of ORGS) {
      const identity = organisationIdentity({ name: org, country: 'CN', creditCode: null });
      await insert(
        org,
        `INSERT INTO organisation (name, kind, country, created_by, identity_key, normalised_name) VALUES ($1, 'UNIVERSITY', 'CN', $2, $3, $4) RETURNING id`,
        [org, creator, identity.key, identity.normalisedName],
      );
    }
    for (const [team, org] of Object.entries(TEAMS)) {
      const orgId = org === null ? null : id(org);
      await insert(team, `INSERT INTO team (name, kind, country, org_id, created_by) VALUES ($1, 'RESEARCH_GROUP', 'CN', $2, $3) RETURNING id`, [team, orgId, creator]);
    }
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it.each(cases)('%s: both say %p', async (name, expected, memberships, invitations) => {
    const user = await reader(name.replace(/\W+/g, '-'), memberships);
    const teams: InvitableTeam[] = memberships.teams.map((team) => ({ id: id(team), orgId: TEAMS[team] === null ? null : id(TEAMS[team] ?? '') }));
    const asStored: Invitations = { invitedTeamIds: invitations.invitedTeamIds.map(id), invitedOrgIds: invitations.invitedOrgIds.map(id) };
    const inTypeScript = isInvited(asStored, invitationKeys(teams, memberships.orgs.map(id)));
    const [{ invited }]: { invited: boolean }[] = await dataSource.query(
      `SELECT ${invitedSql('c', 'k.team_ids', 'k.org_ids')} AS invited
         FROM (SELECT $2::uuid[] AS invited_team_ids, $3::uuid[] AS invited_org_ids) c
              CROSS JOIN (SELECT ${invitationKeysSql('$1::uuid')}) k`,
      [user, asStored.invitedTeamIds, asStored.invitedOrgIds],
    );
    expect({ inTypeScript, inSql: invited }).toEqual({ inTypeScript: expected, inSql: expected });
  });
});
