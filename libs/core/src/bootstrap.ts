import type { IncomingMessage } from 'node:http';
import { Logger as NestLogger, Type, DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { migrate, resolveDatabase } from '@app/database';
import { ValidationFailed } from '@app/domain';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigError, loadConfig } from './config';
import type { AppContext } from './core.module';
import { errorBody } from './errors.filter';
import { checkInput, parseJsonBody } from './input-bounds';
import { requestId } from './logging';

/** Request bodies up to 1 MiB: a 200 KB proposal in JSON with its escapes fits with room to spare. */
export const BODY_LIMIT = 1024 * 1024;

export interface ApiDocument {
  title: string;
  description: string;
}

/** A service's own setup of the built app, e.g. the socket.io adapter (runs before listen/init). */
export type ConfigureApp = (app: NestFastifyApplication, config: AppConfig) => void | Promise<void>;

/** The OpenAPI document of the app's routes (all under the global prefix `api`), as /api/docs serves it. */
export function openApiDocument(app: INestApplication, docs: ApiDocument): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(docs.title)
      .setDescription(docs.description)
      .setVersion('1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
}

/**
 * The same document without starting the app: Nest's preview mode resolves the modules and controllers but
 * creates no provider, so nothing connects to a database or Redis (`npm run contract` and its staleness test).
 */
export async function previewApiDocument(module: Type | DynamicModule, docs: ApiDocument): Promise<OpenAPIObject> {
  const app = await NestFactory.create(module, new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix('api');
  try {
    return openApiDocument(app, docs);
  } finally {
    await app.close();
  }
}

/** Builds the Fastify application with everything every deployment shares. Used by main.ts and tests. */
export async function createApp(
  module: Type | DynamicModule,
  config: AppConfig,
  docs: ApiDocument,
  configure?: ConfigureApp,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT,
    genReqId: (req: IncomingMessage) => requestId(req),
    routerOptions: { maxParamLength: 200 },
    // Errors of Fastify's router (e.g. a percent-encoded path that is not UTF-8) in the platform's error body.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const body = errorBody(
        error.code === 'FST_ERR_BAD_URL' ? ValidationFailed.field('url', 'url has a percent-encoded part that is not UTF-8', 'BAD_URL') : error,
      );
      void reply.code(body.statusCode).send({ ...body, requestId: request.id });
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.setGlobalPrefix('api');
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.enableCors({
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    credentials: true,
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
  });
  const instance = app.getHttpAdapter().getInstance();
  instance.addHook('onRequest', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
  });
  // Bounds on every input before any validation runs (docs/operations.md, "Bad input and abuse").
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT }, async (_request: FastifyRequest, body: Buffer) => parseJsonBody(body));
  // No route takes plain text: 415 rather than a string body.
  instance.removeContentTypeParser('text/plain');
  instance.addHook('preValidation', async (request) => {
    checkInput(request.params, 'params');
    checkInput(request.query, 'query');
    checkInput(request.body, 'body');
  });
  await configure?.(app, config);
  const document = openApiDocument(app, docs);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  // Also at Nest's usual address, where OpenAPI tooling looks first.
  instance.get('/api/docs-json', async () => document);
  return app;
}

export interface ServiceDefinition {
  name: string;
  defaultPort: number;
  docs: ApiDocument;
  module: (context: AppContext) => DynamicModule;
  configure?: ConfigureApp;
  /** Runs once the app listens (e.g. to print the URLs). */
  announce?: (url: string, context: AppContext) => void;
}

/** The whole start of a service: config, database (embedded if needed), migrations, listen, graceful stop. */
export async function runService(service: ServiceDefinition): Promise<void> {
  const log = new NestLogger(service.name);
  let config: AppConfig;
  try {
    config = loadConfig(process.env, { port: service.defaultPort });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  // Handlers first: a signal during the start (the embedded PostgreSQL booting, migrations) must
  // still close what was opened, or the server would outlive this process.
  const databaseStarting = resolveDatabase(config.databaseUrl, config.dataDir, (line) => log.log(line));
  databaseStarting.catch(() => undefined);
  let app: NestFastifyApplication | undefined;
  let stopping = false;
  const shutDown = async (code: number) => {
    const force = setTimeout(() => process.exit(code || 1), 15_000).unref();
    try {
      await app?.close().catch((error: Error) => log.warn(`closing the app: ${error.message}`));
    } finally {
      const database = await databaseStarting.catch(() => null);
      await database?.stop();
      clearTimeout(force);
      process.exit(code);
    }
  };
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.log(`${signal} received: closing`);
    // shutDown ends the process in every case (its force timer covers a failing stop).
    void shutDown(0);
  };
  // `on`, not `once`: Ctrl-C reaches node twice (from the terminal and forwarded by npm), and a second
  // signal without a listener would kill node before its PostgreSQL is stopped.
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  let database: Awaited<typeof databaseStarting>;
  try {
    database = await databaseStarting;
  } catch (error) {
    // e.g. the embedded database is held by another running process: one line, no stack.
    console.error(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  if (stopping) return;
  try {
    const context: AppContext = { config, databaseUrl: database.url, serviceName: service.name };
    app = await createApp(service.module(context), config, service.docs, service.configure);
    if (config.runMigrations) {
      const applied = await migrate(app.get(DataSource));
      if (applied.length) log.log(`applied migrations: ${applied.join(', ')}`);
    }
    if (stopping) return;
    await app.listen({ port: config.port, host: config.host });
    const url = `http://localhost:${config.port}`;
    service.announce?.(url, context);
  } catch (error) {
    if (stopping) return;
    stopping = true;
    log.error(error instanceof Error ? error.stack ?? error.message : String(error));
    await shutDown(1);
  }
}
