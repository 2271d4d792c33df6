import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger, Module, OnModuleInit } from '@nestjs/common';
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
@Module({})
export class WebClientModule implements OnModuleInit {
  private readonly log = new Logger('WebClient');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onModuleInit(): Promise<void> {
    if (!existsSync(join(WEB_DIST, 'index.html'))) {
      this.log.warn(`no web client in ${WEB_DIST}: run npm run build:web (npm start does)`);
      return;
    }
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    await fastify.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      cacheControl: false,
      setHeaders: (reply: FastifyReply, path: string) => {
        // Hashed assets never change; index.html must be revalidated to pick up a new build.
        void reply.header('cache-control', path.startsWith(join(WEB_DIST, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    fastify.get('/*', (request, reply) => {
      if (NOT_CLIENT_ROUTES.test(request.url)) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
}
