import { READINESS_CHECK_TIMEOUT_MS, readiness, ReadinessCheck } from './health.controller';

const up = (name: string, critical: boolean): ReadinessCheck => ({ name, critical, probe: async () => undefined });
const failing = (name: string, critical: boolean): ReadinessCheck => ({
  name,
  critical,
  probe: async () => {
    throw new Error('connection refused');
  },
});
const hanging = (name: string, critical: boolean): ReadinessCheck => ({ name, critical, probe: () => new Promise(() => undefined) });

describe('readiness', () => {
  it('is ok when every dependency answers', async () => {
    const document = await readiness([up('database', true), up('redis', false)]);
    expect(document.status).toBe('ok');
    expect(document.dependencies.database).toMatchObject({ state: 'up', critical: true });
    expect(document.dependencies.redis).toMatchObject({ state: 'up', critical: false });
  });

  it('is degraded, not unavailable, when only a non-critical dependency is down', async () => {
    const document = await readiness([up('database', true), failing('redis', false)]);
    expect(document.status).toBe('degraded');
    expect(document.dependencies.redis).toMatchObject({ state: 'down', error: 'connection refused' });
  });

  it('is unavailable when a critical dependency is down', async () => {
    const document = await readiness([failing('database', true), up('redis', false)]);
    expect(document.status).toBe('unavailable');
  });

  it('counts a dependency that does not answer in time as down, and answers within the timeout', async () => {
    const started = Date.now();
    const document = await readiness([hanging('database', true), hanging('redis', false)]);
    expect(Date.now() - started).toBeLessThan(READINESS_CHECK_TIMEOUT_MS * 2);
    expect(document.status).toBe('unavailable');
    expect(document.dependencies.database.error).toContain(`${READINESS_CHECK_TIMEOUT_MS} ms`);
  });
});
