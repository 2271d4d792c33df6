/** The one-process platform's module, for tests that run the whole platform in their own process. */
export { PlatformModule } from './platform.module';
