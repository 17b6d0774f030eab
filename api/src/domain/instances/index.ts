export * from './connection.js';
export * from './connection-mode.js';
