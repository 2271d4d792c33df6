import { createDataSource } from '@app/database';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../../test/support/database';
import {
  CHALLENGE_STATUSES,
  ChallengeStatus,
  effectiveChallengeStatus,
  effectiveStatusSql,
  isPastDeadline,
  pastDeadlineSql,
  readsAsStatusSql,
} from './challenge-lifecycle';

const NOW = new Date('2026-06-30T16:00:00.000Z');
const DEADLINES: [string, Date][] = [
  ['a second before now', new Date(NOW.getTime() - 1000)],
  ['exactly now', NOW],
  ['a millisecond after now', new Date(NOW.getTime() + 1)],
];

describe('"closed past the deadline" in TypeScript and in SQL (integration)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url, poolSize: 1 });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const cases = CHALLENGE_STATUSES.flatMap((status) => DEADLINES.map(([when, closesAt]) => [status, when, closesAt] as const));

  it.each(cases)('%s with closesAt %s', async (status, _, closesAt) => {
    const [row]: { past: boolean; effective: string; published: boolean; closed: boolean }[] = await dataSource.query(
      `SELECT ${pastDeadlineSql('c', '$3::timestamptz')} AS past, ${effectiveStatusSql('c', '$3::timestamptz')} AS effective,
              ${readsAsStatusSql('c', ChallengeStatus.PUBLISHED, '$3::timestamptz')} AS published,
              ${readsAsStatusSql('c', ChallengeStatus.CLOSED, '$3::timestamptz')} AS closed
         FROM (SELECT $1::text AS status, $2::timestamptz AS closes_at) c`,
      [status, closesAt, NOW],
    );
    const effective = effectiveChallengeStatus(status, closesAt, NOW);
    expect(row).toEqual({
      past: isPastDeadline(status, closesAt, NOW),
      effective,
      published: effective === ChallengeStatus.PUBLISHED,
      closed: effective === ChallengeStatus.CLOSED,
    });
  });

  it('closes a PUBLISHED challenge when the clock reaches closesAt, and no other', () => {
    const closing = cases.filter(([status, , closesAt]) => isPastDeadline(status, closesAt, NOW)).map(([status, when]) => `${status} ${when}`);
    expect(closing).toEqual(['PUBLISHED a second before now', 'PUBLISHED exactly now']);
  });
});
