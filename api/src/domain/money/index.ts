export * from './currency.js';
export * from './money.js';
export * from './net-price.js';
export * from './price-book.js';
export * from './exposure.js';
