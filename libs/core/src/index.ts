export * from './bootstrap';
export * from './config';
export * from './core.module';
export * from './errors.filter';
export * from './health.controller';
export * from './logging';
export * from './public.decorator';
export * from './validation';
