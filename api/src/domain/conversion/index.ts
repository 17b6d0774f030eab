export * from './classic-conversion.js';
