export * from './classic-conversion.js';
export * from './pak-conversion.js';
