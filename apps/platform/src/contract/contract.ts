import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import openapiTS, { astToString } from 'openapi-typescript';
import { loadConfig, previewApiDocument } from '@app/core';
import { PLATFORM_DOCS } from '../platform-docs';
import { PlatformModule } from '../platform.module';

/** The generated file the web client's HTTP types alias (apps/web/src/api/types.ts); npm scripts and Jest run at the repository root. */
export const CONTRACT_FILE = join(process.cwd(), 'apps/web/src/api/openapi.ts');

const HEADER = `/**
 * Generated from the platform's OpenAPI document (/api/docs) by \`npm run contract\`: do not edit.
 * Change the controllers' and DTOs' decorators, then run \`npm run contract\` again.
 */

`;

/**
 * The platform's document, built from its modules in Nest's preview mode (no database). The config is fixed
 * (given secrets, so nothing is written under the data directory): the routes do not depend on it.
 */
export function platformDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({ JWT_SECRET: 'contract'.repeat(4), ADMIN_EMAIL: 'admin@contract.local', ADMIN_PASSWORD: 'contract' });
  return previewApiDocument(PlatformModule.forRoot({ config, databaseUrl: 'postgres://contract.invalid/none', serviceName: 'contract' }), PLATFORM_DOCS);
}

/** The text of apps/web/src/api/openapi.ts for the current controllers and DTOs. */
export async function contractSource(): Promise<string> {
  const document = await platformDocument();
  // openapi-typescript's own types of a document are stricter than Swagger's equivalent ones.
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}
