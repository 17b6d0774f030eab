import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import express from 'express';

/** The origin the add-in's manifest is written for (excel-addin/manifest.xml, dev URLs). */
export const MANIFEST_DEV_ORIGIN = 'https://localhost:4000';

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * Serves the built Excel add-in (excel-addin/dist) at /addin. The manifest is rewritten on the
 * way out so its URLs name the origin the request came to: sideloading
 * `<server>/addin/manifest.xml` always points Excel at pages this process serves.
 */
export function addinMiddleware(addinDir: string): express.Router {
  const router = express.Router();
  router.get('/manifest.xml', async (req, res, next) => {
    let xml: string;
    try {
      xml = await readFile(join(addinDir, 'manifest.xml'), 'utf8');
    } catch {
      // Not built (or not installed): an honest 404 rather than an error page.
      next();
      return;
    }
    // The Host header is client input: only a plain host[:port] goes into the XML.
    const host = req.get('host') ?? '';
    const origin = HOST.test(host) ? `${req.protocol}://${host}` : MANIFEST_DEV_ORIGIN;
    res.type('application/xml').set('Cache-Control', 'no-store');
    res.send(xml.replaceAll(MANIFEST_DEV_ORIGIN, origin));
  });
  router.use(express.static(addinDir));
  return router;
}
