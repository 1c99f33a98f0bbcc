import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TourExperience } from '../../config/types.js';
import { adjacency, createHarness, isShown, until, type Harness } from '../../../tests/browser/layouts/harness.js';

const tour = (overrides: Partial<TourExperience> = {}): TourExperience => ({
  id: 'welcome',
  type: 'tour',
  steps: [
    { target: '#one', title: 'First', body: 'Hello **there**' },
    { target: '#two', title: 'Second', body: 'More' },
    { target: '#three', title: 'Third' },
  ],
  ...overrides,
});

describe('<wm-tour>', () => {
  let harness: Harness;
  afterEach(() => harness?.dispose());

  it('renders an anchored step as a labelled dialog next to its target', async () => {
    await fixture(html`<div style="padding:100px"><button id="one">One</button><button id="two">Two</button><button id="three">Three</button></div>`);
    harness = createHarness();
    harness.show(tour());
    const element = await harness.tour('welcome');
    const card = element.panel!;
    await until(() => isShown(card), 'card shown');
    expect(card.getAttribute('aria-labelledby')).to.equal('wm-title');
    const position = adjacency(card.getBoundingClientRect(), document.querySelector('#one')!.getBoundingClientRect());
    expect(position.side).to.equal('bottom');
  });
});
