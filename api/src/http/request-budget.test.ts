import { EventEmitter } from 'node:events';

import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';

import { RequestBudgetExceeded, requestBudget, throwIfOverBudget } from './request-budget.js';

/** A response that can be closed by the "client" before it finished. */
function fakeResponse(): Response & EventEmitter {
  return Object.assign(new EventEmitter(), { writableFinished: false, locals: {} }) as never;
}

describe('the request budget', () => {
  it('lets queries run while in budget, and stops them once the client disconnects', async () => {
    const res = fakeResponse();
    await new Promise<void>((done) => {
      requestBudget(60_000)({} as Request, res, () => {
        expect(() => throwIfOverBudget()).not.toThrow();
        res.emit('close');
        expect(() => throwIfOverBudget()).toThrow(RequestBudgetExceeded);
        expect(() => throwIfOverBudget()).toThrow(/client went away/);
        done();
      });
    });
  });

  it('stops queries once the deadline has passed, even if no timer could fire', async () => {
    const res = fakeResponse();
    await new Promise<void>((done) => {
      requestBudget(100)({} as Request, res, () => {
        // Busy work without yielding: the timer cannot fire, the deadline is read instead.
        const until = performance.now() + 150;
        while (performance.now() < until);
        expect(() => throwIfOverBudget()).toThrow(/time budget \(0\.1 s\)/);
        done();
      });
    });
  });

  it('mounted twice on one request, counts one budget from the first mount', async () => {
    const res = fakeResponse();
    await new Promise<void>((done) => {
      requestBudget(100)({} as Request, res, () => {
        const until = performance.now() + 150;
        while (performance.now() < until);
        // The second mount (after the body parser) must not start a fresh 60 s budget.
        requestBudget(60_000)({} as Request, res, () => {
          expect(() => throwIfOverBudget()).toThrow(/time budget \(0\.1 s\)/);
          done();
        });
      });
    });
  });

  it('does nothing outside a request (CLI, schedules)', () => {
    expect(() => throwIfOverBudget()).not.toThrow();
  });
});
