import { Agent, createServer, request, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The platform's own HTTP API, called over a loopback socket before the app listens: every request
 * goes through the routes, the guard, the validation pipe and the services exactly as a client's.
 * A private server on 127.0.0.1 (an ephemeral port, open only while the demo loads) hands each
 * request to the app's HTTP server. (Fastify's inject would do without the socket, but its
 * light-my-request loads an ESM-only package that the CommonJS Jest of the test suite cannot.)
 */
export class DemoHttp {
  private readonly agent = new Agent({ keepAlive: true });

  private constructor(
    private readonly server: Server,
    private readonly port: number,
  ) {}

  static async open(fastify: FastifyInstance): Promise<DemoHttp> {
    await fastify.ready();
    const app = fastify.server;
    const server = createServer((req, res) => app.emit('request', req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new DemoHttp(server, (server.address() as AddressInfo).port);
  }

  async close(): Promise<void> {
    this.agent.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Sends a request and returns the parsed answer; anything but `expected` is an error naming the step. */
  async call<T>(method: Method, url: string, options: { token?: string; body?: object; expected: number }): Promise<T> {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          host: '127.0.0.1',
          port: this.port,
          method,
          path: url,
          headers: {
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            ...(payload === undefined ? { 'content-length': 0 } : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
    if (response.status !== options.expected) {
      throw new Error(`${method} ${url} answered ${response.status}: ${response.body.slice(0, 500)}`);
    }
    return (response.body ? JSON.parse(response.body) : undefined) as T;
  }

  post<T>(url: string, token: string | undefined, body: object | undefined, expected = 201): Promise<T> {
    return this.call<T>('POST', url, { token, body, expected });
  }

  get<T>(url: string, token: string): Promise<T> {
    return this.call<T>('GET', url, { token, expected: 200 });
  }
}
