import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, TestDatabase } from './support/database';
import { AppName, startService } from './support/processes';

const postgresProcessesFor = (dir: string): string[] => {
  try {
    return execFileSync('pgrep', ['-f', `postgres -D ${dir}`], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
};

describe('each app starts alone', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it.each<AppName>(['challenges', 'bidding', 'evaluation', 'platform'])(
    '%s: ready on its own port, serves its OpenAPI document, stops cleanly on SIGTERM',
    async (name) => {
      const service = await startService(name, { DATABASE_URL: database.url });
      const docs = await fetch(`${service.url}/api/docs/openapi.json`);
      expect(docs.status).toBe(200);
      const paths = Object.keys(((await docs.json()) as { paths: Record<string, unknown> }).paths);
      expect(paths).toEqual(expect.arrayContaining(['/api/health', '/api/health/ready', '/api/auth/login']));
      const live = await fetch(`${service.url}/api/health`);
      expect(live.headers.get('x-request-id')).toBeTruthy();
      expect(await service.stop('SIGTERM')).toBe(0);
    },
  );
});

describe('the platform on its embedded PostgreSQL (npm start on a fresh machine)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jiebang-start-'));
  // Enterable by the postgres system user, so the server's command line names this folder.
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('comes up, keeps its data across Ctrl-C and a restart, and leaves no PostgreSQL behind', async () => {
    const first = await startService('platform', { DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    expect(first.output()).toContain('/api/docs');
    expect(postgresProcessesFor(dataDir)).not.toEqual([]);
    const registered = await fetch(`${first.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'kept@example.cn', password: 'a-long-password', displayName: '保留' }),
    });
    expect(registered.status).toBe(201);
    expect(await first.stop('SIGINT')).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);

    const second = await startService('platform', { DATA_DIR: dataDir });
    const login = await fetch(`${second.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'kept@example.cn', password: 'a-long-password' }),
    });
    expect(login.status).toBe(200);
    expect(await second.stop('SIGINT')).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  }, 60_000);
});
