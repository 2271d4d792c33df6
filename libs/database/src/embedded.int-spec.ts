import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded';

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Where the cluster's files are: the folder itself, or the one a postgres.location note names. */
const home = (dir: string) => (existsSync(join(dir, 'postgres.location')) ? readFileSync(join(dir, 'postgres.location'), 'utf8').trim() : dir);

const setOwner = (dir: string, ownerPid: number) => {
  const file = join(home(dir), 'postgres.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), ownerPid }));
};

describe('embedded PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiebang-embedded-'));
  let running: EmbeddedDatabase | undefined;

  afterAll(async () => {
    await running?.stop();
    rmSync(home(dir), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('initialises once, then restarts on the same data', async () => {
    const first = await startEmbeddedPostgres(dir);
    await query(first.adminUrl, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('昆明')`);
    await first.stop();
    running = await startEmbeddedPostgres(dir);
    expect(await query(running.adminUrl, 'SELECT note FROM kept')).toEqual([{ note: '昆明' }]);
    expect(running.adminUrl).toBe(first.adminUrl);
  });

  it('takes over from a server left behind by a killed process', async () => {
    // What SIGKILL leaves: a live server whose owner process is gone.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    setOwner(dir, gone);
    const logs: string[] = [];
    const previous = running;
    running = await startEmbeddedPostgres(dir, (line) => logs.push(line));
    expect(logs.join('\n')).toMatch(/left running by an earlier process/);
    expect(await query(running.adminUrl, 'SELECT note FROM kept')).toEqual([{ note: '昆明' }]);
    expect(previous).toBeDefined();
  });

  it('refuses a data directory another live process is using', async () => {
    const owner = spawn('sleep', ['30']);
    try {
      setOwner(dir, owner.pid ?? 0);
      await expect(startEmbeddedPostgres(dir)).rejects.toThrow(/in use by another process/);
      // and the server of that owner keeps running
      expect(await query(running!.adminUrl, 'SELECT 1 AS up')).toEqual([{ up: 1 }]);
    } finally {
      owner.kill();
      setOwner(dir, process.pid);
    }
  });
});
