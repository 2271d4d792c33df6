import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';

/** One line of the table: a metric of ours, its baseline when there is one, and the target it is held to. */
export interface Row {
  part: string;
  metric: string;
  unit: string;
  ours: number;
  baseline?: number;
  /** ours / baseline. */
  ratio?: number;
  target?: string;
  pass?: boolean;
}

/** What ran and what it saw besides the table: settings, counts, profiles. */
export type Notes = Record<string, unknown>;

const format = (value: number | undefined, unit = ''): string => {
  if (value === undefined) return '';
  if (Number.isNaN(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
};

/** Columns on a terminal: CJK characters take two. */
const width = (text: string): number => [...text].reduce((sum, ch) => sum + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);

export function printTable(rows: readonly Row[]): void {
  const header = ['part', 'metric', 'ours', 'baseline', 'ratio', 'target', 'result'];
  const lines = rows.map((r) => [
    r.part,
    r.metric,
    format(r.ours, r.unit),
    format(r.baseline, r.unit),
    r.ratio === undefined ? '' : format(r.ratio),
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => width(l[i]))));
  const pad = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join('  ').trimEnd();
  console.log(pad(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(pad(line));
}

/** The checked-out commit, read from .git without running git (null outside a checkout). */
function commit(): string | null {
  try {
    const git = join(process.cwd(), '.git');
    const head = readFileSync(join(git, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head.slice(0, 12);
    const ref = head.slice(5);
    if (existsSync(join(git, ref))) return readFileSync(join(git, ref), 'utf8').trim().slice(0, 12);
    const packed = readFileSync(join(git, 'packed-refs'), 'utf8').split('\n').find((line) => line.endsWith(` ${ref}`));
    return packed ? packed.slice(0, 12) : null;
  } catch {
    return null;
  }
}

export interface RunResults {
  /** The parts that ran (p1 … p4), each replacing its earlier rows and notes in the file. */
  parts: string[];
  rows: Row[];
  notes: Notes;
  smoke: boolean;
  postgres: { version: string; server: string };
}

interface ResultsFile {
  runs: Record<string, { date: string; commit: string | null; machine: Notes; node: string; postgres: Notes; smoke: boolean }>;
  rows: Row[];
  notes: Notes;
}

/** Records a run in `file`: the parts that ran replace their earlier rows, so `bench:p1` alone updates P1 only. */
export function writeResults(file: string, run: RunResults): void {
  const cpu = cpus();
  const previous: ResultsFile = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ResultsFile) : { runs: {}, rows: [], notes: {} };
  const partOf = (row: Row) => row.part.split(' ')[0].toLowerCase();
  const about = {
    date: new Date().toISOString(),
    commit: commit(),
    machine: { cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), platform: `${process.platform} ${process.arch}` },
    node: process.version,
    postgres: run.postgres,
    smoke: run.smoke,
  };
  const results: ResultsFile = {
    runs: { ...previous.runs, ...Object.fromEntries(run.parts.map((part) => [part, about])) },
    rows: [...previous.rows.filter((row) => !run.parts.includes(partOf(row))), ...run.rows].sort((a, b) => partOf(a).localeCompare(partOf(b))),
    notes: { ...previous.notes, ...run.notes },
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
