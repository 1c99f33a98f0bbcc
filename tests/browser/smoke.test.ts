import { expect } from '@open-wc/testing';
import { get, set, createStore } from 'idb-keyval';

it('runs in real Chromium with real IndexedDB', async () => {
  const store = createStore('wm-smoke', 'kv');
  await set('k', { n: 1 }, store);
  expect(await get('k', store)).to.deep.equal({ n: 1 });
  expect(navigator.userAgent).to.contain('Chrome');
});
