import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

const held = new AsyncLocalStorage<EntityManager>();

/**
 * Runs `work` on one pool connection checked out for all of it: inside, `connectionManager` answers
 * that connection's manager, so several statements and a transaction of one request share it. A
 * request then waits for the pool once instead of once per statement, and under a burst the pool's
 * first-in first-out queue serves requests in the order they arrived (docs/performance.md, P4).
 * Everything inside must use `connectionManager` (or a manager derived from it), never the data
 * source's own pool, or a full pool could wait on itself.
 */
export async function withOneConnection<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    return await held.run(runner.manager, work);
  } finally {
    await runner.release();
  }
}

/** The manager of the connection `withOneConnection` holds for this call chain, else the data source's. */
export function connectionManager(dataSource: DataSource): EntityManager {
  const manager = held.getStore();
  return manager && manager.connection === dataSource ? manager : dataSource.manager;
}
