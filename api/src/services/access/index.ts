export * from './access.js';
export * from './access-service.js';
export { hashToken, TOKEN_PREFIX } from './token-secret.js';
