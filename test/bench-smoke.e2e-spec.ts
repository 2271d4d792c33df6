import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface ResultRow {
  part: string;
  metric: string;
  ours: number;
  pass?: boolean;
}

/**
 * The benchmark (bench/, `npm run bench`) at tiny sizes, so it cannot rot: every part runs against
 * its own database on the test server, prints its table and records its rows. Timings are not
 * asserted (they mean nothing at these sizes); P4's correctness counts are.
 */
describe('benchmark smoke run (npm run bench -- --smoke)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jiebang-bench-smoke-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs P1-P4 end to end and finds no late, duplicate or failed bid at the deadline', async () => {
    const dist = process.env.TEST_DIST_DIR;
    const adminUrl = process.env.TEST_ADMIN_URL;
    if (!dist || !adminUrl) throw new Error('TEST_DIST_DIR and TEST_ADMIN_URL are set by the integration global setup');
    const results = join(dir, 'results.json');
    const child = spawn(process.execPath, [join(dist, 'bench', 'run.js'), '--smoke', '--results', results], {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: adminUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    // On failure the end of the run's output is in the diff.
    expect({ code, output: code === 0 ? '' : output.slice(-4000) }).toEqual({ code: 0, output: '' });
    expect(output).toMatch(/part\s+metric\s+ours\s+baseline\s+ratio\s+target\s+result/);
    const { rows } = JSON.parse(readFileSync(results, 'utf8')) as { rows: ResultRow[] };
    expect([...new Set(rows.map((r) => r.part.split(' ')[0]))]).toEqual(['P1', 'P2', 'P3', 'P4']);
    // P4 runs two crowds; each checked row is "<n> teams: <metric>", and each crowd has the same five, all 0.
    const checked = rows.filter((r) => r.part.startsWith('P4') && r.pass !== undefined);
    const crowds = [...new Set(checked.map((r) => r.metric.split(': ')[0]))];
    expect(crowds).toHaveLength(2);
    for (const crowd of crowds) {
      expect(crowd).toMatch(/^\d[\d,]* teams$/);
      const deadline = Object.fromEntries(checked.filter((r) => r.metric.startsWith(`${crowd}: `)).map((r) => [r.metric.slice(crowd.length + 2), r.ours]));
      expect({ crowd, deadline }).toEqual({
        crowd,
        deadline: {
          'bids stored after closesAt': 0,
          'duplicate bids (same team)': 0,
          '5xx answers': 0,
          'connections failed': 0,
          'stored − keys answered 2xx': 0,
        },
      });
    }
    const lost = rows.find((r) => r.part.startsWith('P2') && r.metric === 'lost events');
    expect(lost?.ours).toBe(0);
    // About 25 s on a quiet two-core machine (mostly starting the platform four times); generous for a busy CI box.
  }, 300_000);
});
