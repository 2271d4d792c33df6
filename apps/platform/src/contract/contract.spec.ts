import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { CONTRACT_FILE, contractSource, platformDocument } from './contract';

/** The server's TypeScript sources (the web client's are not in the document). */
function serverSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || full.endsWith(join('apps', 'web')) ? [] : serverSources(full);
    return entry.name.endsWith('.ts') && !/\.(int-|e2e-)?spec\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe('the wire contract', () => {
  let document: OpenAPIObject;
  beforeAll(async () => {
    document = await platformDocument();
  });

  it('apps/web/src/api/openapi.ts is generated from the current document', async () => {
    const committed = readFileSync(CONTRACT_FILE, 'utf8');
    // A bare toBe would print two 4,000-line files; the message says what to do.
    if ((await contractSource()) !== committed) throw new Error('apps/web/src/api/openapi.ts is stale: run npm run contract');
  });

  it('every operation has a summary and documents its success response', () => {
    const problems = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, operation]: [string, { summary?: string; responses?: Record<string, { content?: object }> }]) => {
        const name = `${method.toUpperCase()} ${path}`;
        const successes = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
        return [
          ...(operation.summary ? [] : [`${name}: no summary (@ApiOperation)`]),
          ...(successes.length > 0 ? [] : [`${name}: no 2xx response`]),
          ...successes.filter(([status, response]) => status !== '204' && !response.content).map(([status]) => `${name}: ${status} without a schema`),
        ];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('no two exported classes share a schema name (the second would silently replace the first)', () => {
    const schemas = new Set(Object.keys(document.components?.schemas ?? {}));
    const files = new Map<string, string[]>();
    for (const file of ['apps', 'libs'].flatMap((top) => serverSources(join(process.cwd(), top)))) {
      for (const [, name] of readFileSync(file, 'utf8').matchAll(/^export (?:abstract )?class (\w+)/gm)) {
        if (schemas.has(name)) files.set(name, [...(files.get(name) ?? []), file]);
      }
    }
    expect([...files].filter(([, where]) => where.length > 1)).toEqual([]);
  });
});
