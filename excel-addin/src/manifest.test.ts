import { existsSync, readFileSync } from 'node:fs';

import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

import { CELL_FUNCTIONS_IDS } from './functions/ids.js';

const root = new URL('../', import.meta.url);
const xml = readFileSync(new URL('manifest.xml', root), 'utf8');
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
});
const manifest = parser.parse(xml) as { OfficeApp: Record<string, unknown> };

/** Every element carrying attribute `name`, anywhere under `node`. */
function collect(node: unknown, name: string, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collect(n, name, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === `@${name}` && typeof value === 'string') found.push(value);
      else collect(value, name, found);
    }
  }
  return found;
}

describe('manifest.xml', () => {
  const app = manifest.OfficeApp;
  const overrides = app.VersionOverrides as Record<string, unknown>;
  const resources = overrides.Resources as Record<string, Record<string, unknown>>;
  const defined = new Set(collect(resources, 'id'));

  it('is a task pane add-in for Excel with a stable id and the shared runtime required', () => {
    expect(app['@type']).toBe('TaskPaneApp');
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(JSON.stringify(app.Hosts)).toContain('Workbook');
    expect(collect(app.Requirements, 'Name')).toContain('SharedRuntime');
  });

  it('defines every resid it uses', () => {
    const used = collect(overrides, 'resid');
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((id) => !defined.has(id))).toEqual([]);
  });

  it('uses one resid for runtime, functions page, function file and the task pane button', () => {
    const host = (overrides.Hosts as { Host: Record<string, unknown> }).Host;
    const runtime = collect(host.Runtimes, 'resid');
    const desktop = host.DesktopFormFactor as Record<string, unknown>;
    const functions = (host.AllFormFactors as { ExtensionPoint: Record<string, unknown> })
      .ExtensionPoint;
    expect(runtime).toEqual(['Shared.Url']);
    expect(JSON.stringify(host.Runtimes)).toContain('"@lifetime":"long"');
    expect(collect(functions.Page, 'resid')).toEqual(['Shared.Url']);
    expect(collect(desktop.FunctionFile, 'resid')).toEqual(['Shared.Url']);
    const button = JSON.stringify(desktop.ExtensionPoint);
    expect(button).toContain('ShowTaskpane');
    expect(collect(JSON.parse(button), 'resid')).toContain('Shared.Url');
  });

  it('points every URL at an HTTPS page the build produces under /addin/', () => {
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(urls.every((u) => u.startsWith('https://localhost:4000/'))).toBe(true);
    const files = urls
      .filter((u) => u.includes('/addin/'))
      .map((u) => u.slice(u.indexOf('/addin/') + '/addin/'.length));
    expect(files).toEqual(
      expect.arrayContaining(['taskpane.html', 'functions.js', 'functions.json']),
    );
    for (const file of files) {
      const source = ['taskpane.html', 'functions.js'].includes(file)
        ? file === 'taskpane.html'
          ? 'taskpane.html'
          : 'src/functions/register.ts'
        : `public/${file}`;
      expect(existsSync(new URL(source, root)), `${file} has a source (${source})`).toBe(true);
    }
  });

  it('declares the TRUEUP namespace and exactly the functions register.ts associates', () => {
    expect(xml).toMatch(/id="Functions.Namespace" DefaultValue="TRUEUP"/);
    const metadata = JSON.parse(readFileSync(new URL('public/functions.json', root), 'utf8')) as {
      functions: { id: string; parameters: { name: string; optional?: boolean }[] }[];
    };
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([...CELL_FUNCTIONS_IDS].sort());
    for (const fn of metadata.functions) {
      expect(fn.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
        ['virtualAccount', false],
        ['license', false],
        ['asOf', true],
      ]);
    }
  });
});
