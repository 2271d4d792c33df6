import { DomainEvent } from '@app/domain';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../../../test/support/database';
import { until } from '../../../../test/support/wait';
import { createDataSource } from '../data-source';
import { OutboxDispatcher, OutboxDispatcherOptions, publishEvent } from './outbox';

describe('outbox (integration)', () => {
  let database: TestDatabase;
  const dataSources: DataSource[] = [];
  const dispatchers: OutboxDispatcher[] = [];

  const connect = async (): Promise<DataSource> => {
    const dataSource = createDataSource({ url: database.url, poolSize: 5 });
    await dataSource.initialize();
    dataSources.push(dataSource);
    return dataSource;
  };
  const dispatcher = (dataSource: DataSource, pollIntervalMs = 50, options: Partial<OutboxDispatcherOptions> = {}): OutboxDispatcher => {
    const created = new OutboxDispatcher(dataSource, { connectionString: database.url, pollIntervalMs, ...options });
    dispatchers.push(created);
    return created;
  };
  const closed = (challengeId: string) => ({ challengeId, closedAt: new Date().toISOString() });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(dispatchers.map((d) => d.stop()));
    await Promise.all(dataSources.map((d) => d.destroy()));
    await database.drop();
  });

  it('delivers a committed event once, woken by NOTIFY', async () => {
    const dataSource = await connect();
    const seen: DomainEvent<'challenge.closed'>[] = [];
    // polling every 60 s: only NOTIFY can deliver within the wait below
    const d = dispatcher(dataSource, 60_000);
    d.subscribe('notify-test', 'challenge.closed', async (event) => {
      seen.push(event);
    });
    await d.start();
    await dataSource.transaction((manager) => publishEvent(manager, 'challenge.closed', closed('c-notify')));
    await until(() => seen.length === 1, 5_000);
    expect(seen[0]).toMatchObject({ type: 'challenge.closed', payload: { challengeId: 'c-notify' } });
    expect(seen[0].occurredAt).toMatch(/Z$/);
    await d.drainAll();
    expect(seen).toHaveLength(1);
  });

  it('never delivers an event written in a rolled-back transaction', async () => {
    const dataSource = await connect();
    const seen: string[] = [];
    const d = dispatcher(dataSource);
    d.subscribe('rollback-test', 'challenge.closed', async (event) => {
      seen.push(event.payload.challengeId);
    });
    await d.start();
    await expect(
      dataSource.transaction(async (manager) => {
        await publishEvent(manager, 'challenge.closed', closed('c-rolled-back'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await dataSource.transaction((manager) => publishEvent(manager, 'challenge.closed', closed('c-committed')));
    await until(() => seen.includes('c-committed'));
    await d.drainAll();
    // a new consumer also receives the earlier tests' events; the rolled-back one never
    expect(seen).toContain('c-committed');
    expect(seen).not.toContain('c-rolled-back');
    const stored = await dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE payload->>'challengeId' = 'c-rolled-back'`);
    expect(stored[0].n).toBe(0);
  });

  it('refuses to publish outside a transaction', async () => {
    const dataSource = await connect();
    await expect(publishEvent(dataSource.manager, 'challenge.closed', closed('c-no-tx'))).rejects.toThrow(/inside a transaction/);
  });

  it('hands an event again to a consumer that failed mid-handling, and keeps none of its writes', async () => {
    const dataSource = await connect();
    await dataSource.query('CREATE TABLE handled_effect (event_id text PRIMARY KEY)');
    let attempts = 0;
    const d = dispatcher(dataSource, 20);
    d.subscribe('crash-test', 'challenge.cancelled', async (event, manager) => {
      attempts += 1;
      await manager.query('INSERT INTO handled_effect (event_id) VALUES ($1)', [event.id]);
      if (attempts === 1) throw new Error('crashed half-way');
    });
    await d.start();
    await dataSource.transaction((manager) => publishEvent(manager, 'challenge.cancelled', { challengeId: 'c-crash', reason: 'budget' }));
    await until(() => attempts >= 2);
    await d.drainAll();
    expect(attempts).toBe(2);
    const effects = await dataSource.query('SELECT count(*)::int AS n FROM handled_effect');
    expect(effects[0].n).toBe(1);
    const consumed = await dataSource.query(`SELECT count(*)::int AS n FROM outbox_consumption WHERE consumer = 'crash-test'`);
    expect(consumed[0].n).toBe(1);
  });

  it('runs what a handler answers once its transaction has committed', async () => {
    const dataSource = await connect();
    await dataSource.query('CREATE TABLE committed_effect (event_id text PRIMARY KEY)');
    const seenByOthers: number[] = [];
    const d = dispatcher(dataSource, 20);
    d.subscribe('after-commit-test', 'team.member.joined', async (event, manager) => {
      await manager.query('INSERT INTO committed_effect (event_id) VALUES ($1)', [event.id]);
      // run after the commit: another connection already sees the handler's write
      return () => {
        void dataSource
          .query('SELECT count(*)::int AS n FROM committed_effect WHERE event_id = $1', [event.id])
          .then((rows: { n: number }[]) => seenByOthers.push(rows[0].n));
      };
    });
    await d.start();
    await dataSource.transaction((manager) => publishEvent(manager, 'team.member.joined', { teamId: 't-after', userId: 'u-after', joinedAt: new Date().toISOString() }));
    await until(() => seenByOthers.length >= 1);
    await d.drainAll();
    expect(seenByOthers).toEqual([1]);
  });

  it('has two instances of one consumer handle each event exactly once, and other consumers get their own copy', async () => {
    const [a, b] = [await connect(), await connect()];
    const handledBy: Record<string, string[]> = {};
    const audit: string[] = [];
    for (const [name, dataSource] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const d = dispatcher(dataSource, 10);
      d.subscribe('twin', 'bid.withdrawn', async (event) => {
        (handledBy[event.payload.bidId] ??= []).push(name);
        await new Promise((resolve) => setTimeout(resolve, 2));
      });
      await d.start();
    }
    const other = dispatcher(a, 10);
    other.subscribe('auditor', 'bid.withdrawn', async (event) => {
      audit.push(event.payload.bidId);
    });
    await other.start();

    const bidIds = Array.from({ length: 60 }, (_, i) => `bid-${i}`);
    await Promise.all(
      bidIds.map((bidId) =>
        a.transaction((manager) => publishEvent(manager, 'bid.withdrawn', { bidId, challengeId: 'c', teamId: 't' })),
      ),
    );
    await until(() => Object.keys(handledBy).length === bidIds.length && audit.length === bidIds.length, 20_000);
    await Promise.all(dispatchers.map((d) => d.drainAll()));
    for (const bidId of bidIds) expect({ bidId, handlers: handledBy[bidId].length }).toEqual({ bidId, handlers: 1 });
    expect([...audit].sort()).toEqual([...bidIds].sort());
  });

  it('dead-letters events that keep failing, so they stop blocking newer ones, and lets an operator retry them', async () => {
    const dataSource = await connect();
    let fixed = false;
    const handled: string[] = [];
    // a batch of 10 and 25 poisoned events ahead of a good one: without dead letters the good one never comes up
    const d = dispatcher(dataSource, 20, { batchSize: 10, maxAttempts: 2 });
    d.subscribe('dead-letter-test', 'evaluation.started', async (event) => {
      if (event.payload.roomId.startsWith('poison') && !fixed) throw new Error(`cannot handle ${event.payload.roomId}`);
      handled.push(event.payload.roomId);
    });
    for (let i = 0; i < 25; i += 1) {
      await dataSource.transaction((manager) => publishEvent(manager, 'evaluation.started', { roomId: `poison-${i}`, challengeId: 'c' }));
    }
    await dataSource.transaction((manager) => publishEvent(manager, 'evaluation.started', { roomId: 'good', challengeId: 'c' }));
    await d.start();
    await until(() => handled.includes('good'), 15_000);
    await until(async () => (await d.stats()).find((s) => s.consumer === 'dead-letter-test')?.dead === 25, 15_000);
    const [stats] = (await d.stats()).filter((s) => s.consumer === 'dead-letter-test');
    expect(stats).toMatchObject({ handled: 1, pending: 0, retrying: 0, dead: 25, oldestPendingAt: null });
    const dead = await d.deadLetters(100);
    expect(dead.filter((letter) => letter.consumer === 'dead-letter-test')).toHaveLength(25);
    expect(dead[0]).toMatchObject({ type: 'evaluation.started', attempts: 2, lastError: expect.stringMatching(/^cannot handle poison-/) });

    // an operator fixes the cause and retries one: handled once, no longer dead
    fixed = true;
    expect(await d.retry('dead-letter-test', dead[0].eventId)).toBe(true);
    await until(() => handled.length === 2, 5_000);
    expect((await d.stats()).find((s) => s.consumer === 'dead-letter-test')).toMatchObject({ handled: 2, dead: 24 });
    expect(await d.retry('dead-letter-test', dead[0].eventId)).toBe(false);
  });

  it('prunes handled events past the retention, and keeps those a registered consumer still owes', async () => {
    const dataSource = await connect();
    const d = dispatcher(dataSource, 20, { retentionMs: 0 });
    d.subscribe('prune-done', 'bid.withdrawn', async () => undefined);
    await d.start();
    const done = await dataSource.transaction((manager) => publishEvent(manager, 'bid.withdrawn', { bidId: 'b1', challengeId: 'c', teamId: 't' }));
    // every consumer of bid.withdrawn (the earlier tests' too) has handled it
    const withdrawnConsumers = ['prune-done', 'twin', 'auditor'];
    await until(async () => (await d.stats()).filter((s) => withdrawnConsumers.includes(s.consumer) && s.pending === 0).length === 3);
    const owed = await dataSource.transaction((manager) => publishEvent(manager, 'bid.shortlisted', { bidId: 'b2', challengeId: 'c', shortlisted: true, reason: null }));
    // a consumer of bid.shortlisted that ran once and is down now
    const down = dispatcher(dataSource, 60_000, { retentionMs: 0 });
    down.subscribe('prune-owed', 'bid.shortlisted', async () => {
      throw new Error('down');
    });
    await down.start();
    await down.stop();
    const pruning = dispatcher(dataSource, 60_000, { retentionMs: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await pruning.prune()).toBeGreaterThanOrEqual(1);
    const left: { id: string }[] = await dataSource.query('SELECT id::text AS id FROM outbox_event WHERE id = ANY($1)', [[done, owed]]);
    expect(left.map((row) => row.id)).toEqual([owed]);
  });
});
