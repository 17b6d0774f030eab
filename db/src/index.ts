export * from './schema/index.js';
export * from './client/index.js';
export { migrationsFolder } from './client/migrations.js';
export * from './seed/index.js';
