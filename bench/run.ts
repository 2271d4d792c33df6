import { join } from 'node:path';
import { benchBids } from './p1-bids';
import { benchRoom } from './p2-room';
import { benchSearch } from './p3-search';
import { benchDeadline } from './p4-deadline';
import type { BenchContext, Part, PartResult } from './support/context';
import { prepareDatabase } from './support/database';
import { type Notes, printTable, type Row, writeResults } from './support/report';

/**
 * `npm run bench [-- --smoke] [-- p1 p3] [-- --duration 15] [-- --results file.json]`: the hot paths of the platform
 * side by side with bare baselines, in one run, on a database prepared here (DATABASE_URL's server
 * or an embedded one). Prints the table and, when every part ran through, records it in
 * bench/results/latest.json (the parts that ran replace their earlier rows). A smoke run writes
 * results only where --results says.
 */
const PARTS: Record<string, Part> = {
  p1: benchBids,
  p2: benchRoom,
  p3: benchSearch,
  p4: benchDeadline,
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const smoke = args.includes('--smoke');
  const resultsAt = args.indexOf('--results');
  const resultsFile = resultsAt >= 0 ? args.splice(resultsAt, 2)[1] : smoke ? null : join(process.cwd(), 'bench', 'results', 'latest.json');
  const durationAt = args.indexOf('--duration');
  const duration = durationAt >= 0 ? Number(args.splice(durationAt, 2)[1]) : 15;
  if (!(duration > 0)) throw new Error('--duration takes a number of seconds');
  const unknown = args.filter((a) => a !== '--smoke' && !(a in PARTS));
  if (unknown.length > 0) throw new Error(`unknown arguments ${unknown.join(' ')}; use --smoke and any of ${Object.keys(PARTS).join(' ')}`);
  const chosen = args.filter((a) => a in PARTS);
  const parts = chosen.length > 0 ? chosen : Object.keys(PARTS);
  const started = Date.now();
  const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

  const db = await prepareDatabase(log);
  const rows: Row[] = [];
  const notes: Notes = {};
  let failed = false;
  try {
    const ctx: BenchContext = { db, smoke, duration, log };
    for (const name of parts) {
      const result: PartResult = await PARTS[name](ctx);
      rows.push(...result.rows);
      notes[name] = result.notes;
    }
  } catch (error) {
    failed = true;
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  } finally {
    await db.drop();
  }
  console.log('');
  printTable(rows);
  if (failed) process.exit(1);
  if (resultsFile) {
    writeResults(resultsFile, { parts, rows, notes, smoke, postgres: { version: db.postgresVersion, server: db.server } });
    log(`results written to ${resultsFile}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
