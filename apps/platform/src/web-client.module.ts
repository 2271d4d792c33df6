import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DynamicModule, Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm run build:web` writes the browser client (npm start builds it when missing or stale). */
export const WEB_DIST = join(process.cwd(), 'apps', 'web', 'dist');

/** Paths that are not client routes: unknown ones stay a JSON 404 (a missing asset too). */
const NOT_CLIENT_ROUTES = /^\/(api|socket\.io|assets)(\/|$)/;

/**
 * Serves the built web client at `/` on the platform's origin: its files, and index.html for every
 * other GET outside /api and /socket.io so the client's routes survive a reload (SPA fallback).
 */
const WEB_CLIENT_DIR = Symbol('WEB_CLIENT_DIR');

@Module({})
export class WebClientModule implements OnModuleInit {
  private readonly log = new Logger('WebClient');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(WEB_CLIENT_DIR) private readonly root: string,
  ) {}

  static forRoot(root: string = WEB_DIST): DynamicModule {
    return { module: WebClientModule, providers: [{ provide: WEB_CLIENT_DIR, useValue: root }] };
  }

  onModuleInit(): void {
    const root = this.root;
    if (!existsSync(join(root, 'index.html'))) {
      this.log.warn(`no web client in ${root}: run npm run build:web (npm start does)`);
      return;
    }
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    // Not awaited: an awaited register would load the plugin tree now, before Nest sets its error
    // handler, and every route registered after would keep Fastify's default one (a refusal in a
    // hook, e.g. the input bounds, would then answer 500). Queued, it loads at ready().
    void fastify.register(async (client) => {
      await client.register(fastifyStatic, {
        root,
        wildcard: false,
        cacheControl: false,
        setHeaders: (reply: FastifyReply, path: string) => {
          // Hashed assets never change; index.html must be revalidated to pick up a new build.
          void reply.header('cache-control', path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
      client.get('/*', (request, reply) => {
        if (NOT_CLIENT_ROUTES.test(request.url)) return reply.callNotFound();
        return reply.sendFile('index.html');
      });
    });
  }
}
