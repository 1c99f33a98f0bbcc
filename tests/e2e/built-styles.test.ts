/**
 * The build minifies Lit stylesheets (scripts/css-literals.mjs): every stylesheet in dist/lib must be smaller than its
 * source, hold no comment, and read in Chromium as the same rules.
 */
import { describe, expect, it } from 'vitest';
import type { CSSResult } from 'lit';
import { freshPage, root, serveRepo } from './harness.js';

const MODULES = [
  'ui/shared/theme', 'ui/shared/styles', 'ui/shared/panel.styles', 'ui/debug/overlay.styles', 'ui/nudge/nudge.styles',
  'ui/checklist/checklist.styles', 'ui/hint/fit-height', 'ui/survey/survey.styles', 'ui/announcement/announcement.styles',
  'ui/beacon/beacon.styles', 'ui/tour/tour.styles', 'ui/resource-center/resource-center.styles', 'ui/help/help.styles',
];

const served = serveRepo(MODULES.map((module) => `dist/lib/${module}.js`));

const isCss = (value: unknown): value is CSSResult => typeof (value as CSSResult | null)?.cssText === 'string';
async function stylesheets(path: string): Promise<Map<string, string>> {
  const exports = (await import(path)) as Record<string, unknown>;
  return new Map(Object.entries(exports).flatMap(([name, value]) => (isCss(value) ? [[name, value.cssText] as const] : [])));
}

describe('built stylesheets', () => {
  it('are minified, and Chromium reads each as the same rules as its source', async () => {
    const pairs: Array<{ name: string; source: string; built: string }> = [];
    for (const module of MODULES) {
      const source = await stylesheets(`${root}src/${module}.ts`);
      const built = await stylesheets(`${root}dist/lib/${module}.js`);
      expect([...built.keys()].sort(), module).toEqual([...source.keys()].sort());
      for (const [name, text] of source) pairs.push({ name: `${module} ${name}`, source: text, built: built.get(name)! });
    }
    expect(pairs.length).toBeGreaterThanOrEqual(14);
    for (const { name, source, built } of pairs) {
      expect(built.length, name).toBeLessThan(source.length * 0.85);
      expect(built, name).not.toContain('/*');
      expect(built, name).not.toMatch(/\n\s/);
    }
    const page = await freshPage(served);
    // Values holding var() keep their tokens as written until used: on both sides, whitespace runs are one space and
    // the space after a comma (never needed in CSS) is left out. Quoted strings, which the minifier keeps, are unit-tested.
    const differences = await page.evaluate((all) => {
      const rules = (text: string) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        return Array.from(sheet.cssRules, (rule) => rule.cssText.replace(/\s+/g, ' ').replace(/, /g, ','));
      };
      return all.flatMap(({ name, source, built }) => {
        const [expected, actual] = [rules(source), rules(built)];
        if (expected.length === 0) return [`${name}: no rules`];
        return expected.length === actual.length && expected.every((rule, i) => rule === actual[i]) ? [] : [`${name}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`];
      });
    }, pairs);
    expect(differences).toEqual([]);
    await page.close();
  });
});
