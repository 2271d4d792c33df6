import { ROOM_COMMANDS } from '@app/evaluation';
import { RoomClient } from '../support/evaluation';
import { HTTP_CASES, HttpCase } from './http-cases';
import { MatrixRow, readMatrix, rowKey } from './matrix-table';
import { SOCKET_ACTORS, SOCKET_CASES, SocketActor, SocketCase } from './socket-cases';
import { ACTORS, Actor, buildWorld, World } from './world';

/**
 * The authorisation matrix (docs/operations.md, "The reliability and security harness"): every
 * operation of the platform's merged OpenAPI document and every command of the /rooms socket
 * namespace, called by every actor on real objects of the owners, answered exactly as
 * authorisation-matrix.md says. A route or command the table does not list fails the test, and so
 * does a row for one that no longer exists: a change of who may do what is reviewed in that file.
 */

const REFUSED = new Set([401, 403, 404]);

interface Observed {
  cell: string;
  /** The error code, for the report of a mismatch. */
  code?: string;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

async function callAs(w: World, c: HttpCase, actor: Actor): Promise<Observed & { status: number }> {
  const call = await c.call(w, actor);
  const [method, template] = c.operation.split(' ');
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = call.params?.[name];
    if (!value) throw new Error(`${c.operation} [${c.on}]: no value for {${name}}`);
    return encodeURIComponent(value);
  });
  let request = w.fx.t.http()[method.toLowerCase() as Method](path).set(w.fx.auth(actor));
  if (call.query) request = request.query(call.query);
  if (call.body !== undefined) request = request.send(call.body);
  const res = await request;
  const probe = c.sees && res.status < 300 ? (c.sees(res.body, w) ? '+' : '-') : '';
  return { status: res.status, cell: `${res.status}${probe}`, code: (res.body as { code?: string } | undefined)?.code };
}

async function commandAs(w: World, c: SocketCase, actor: SocketActor): Promise<Observed> {
  let socket: RoomClient;
  if (actor === 'anon') {
    try {
      socket = await RoomClient.connect(w.fx.t.url, undefined);
    } catch (error) {
      return { cell: (error as { data?: { code?: string } }).data?.code ?? String(error) };
    }
  } else {
    socket = w.fx.sockets[actor];
  }
  try {
    const ack = await socket.send(c.command, c.payload(await c.room(w)));
    return { cell: ack.ok ? 'ok' : (ack.code ?? 'refused') };
  } finally {
    if (actor === 'anon') socket.close();
  }
}

/** Which of the table's rows and of the code's cases have no counterpart. */
function pairing(rows: MatrixRow[], caseKeys: string[]): { rowsWithoutCase: string[]; casesWithoutRow: string[] } {
  const rowKeys = new Set(rows.map((row) => row.key));
  return { rowsWithoutCase: rows.map((row) => row.key).filter((key) => !caseKeys.includes(key)), casesWithoutRow: caseKeys.filter((key) => !rowKeys.has(key)) };
}

/** The cells that differ, each as `row actor: expected X, got Y (CODE)`. */
function mismatches(row: MatrixRow | undefined, key: string, observed: [string, Observed][]): string[] {
  return observed
    .filter(([actor, seen]) => row?.cells[actor] !== seen.cell)
    .map(([actor, seen]) => `${key} ${actor}: expected ${row?.cells[actor] ?? '(no row)'}, got ${seen.cell}${seen.code ? ` (${seen.code})` : ''}`);
}

const tally = (counts: Map<string, number>, value: string) => counts.set(value, (counts.get(value) ?? 0) + 1);
const listed = (counts: Map<string, number>) => [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([value, n]) => `${value} ×${n}`).join(', ');

describe('the authorisation matrix: every route and socket command × every actor', () => {
  let w: World;
  const httpRows = readMatrix('HTTP routes', ACTORS);
  const socketRows = readMatrix('Socket commands (/rooms)', SOCKET_ACTORS);
  const figures = { operations: 0, http: { allowed: new Map<string, number>(), refused: new Map<string, number>() }, socket: new Map<string, number>() };

  beforeAll(async () => {
    w = await buildWorld();
  }, 120_000);

  afterAll(async () => {
    const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
    const { allowed, refused } = figures.http;
    const ok = figures.socket.get('ok') ?? 0;
    console.log(
      [
        `authorisation matrix, HTTP: ${figures.operations} operations of the OpenAPI document in ${httpRows.length} rows × ${ACTORS.length} actors = ${sum(allowed) + sum(refused)} requests`,
        `  allowed: ${sum(allowed)} requests (${listed(allowed)}); refused: ${sum(refused)} requests (${listed(refused)})`,
        `authorisation matrix, sockets: ${ROOM_COMMANDS.length} commands in ${socketRows.length} rows × ${SOCKET_ACTORS.length} actors = ${sum(figures.socket)} commands`,
        `  allowed (ok): ${ok} commands; refused: ${sum(figures.socket) - ok} commands (${listed(new Map([...figures.socket].filter(([code]) => code !== 'ok')))})`,
      ].join('\n'),
    );
    await w?.fx.close();
  });

  describe('HTTP', () => {
    it('lists every operation of the merged OpenAPI document, and only those, each with its case', async () => {
      const res = await w.fx.t.http().get('/api/docs/openapi.json');
      expect(res.status).toBe(200);
      const paths = res.body.paths as Record<string, Record<string, unknown>>;
      const operations = Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
      figures.operations = operations.length;
      const inTable = new Set(httpRows.map((row) => row.subject));
      expect({
        notInTable: operations.filter((operation) => !inTable.has(operation)),
        notInDocument: [...inTable].filter((operation) => !operations.includes(operation)),
      }).toEqual({ notInTable: [], notInDocument: [] });
      expect(pairing(httpRows, HTTP_CASES.map((c) => rowKey(c.operation, c.on)))).toEqual({ rowsWithoutCase: [], casesWithoutRow: [] });
    });

    it('answers every route × actor as the table says', async () => {
      const rows = new Map(httpRows.map((row) => [row.key, row]));
      const wrong: string[] = [];
      for (const c of HTTP_CASES) {
        const key = rowKey(c.operation, c.on);
        const observed = await Promise.all(ACTORS.map(async (actor) => [actor, await callAs(w, c, actor)] as [Actor, Observed & { status: number }]));
        for (const [, seen] of observed) tally(REFUSED.has(seen.status) ? figures.http.refused : figures.http.allowed, String(seen.status));
        wrong.push(...mismatches(rows.get(key), key, observed));
      }
      expect(wrong).toEqual([]);
    }, 180_000);
  });

  describe('socket.io /rooms', () => {
    it('lists every command of the gateway, and only those, each with its case', () => {
      const inTable = new Set(socketRows.map((row) => row.subject));
      expect({
        notInTable: ROOM_COMMANDS.filter((command) => !inTable.has(command)),
        notInGateway: [...inTable].filter((command) => !(ROOM_COMMANDS as readonly string[]).includes(command)),
      }).toEqual({ notInTable: [], notInGateway: [] });
      expect(pairing(socketRows, SOCKET_CASES.map((c) => rowKey(c.command, c.in)))).toEqual({ rowsWithoutCase: [], casesWithoutRow: [] });
    });

    it('acknowledges every command × actor as the table says', async () => {
      const rows = new Map(socketRows.map((row) => [row.key, row]));
      const wrong: string[] = [];
      for (const c of SOCKET_CASES) {
        const key = rowKey(c.command, c.in);
        const observed = await Promise.all(SOCKET_ACTORS.map(async (actor) => [actor, await commandAs(w, c, actor)] as [SocketActor, Observed]));
        for (const [, seen] of observed) tally(figures.socket, seen.cell);
        wrong.push(...mismatches(rows.get(key), key, observed));
      }
      expect(wrong).toEqual([]);
    }, 120_000);
  });
});
