import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/index.js';

// The demo app's config is the canonical example of the contract: it must stay valid, with every experience kept.
describe('examples/waymark.config.json', () => {
  const raw = JSON.parse(readFileSync(new URL('../../examples/waymark.config.json', import.meta.url), 'utf8'));

  it('validates with no errors and no warnings', () => {
    const { config, issues } = validateConfig(raw);
    expect(issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([]);
    expect(config?.experiences.length).toBe(raw.experiences.length);
  });

  it('uses every experience type and all four locales, each text in every one', () => {
    const types = new Set(raw.experiences.map((e: { type: string }) => e.type));
    expect([...types].sort()).toEqual(['announcement', 'beacon', 'checklist', 'hint', 'nudge', 'survey', 'tour']);
    expect(raw.locale.supported).toEqual(['en', 'ru', 'lt', 'ar']);
    // Every localized text (an object with an English text) has all four: none falls back to English unseen.
    const missing: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) return value.forEach((item, index) => walk(item, `${path}[${index}]`));
      if (value === null || typeof value !== 'object') return;
      const record = value as Record<string, unknown>;
      if (typeof record.en === 'string') {
        for (const locale of raw.locale.supported) if (typeof record[locale] !== 'string' || record[locale] === '') missing.push(`${path}.${locale}`);
        return;
      }
      for (const [key, item] of Object.entries(record)) walk(item, `${path}.${key}`);
    };
    walk(raw, '$');
    expect(missing).toEqual([]);
  });
});
