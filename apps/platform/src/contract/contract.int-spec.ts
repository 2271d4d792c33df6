import type { OpenAPIObject } from '@nestjs/swagger';
import { startTestApp, TestApp } from '../../../../test/support/app';
import { PlatformModule } from '../platform.module';
import { platformDocument } from './contract';

describe('the wire contract, served', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ module: (context) => PlatformModule.forRoot(context) });
  });
  afterAll(() => t?.close());

  it('the running platform serves the document the web types are generated from (built without a database)', async () => {
    const served = (await t.http().get('/api/docs-json').expect(200)).body as OpenAPIObject;
    const built = await platformDocument();
    // The title and description are the test app's own; the routes and schemas are the contract.
    expect({ paths: served.paths, components: served.components }).toEqual({ paths: built.paths, components: built.components });
  });
});
