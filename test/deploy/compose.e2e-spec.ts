import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The scaled deployment's files: docker-compose.yml must be a valid compose file, and
 * deploy/nginx.conf must send every API path to the service that owns it.
 * No Docker engine is needed: `docker-compose config -q` only validates the file.
 */

const root = resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

// --- docker-compose.yml ---------------------------------------------------------------------------

function compose(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync('docker-compose', args, { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
}

describe('docker-compose.yml', () => {
  it('is a valid compose file (docker-compose config -q), and JWT_SECRET is required', () => {
    const probe = spawnSync('docker-compose', ['version'], { encoding: 'utf8', timeout: 60_000 });
    if (probe.error || probe.status !== 0) {
      const why = probe.error ? probe.error.message : `exit ${probe.status}: ${probe.stderr}`;
      const message = `docker-compose is not available (${why}); install it with: apt-get install -y docker-compose`;
      if (process.env.CI === 'true') throw new Error(`${message}. CI must run this check.`);
      console.warn(`${message}. The compose file check is skipped on this machine.`);
      return;
    }
    // An empty env file, and no JWT_SECRET inherited, so a developer's own .env cannot change the outcome.
    const dir = mkdtempSync(join(tmpdir(), 'compose-'));
    const envFile = join(dir, 'empty.env');
    writeFileSync(envFile, '');
    const base: NodeJS.ProcessEnv = { ...process.env };
    delete base.JWT_SECRET;
    try {
      const valid = compose(['-f', 'docker-compose.yml', '--env-file', envFile, 'config', '-q'], {
        ...base,
        JWT_SECRET: 'x'.repeat(40),
      });
      expect({ status: valid.status, stderr: valid.stderr, error: valid.error }).toEqual({
        status: 0,
        stderr: '',
        error: undefined,
      });

      const missing = compose(['-f', 'docker-compose.yml', '--env-file', envFile, 'config', '-q'], base);
      expect(missing.status).not.toBe(0);
      expect(missing.stderr).toContain('JWT_SECRET');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the evaluation service as two replicas behind nginx on port 8080', () => {
    const text = read('docker-compose.yml');
    const service = (name: string) => {
      const match = new RegExp(`^  ${name}:\\n((?:(?:    .*)?\\n)*)`, 'm').exec(text);
      if (!match) throw new Error(`service ${name} not found in docker-compose.yml`);
      return match[1];
    };
    expect(service('evaluation')).toMatch(/deploy:\n\s+replicas: 2\n/);
    for (const [name, port] of [['challenges', 3001], ['bidding', 3002], ['evaluation', 3003]] as const) {
      expect(service(name)).toMatch(new RegExp(`APP: ${name}\\n`));
      expect(service(name)).toMatch(new RegExp(`PORT: "${port}"`));
      expect(service(name)).not.toMatch(/\bports:/);
    }
    expect(service('nginx')).toContain('"8080:80"');
    expect(service('nginx')).toMatch(/build:\n\s+context: \.\n\s+target: edge\n/);
  });
});

// --- Dockerfile -----------------------------------------------------------------------------------

describe('Dockerfile', () => {
  it('keeps optional dependencies (argon2 binary) and runs as a non-root user in production mode', () => {
    const text = read('Dockerfile')
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .join('\n');
    expect(text).toMatch(/^RUN npm ci --omit=dev\b/m);
    expect(text).not.toMatch(/--omit[= ]optional|--no-optional/);
    expect(text).toMatch(/^USER node$/m);
    expect(text).toMatch(/^ENV NODE_ENV=production\b/m);
    expect(text).toMatch(/^HEALTHCHECK .*\n?.*\/api\/health/m);
  });

  it('builds the web client once: nginx (the edge stage) and the platform app both serve it', () => {
    const text = read('Dockerfile');
    expect(text).toMatch(/^RUN .*vite\.js build --config apps\/web\/vite\.config\.ts/m);
    expect(text).toMatch(/^FROM nginx:\S+ AS edge$/m);
    expect(text).toMatch(/^COPY deploy\/nginx\.conf \/etc\/nginx\/nginx\.conf$/m);
    expect(text).toMatch(/^COPY --from=build \/app\/apps\/web\/dist \/usr\/share\/nginx\/html$/m);
    expect(text).toMatch(/^COPY --from=build \/app\/apps\/web\/dist \.\/apps\/web\/dist$/m);
    // The services' stage stays the last one: a build without --target (compose's services) gets it.
    const stages = [...text.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((match) => match[1]);
    expect(stages[stages.length - 1]).toBe('runtime');
  });
});

// --- deploy/nginx.conf ----------------------------------------------------------------------------

interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
}

/** A small nginx config parser: words, quoted strings, `;`, `{ }` and `#` comments. */
function parseNginx(text: string): Directive[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) i += 1;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i += 1;
    else if (c === '{' || c === '}' || c === ';') {
      tokens.push(c);
      i += 1;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\') {
          j += 1;
          value += ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[text[j]] ?? text[j];
        } else {
          value += text[j];
        }
        j += 1;
      }
      tokens.push(value);
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s;{}]/.test(text[j])) j += 1;
      tokens.push(text.slice(i, j));
      i = j;
    }
  }
  let at = 0;
  const block = (): Directive[] => {
    const directives: Directive[] = [];
    while (at < tokens.length && tokens[at] !== '}') {
      const words: string[] = [];
      while (at < tokens.length && tokens[at] !== ';' && tokens[at] !== '{' && tokens[at] !== '}') words.push(tokens[at++]);
      const [name, ...args] = words;
      if (tokens[at] === '{') {
        at += 1;
        directives.push({ name, args, block: block() });
        if (tokens[at++] !== '}') throw new Error(`unclosed block ${name}`);
      } else {
        if (tokens[at++] !== ';') throw new Error(`missing ; after ${words.join(' ')}`);
        directives.push({ name, args });
      }
    }
    return directives;
  };
  const parsed = block();
  if (at !== tokens.length) throw new Error('unbalanced }');
  return parsed;
}

const children = (directives: Directive[] | undefined, name: string) => (directives ?? []).filter((d) => d.name === name);
const only = (directives: Directive[] | undefined, name: string) => {
  const found = children(directives, name);
  if (found.length !== 1) throw new Error(`expected one ${name}, found ${found.length}`);
  return found[0];
};

interface Location {
  modifier: '' | '=' | '^~' | '~' | '~*';
  pattern: string;
  directives: Directive[];
}

/** nginx's choice: exact, else the longest prefix if ^~, else the first matching regex, else the longest prefix. */
function selectLocation(locations: Location[], path: string): Location | undefined {
  const exact = locations.find((l) => l.modifier === '=' && l.pattern === path);
  if (exact) return exact;
  const prefix = locations
    .filter((l) => (l.modifier === '' || l.modifier === '^~') && path.startsWith(l.pattern))
    .sort((a, b) => b.pattern.length - a.pattern.length)[0];
  if (prefix?.modifier === '^~') return prefix;
  const regex = locations.find(
    (l) => (l.modifier === '~' || l.modifier === '~*') && new RegExp(l.pattern, l.modifier === '~*' ? 'i' : '').test(path),
  );
  return regex ?? prefix;
}

describe('deploy/nginx.conf', () => {
  const config = parseNginx(read('deploy/nginx.conf'));
  const http = only(config, 'http').block ?? [];
  const server = only(http, 'server').block ?? [];
  const locations: Location[] = children(server, 'location')
    .filter((l) => !l.args[0].startsWith('@'))
    .map((l) => {
      const [modifier, pattern] = l.args.length === 2 ? l.args : ['', l.args[0]];
      return { modifier: modifier as Location['modifier'], pattern, directives: l.block ?? [] };
    });
  const routeOf = (path: string): string => {
    const location = selectLocation(locations, path);
    if (!location) return 'none';
    const proxy = children(location.directives, 'proxy_pass')[0];
    if (proxy) return proxy.args[0].replace(/^http:\/\//, '');
    if (children(location.directives, 'try_files').length > 0 || children(location.directives, 'root').length > 0) return 'web client';
    const ret = children(location.directives, 'return')[0];
    return ret ? `return ${ret.args[0]}` : 'none';
  };

  it.each([
    ['/api/auth/login', 'challenges'],
    ['/api/auth/refresh', 'challenges'],
    ['/api/orgs', 'challenges'],
    ['/api/orgs/42/members', 'challenges'],
    ['/api/orgs/42/invitations', 'challenges'],
    ['/api/users', 'challenges'],
    ['/api/challenges', 'challenges'],
    ['/api/challenges/42', 'challenges'],
    ['/api/challenges/42/questions', 'challenges'],
    ['/api/challenges/42/amendments', 'challenges'],
    ['/api/challenges/42/bids', 'bidding'],
    ['/api/challenges/42/bids/digest', 'bidding'],
    ['/api/challenges/42/bids/7/shortlist', 'bidding'],
    ['/api/teams', 'bidding'],
    ['/api/teams/7/members', 'bidding'],
    ['/api/teams/7/invitations', 'bidding'],
    ['/api/invitations/7/accept', 'bidding'],
    ['/api/me/invitations', 'bidding'],
    ['/api/me', 'return 404'],
    ['/api/bids', 'bidding'],
    ['/api/bids/7', 'bidding'],
    ['/api/bids/7/revisions', 'bidding'],
    ['/api/bids/7/feedback', 'evaluation'],
    ['/api/bids/7/feedback/3', 'evaluation'],
    ['/api/experts', 'evaluation'],
    ['/api/experts/5/conflicts', 'evaluation'],
    ['/api/rooms', 'evaluation'],
    ['/api/rooms/9/report', 'evaluation'],
    ['/socket.io/', 'evaluation'],
    ['/api/health', 'challenges'],
    ['/api/health/ready', 'challenges'],
    ['/api/docs', 'challenges'],
    ['/api/docs/openapi.json', 'challenges'],
    ['/api', 'return 404'],
    ['/api/unknown', 'return 404'],
    ['/', 'web client'],
    ['/index.html', 'web client'],
    ['/challenges/42', 'web client'],
    ['/rooms/9/report', 'web client'],
    ['/assets/index-3f9a.js', 'web client'],
  ])('%s -> %s', (path, expected) => {
    expect(routeOf(path)).toBe(expected);
  });

  it('serves the web client with index.html for its own routes, and caches only the hashed assets', () => {
    const client = locations.find((l) => l.modifier === '' && l.pattern === '/');
    expect(only(client?.directives, 'root').args).toEqual(['/usr/share/nginx/html']);
    expect(only(client?.directives, 'try_files').args).toEqual(['$uri', '/index.html']);
    expect(only(client?.directives, 'add_header').args).toEqual(['Cache-Control', 'no-cache']);
    const assets = locations.find((l) => l.pattern === '/assets/');
    expect(only(assets?.directives, 'add_header').args[1]).toContain('immutable');
    expect(only(http, 'include').args).toEqual(['/etc/nginx/mime.types']);
  });

  it('answers unknown API paths with a JSON 404 in the services error shape', () => {
    const fallback = locations.find((l) => l.modifier === '' && l.pattern === '/api');
    const ret = only(fallback?.directives, 'return');
    expect(ret.args[0]).toBe('404');
    expect(JSON.parse(ret.args[1])).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
    });
    expect(only(http, 'default_type').args).toEqual(['application/json']);
  });

  it('defines the upstreams on the compose service names, with ip_hash for the evaluation replicas', () => {
    const upstream = (name: string) => only(children(http, 'upstream').filter((u) => u.args[0] === name), 'upstream').block;
    expect(only(upstream('challenges'), 'server').args[0]).toBe('challenges:3001');
    expect(only(upstream('bidding'), 'server').args[0]).toBe('bidding:3002');
    const evaluation = upstream('evaluation');
    expect(only(evaluation, 'server').args[0]).toBe('evaluation:3003');
    expect(children(evaluation, 'ip_hash')).toHaveLength(1);
    // ip_hash must come before the servers for nginx to accept their parameters.
    const names = (evaluation ?? []).map((d) => d.name);
    expect(names.indexOf('ip_hash')).toBeLessThan(names.indexOf('server'));
    expect(only(http, 'resolver').args[0]).toBe('127.0.0.11');
  });

  it('proxies socket.io with the websocket upgrade headers and the body limit of the services', () => {
    const socket = locations.find((l) => l.pattern === '/socket.io/');
    expect(socket && only(socket.directives, 'proxy_pass').args).toEqual(['http://evaluation']);
    const headers = Object.fromEntries(children(server, 'proxy_set_header').map((d) => [d.args[0], d.args[1]]));
    expect(headers).toMatchObject({
      Upgrade: '$http_upgrade',
      Connection: '$connection_upgrade',
      'X-Forwarded-For': '$remote_addr',
      'X-Forwarded-Proto': '$scheme',
      'X-Request-Id': '$req_id',
    });
    expect(only(server, 'proxy_http_version').args).toEqual(['1.1']);
    // A location with its own proxy_set_header would drop every header set at server level.
    for (const location of locations) expect(children(location.directives, 'proxy_set_header')).toEqual([]);
    expect(only(http, 'client_max_body_size').args).toEqual(['1m']);
  });
});
