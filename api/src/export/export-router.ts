import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import express from 'express';

import { DomainError, parseIsoDate, type RenewalParameters } from '../domain/index.js';
import { accessOf } from '../http/bearer.js';
import { canSee, mayNameDomain, type Access } from '../services/access/access.js';
import type { Services } from '../services/index.js';

import { catalogCsv } from './catalog-csv.js';
import { positionsCsvChunks, positionsJsonLines } from './positions-csv.js';
import { ExportParameterError, positionsExportParams } from './positions-query.js';
import { workbookModels } from './workbook-data.js';
import { writeXlsx } from './xlsx.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function intParam(req: express.Request, name: string): number | undefined {
  const text = req.query[name];
  if (typeof text !== 'string') return undefined;
  if (!/^-?\d+$/.test(text))
    throw new DomainError('INVALID_RENEWAL_INPUT', `${name} must be a whole number`, { name });
  return Number(text);
}

/** Renewal parameters from the query string (basis points, as in GraphQL). */
function renewalParams(req: express.Request): Partial<RenewalParameters> {
  const params: { -readonly [K in keyof RenewalParameters]?: RenewalParameters[K] } = {};
  const term = intParam(req, 'termYears');
  const growth = intParam(req, 'growthBasisPoints');
  const discountRate = intParam(req, 'discountRateBasisPoints');
  const mode = req.query.trueForwardMode;
  if (term !== undefined) params.termYears = term;
  if (growth !== undefined) params.growthBasisPoints = growth;
  if (discountRate !== undefined) params.discountRateBasisPoints = discountRate;
  if (mode === 'A' || mode === 'B') params.trueForwardMode = mode;
  return params;
}

/**
 * Reads `?smartAccount=<domain>&asOf=YYYY-MM-DD[&currency=USD][&termYears=5]
 * [&growthBasisPoints=1000][&trueForwardMode=A][&discountRateBasisPoints=800]`; errors become
 * 400/404.
 */
async function exportQuery(services: Services, req: express.Request, access: Access) {
  const domain = typeof req.query.smartAccount === 'string' ? req.query.smartAccount : '';
  const asOfText = typeof req.query.asOf === 'string' ? req.query.asOf : undefined;
  const currency = typeof req.query.currency === 'string' ? req.query.currency : undefined;
  // A Smart Account the token was not granted answers exactly like one that does not exist.
  const found =
    domain && mayNameDomain(access, domain)
      ? await services.accounts.smartAccountByDomain(domain)
      : undefined;
  const account = found && canSee(access, found.id) ? found : undefined;
  if (!account)
    throw new DomainError('UNKNOWN_SMART_ACCOUNT', `no Smart Account "${domain}"`, { domain });
  const asOf =
    asOfText === undefined ? services.position.asOfOrToday(null) : parseIsoDate(asOfText);
  return { smartAccountId: account.id, asOf, currency, domain, renewal: renewalParams(req) };
}

function fail(res: express.Response, error: unknown): void {
  if (error instanceof ExportParameterError) {
    res.status(400).json({ error: { code: error.code, message: error.message } });
    return;
  }
  if (error instanceof DomainError) {
    const status = error.code.startsWith('UNKNOWN_') ? 404 : 400;
    res.status(status).json({ error: { code: error.code, message: error.message } });
    return;
  }
  throw error;
}

/** The bulk position pulls: the same rows and columns, as CSV or as JSON Lines. */
const POSITION_FORMATS = [
  { extension: 'csv', type: 'text/csv; charset=utf-8', write: positionsCsvChunks },
  { extension: 'jsonl', type: 'application/jsonl; charset=utf-8', write: positionsJsonLines },
] as const;

const fileStem = (domain: string, asOf: string) =>
  `trueup-${domain.replace(/[^A-Za-z0-9.-]+/g, '_')}-${asOf}`;

/**
 * The export routes, in one router mounted behind the bearer check (any role may export what
 * it may read; scope as for GraphQL):
 * `GET /export/positions.csv` and `/export/positions.jsonl` (GraphQL `positionRows`' flat
 * columns and arguments, every row, streamed from the position cache with an ETag; see
 * positions-query.ts), `GET /export/catalog.csv` (the license catalog, importable as
 * `license-catalog-csv`; asOf only names the file) and `GET /export/workbook.xlsx`, all with
 * `?smartAccount=<domain>&asOf=YYYY-MM-DD` (default today).
 */
export function createExportRouter(services: Services): express.Router {
  const router = express.Router();
  for (const format of POSITION_FORMATS) {
    router.get(`/export/positions.${format.extension}`, async (req, res, next) => {
      try {
        const query = await exportQuery(services, req, accessOf<Access>(res));
        const params = positionsExportParams(req);
        const { version, rows } = await services.position.allRows({ ...query, ...params });
        // The rows' version (cache entry and prices) and the request name the bytes exactly.
        const tag = createHash('sha1')
          .update(`${version}|${format.extension}|${query.smartAccountId}|${query.asOf}|`)
          .update(JSON.stringify(params))
          .digest('base64url');
        res
          .attachment(`${fileStem(query.domain, query.asOf)}-positions.${format.extension}`)
          .type(format.type)
          .set('ETag', `W/"${tag}"`);
        if (req.fresh) {
          res.status(304).end();
          return;
        }
        await pipeline(Readable.from(format.write(rows)), res);
      } catch (error) {
        if (res.headersSent) {
          // Mid-stream (the client went away, or a row failed): the body cannot change now.
          res.destroy();
          return;
        }
        try {
          fail(res, error);
        } catch (unknown) {
          next(unknown);
        }
      }
    });
  }
  router.get('/export/catalog.csv', async (req, res, next) => {
    try {
      const query = await exportQuery(services, req, accessOf<Access>(res));
      const body = catalogCsv(await services.catalog.rows(query.smartAccountId));
      res
        .type('text/csv; charset=utf-8')
        .attachment(`${fileStem(query.domain, query.asOf)}-catalog.csv`)
        .send(body);
    } catch (error) {
      try {
        fail(res, error);
      } catch (unknown) {
        next(unknown);
      }
    }
  });
  router.get('/export/workbook.xlsx', async (req, res, next) => {
    try {
      const query = await exportQuery(services, req, accessOf<Access>(res));
      const { models } = await workbookModels(services, query);
      res
        .type(XLSX_TYPE)
        .attachment(`${fileStem(query.domain, query.asOf)}.xlsx`)
        .send(await writeXlsx(models));
    } catch (error) {
      try {
        fail(res, error);
      } catch (unknown) {
        next(unknown);
      }
    }
  });
  return router;
}
