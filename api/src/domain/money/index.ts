export * from './net-price.js';
