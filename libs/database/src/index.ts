export * from './connect';
export * from './data-source';
export * from './database.module';
export * from './embedded';
export * from './entities';
export * from './naming';
export * from './outbox/outbox';
export * from './request-connection';
