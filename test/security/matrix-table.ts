import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One row of a table of authorisation-matrix.md: its two key cells and the expected answer per actor. */
export interface MatrixRow {
  /** The route (`GET /api/bids/{id}`) or socket command. */
  subject: string;
  /** The object it is called on. */
  on: string;
  key: string;
  cells: Record<string, string>;
}

export const MATRIX_FILE = join(__dirname, 'authorisation-matrix.md');

/** The row key of a route or command and the object it is called on. */
export const rowKey = (subject: string, on: string): string => `${subject} [${on}]`;

const cellsOf = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim().replace(/^`(.*)`$/, '$1'));

/**
 * Reads the table under `## <heading>`: a header row `| <subject> | on | <actor> … |`, the
 * separator, then one row per line. Throws on a missing table, an actor column that is not one of
 * `actors` (or a missing one), a short row and a row listed twice: the file is the contract.
 */
export function readMatrix(heading: string, actors: readonly string[], markdown = readFileSync(MATRIX_FILE, 'utf8')): MatrixRow[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${heading}`);
  if (start < 0) throw new Error(`${MATRIX_FILE} has no "## ${heading}" section`);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const table = lines.slice(start + 1, end < 0 ? undefined : end).filter((line) => line.trim().startsWith('|'));
  if (table.length < 2) throw new Error(`"## ${heading}" holds no table`);
  const header = cellsOf(table[0]);
  const columns = header.slice(2);
  if (columns.join() !== actors.join()) throw new Error(`"## ${heading}": the actor columns must be ${actors.join(', ')}; found ${columns.join(', ')}`);
  const seen = new Set<string>();
  return table.slice(2).map((line) => {
    const cells = cellsOf(line);
    if (cells.length !== header.length) throw new Error(`"## ${heading}": ${header.length} cells expected in: ${line}`);
    const key = rowKey(cells[0], cells[1]);
    if (seen.has(key)) throw new Error(`"## ${heading}": ${key} is listed twice`);
    seen.add(key);
    return { subject: cells[0], on: cells[1], key, cells: Object.fromEntries(columns.map((actor, i) => [actor, cells[i + 2]])) };
  });
}
