import { startTestApp, TestApp } from '../../../test/support/app';
import { ChallengesAppModule } from './challenges-app.module';

/**
 * The challenges API as documented at /api/docs, and who may call it. A new route, a new status or a
 * route opened to anonymous callers fails here: review it as an API and permission change.
 */
interface Route {
  method: 'get' | 'post' | 'patch';
  path: string;
  body: string | null;
  statuses: number[];
  /** Open to anonymous callers (@Public). */
  open: boolean;
}

const ROUTES: Route[] = [
  { method: 'post', path: '/api/challenges', body: 'CreateChallengeDto', statuses: [201, 400, 401, 403], open: false },
  { method: 'get', path: '/api/challenges', body: null, statuses: [200, 400, 401], open: true },
  { method: 'get', path: '/api/challenges/{id}', body: null, statuses: [200, 400, 404], open: true },
  { method: 'patch', path: '/api/challenges/{id}', body: 'UpdateChallengeDto', statuses: [200, 400, 401, 403, 404, 409], open: false },
  { method: 'post', path: '/api/challenges/{id}/submit', body: null, statuses: [200, 400, 401, 403, 404, 409], open: false },
  { method: 'post', path: '/api/challenges/{id}/publish', body: null, statuses: [200, 400, 401, 403, 404, 409], open: false },
  { method: 'post', path: '/api/challenges/{id}/reject', body: 'RejectChallengeDto', statuses: [200, 400, 401, 403, 404, 409], open: false },
  { method: 'post', path: '/api/challenges/{id}/cancel', body: 'CancelChallengeDto', statuses: [200, 400, 401, 403, 404, 409], open: false },
  { method: 'post', path: '/api/challenges/{id}/amendments', body: 'AmendChallengeDto', statuses: [201, 400, 401, 403, 404, 409, 422], open: false },
  { method: 'get', path: '/api/challenges/{id}/versions', body: null, statuses: [200, 400, 404], open: true },
  { method: 'post', path: '/api/challenges/{id}/nda', body: 'AcceptNdaDto', statuses: [200, 201, 400, 401, 403, 404, 409], open: false },
  { method: 'post', path: '/api/challenges/{id}/questions', body: 'AskQuestionDto', statuses: [201, 400, 401, 403, 404, 409], open: false },
  { method: 'get', path: '/api/challenges/{id}/questions', body: null, statuses: [200, 400, 404], open: true },
  { method: 'post', path: '/api/challenges/{id}/questions/{qid}/answer', body: 'AnswerQuestionDto', statuses: [200, 400, 401, 403, 404, 409], open: false },
];

interface Operation {
  requestBody?: { content: { 'application/json': { schema: { $ref: string } } } };
  responses: Record<string, { description: string; content?: unknown }>;
  parameters?: { name: string; in: string; schema: { format?: string } }[];
}

describe('the challenges API (integration)', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;
  let schemas: Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp({ module: (context) => ChallengesAppModule.forRoot(context) });
    const doc = await t.http().get('/api/docs/openapi.json').expect(200);
    paths = doc.body.paths;
    schemas = doc.body.components.schemas;
  });
  afterAll(() => t.close());

  it("serves the same document at Nest's usual /api/docs-json", async () => {
    const [usual, ours] = await Promise.all([t.http().get('/api/docs-json').expect(200), t.http().get('/api/docs/openapi.json').expect(200)]);
    expect(usual.body).toEqual(ours.body);
    expect(Object.keys(usual.body.paths).length).toBeGreaterThan(10);
  });

  it('documents exactly these routes', () => {
    const documented = Object.entries(paths)
      .filter(([path]) => path.startsWith('/api/challenges'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort());
  });

  it.each(ROUTES)('$method $path: its body, its success and every error, each error with its codes', (route) => {
    const operation = paths[route.path][route.method];
    expect(Object.keys(operation.responses).map(Number).sort()).toEqual(route.statuses);
    expect(operation.requestBody?.content['application/json'].schema.$ref ?? null).toBe(route.body && `#/components/schemas/${route.body}`);
    if (route.body) expect(schemas[route.body]).toBeDefined();
    for (const [status, response] of Object.entries(operation.responses)) {
      if (Number(status) >= 400) expect(response.description).toMatch(/[A-Z][A-Z_]{3,}/);
      else expect(response.content).toBeDefined();
    }
    for (const param of (operation.parameters ?? []).filter((p) => p.in === 'path')) expect(param.schema.format).toBe('uuid');
  });

  it.each(ROUTES)('$method $path: anonymous callers are let in only where it is open', async (route) => {
    const url = route.path.replace('{id}', '0b7c3f3e-0000-4000-8000-000000000000').replace('{qid}', '0b7c3f3e-0000-4000-8000-000000000001');
    const res = await t.http()[route.method](url).send(route.body ? {} : undefined);
    if (route.open) expect(res.status).not.toBe(401);
    else expect([res.status, res.body.code]).toEqual([401, 'TOKEN_MISSING']);
  });
});
