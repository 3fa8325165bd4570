export * from './lib/app.module';
export * from './lib/configure-app';
export * from './lib/bootstrap';
export * from './lib/entities';
export { migrations } from './migrations';
export { InternalServer } from './lib/internal-server';
