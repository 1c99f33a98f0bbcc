import { expect } from '@open-wc/testing';
import { fallbackFocusIn, guardFocus } from './focus-return.js';
import { until } from '../../../../tests/browser/helpers.js';

describe('guardFocus: focus never left on <body>', () => {
  for (const [when, timers] of [
    ['after the browser has fixed focus up', window],
    // Under load the close event's rescue can run before the browser's next rendering fixes focus up: it then finds
    // focus still on the closed dialog's field. A timer that fires at once pins that order.
    ['before the browser has fixed focus up', { setTimeout: (run: () => void) => (queueMicrotask(run), 1), clearTimeout: () => {} }],
  ] as const) {
    it(`the app's dialog closes and what it would give focus back to is gone (a Waymark control): focus goes to the main landmark, ${when}`, async () => {
      const root = document.createElement('div');
      root.innerHTML = `<main>Page</main>
        <wm-help><button type="button">Contact us</button></wm-help>
        <dialog><input aria-label="Message"></dialog>`;
      document.body.append(root);
      const main = root.querySelector('main')!;
      const waymark = root.querySelector('wm-help')!;
      const dialog = root.querySelector('dialog')!;
      const win = {
        document,
        addEventListener: window.addEventListener.bind(window),
        removeEventListener: window.removeEventListener.bind(window),
        setTimeout: timers.setTimeout.bind(timers),
        clearTimeout: timers.clearTimeout.bind(timers),
      } as unknown as Window;
      const stop = guardFocus(win, () => fallbackFocusIn(document, undefined));
      try {
        // The help panel's Contact us opens the app's chat; the panel leaves while the chat is open.
        waymark.querySelector('button')!.focus();
        dialog.showModal();
        dialog.querySelector('input')!.focus();
        waymark.remove();
        dialog.close();
        // The dialog could not give focus back: it stays on the closed dialog's field until the browser's next rendering.
        await until(() => document.activeElement === main, 'focus on the main landmark', 1000);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(document.activeElement, 'still on the main landmark').to.equal(main);
      } finally {
        stop();
        root.remove();
      }
    });
  }

  it("the app's dialog gives focus back to a field in the page's own shadow root (its host display: contents): focus stays there", async () => {
    const root = document.createElement('div');
    root.innerHTML = `<main>Page</main><div id="box" style="display:contents"></div><dialog><input aria-label="Message"></dialog>`;
    document.body.append(root);
    const field = document.createElement('input');
    field.setAttribute('aria-label', 'Search');
    root.querySelector('#box')!.attachShadow({ mode: 'open' }).append(field);
    const dialog = root.querySelector('dialog')!;
    const win = { document, addEventListener: window.addEventListener.bind(window), removeEventListener: window.removeEventListener.bind(window), setTimeout: (run: () => void) => (queueMicrotask(run), 1), clearTimeout: () => {} } as unknown as Window;
    const stop = guardFocus(win, () => fallbackFocusIn(document, undefined));
    try {
      field.focus();
      dialog.showModal();
      dialog.querySelector('input')!.focus();
      dialog.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(root.querySelector('#box')!.shadowRoot!.activeElement, 'the field the dialog gave focus back to').to.equal(field);
    } finally {
      stop();
      root.remove();
    }
  });
});
