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

  it('uses every experience type and all three locales', () => {
    const types = new Set(raw.experiences.map((e: { type: string }) => e.type));
    expect([...types].sort()).toEqual(['announcement', 'beacon', 'checklist', 'hint', 'nudge', 'survey', 'tour']);
    expect(raw.locale.supported).toEqual(['en', 'ru', 'lt']);
  });
});
