import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { createDataSource } from './data-source';
import { connectionManager, withOneConnection } from './request-connection';

describe('withOneConnection (integration)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let other: DataSource;

  /** The server process answering; the short sleep keeps its connection busy, so a pool would use another one meanwhile. */
  const backend = async (source: DataSource): Promise<number> =>
    ((await connectionManager(source).query('SELECT pg_backend_pid() AS pid, pg_sleep(0.05)')) as { pid: number }[])[0].pid;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url, poolSize: 3 });
    other = createDataSource({ url: database.url, poolSize: 1 });
    await Promise.all([dataSource.initialize(), other.initialize()]);
  });
  afterAll(async () => {
    await Promise.all([dataSource.destroy(), other.destroy()]);
    await database.drop();
  });

  it('runs every statement and transaction of the call chain on the one connection it holds', async () => {
    await withOneConnection(dataSource, async () => {
      const first = await backend(dataSource);
      // Concurrent statements of the chain would take the pool's second connection if they did not share.
      const [a, b] = await Promise.all([backend(dataSource), backend(dataSource)]);
      const inTransaction = await connectionManager(dataSource).transaction(async (manager) => {
        const [{ pid }]: { pid: number }[] = await manager.query('SELECT pg_backend_pid() AS pid');
        return pid;
      });
      expect([a, b, inTransaction]).toEqual([first, first, first]);
    });
  });

  it('gives the connection back, also when the work fails, and leaves other data sources alone', async () => {
    const held = await withOneConnection(dataSource, async () => {
      // Another data source inside the chain still uses its own pool.
      expect(connectionManager(other)).toBe(other.manager);
      return backend(dataSource);
    });
    await expect(
      withOneConnection(dataSource, async () => {
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    // All three pool connections are free again: three held at once, one of them the released one.
    const pids = await Promise.all([0, 1, 2].map(() => withOneConnection(dataSource, () => backend(dataSource))));
    expect(new Set(pids).size).toBe(3);
    expect(pids).toContain(held);
    // Outside any chain the data source's own manager answers.
    expect(connectionManager(dataSource)).toBe(dataSource.manager);
  });
});
