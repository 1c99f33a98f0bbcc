import { expect } from '@open-wc/testing';
import { loadConfig } from './config-loading.js';
import type { WaymarkError } from './errors.js';

// The same files `waymark validate` checks in src/cli/main.test.ts: the app must give them the same verdict.
const fixture = (name: string) => new URL(`../cli/fixtures/${name}`, import.meta.url).href;

async function load(name: string): Promise<{ errors: WaymarkError[]; experiences: string[] }> {
  const errors: WaymarkError[] = [];
  const { config } = await loadConfig({ window, configUrl: fixture(name), report: (error) => errors.push(error) });
  return { errors, experiences: config.experiences.map((experience) => experience.id) };
}

describe('loading a config file with comments', () => {
  it('runs the commented file the CLI accepts, comment-like text in strings kept', async () => {
    const { errors, experiences } = await load('commented.json');
    expect(errors).to.deep.equal([]);
    expect(experiences).to.deep.equal(['welcome']);
    const response = await fetch(fixture('commented.json'));
    expect(await response.text()).to.include('// not a comment');
  });

  it('refuses the file with an unclosed comment, as the CLI does', async () => {
    const { errors, experiences } = await load('commented-unclosed.json');
    expect(experiences).to.deep.equal([]);
    expect(errors.map((error) => error.code)).to.deep.equal(['config-unavailable']);
  });
});
