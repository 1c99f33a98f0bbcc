import { expect } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { createDismissibleStack } from '../dismissible-stack.js';
import type { TargetResolver } from '../context.js';
import { DialogController } from './dialog.js';
import { FocusEscapeController } from './focus-escape.js';
import { LayerController } from './layer.js';
import { TargetController } from './target.js';

/** A bare host: each test drives its controllers directly, as a component would. */
class ControllerHost extends LitElement {
  readonly layer = new LayerController(this);
  readonly target = new TargetController(this);
  protected override render(): unknown {
    return html`<div class="card" popover="manual" tabindex="-1">card</div>`;
  }
  get card(): HTMLElement {
    return this.renderRoot.querySelector('.card')!;
  }
}
customElements.define('wm-controller-host', ControllerHost);

async function mountHost(): Promise<ControllerHost> {
  const host = document.createElement('wm-controller-host') as ControllerHost;
  document.body.append(host);
  await host.updateComplete;
  return host;
}

/** A resolver whose waits never settle on their own: only their abort signal ends them. */
function pendingResolver(signals: AbortSignal[]): TargetResolver {
  return {
    resolve: () => null,
    wait: (_target, _ms, signal) =>
      new Promise((settle) => {
        signals.push(signal!);
        signal!.addEventListener('abort', () => settle(null));
      }),
    describe: String,
  };
}

describe('LayerController', () => {
  it('holds theme, Escape layer, popover and listeners, and lets go of all of them when the host leaves the page', async () => {
    const stack = createDismissibleStack(window);
    const host = await mountHost();
    const before = document.createElement('button');
    document.body.append(before);
    before.focus();
    let clicks = 0;
    host.layer.theme({ accent: '#ff0000' });
    host.layer.returnFocus(document);
    host.layer.escape(stack, () => undefined);
    host.layer.showPopover(host.card);
    host.layer.listen(document, 'click', () => clicks++);
    host.card.focus();
    expect(host.style.getPropertyValue('--wm-accent')).to.equal('#ff0000');
    expect(stack.size).to.equal(1);
    expect(host.card.matches(':popover-open')).to.equal(true);
    expect(host.layer.active).to.equal(true);

    host.remove();
    document.body.click();
    expect(host.style.getPropertyValue('--wm-accent')).to.equal('');
    expect(stack.size).to.equal(0);
    expect(host.card.matches(':popover-open')).to.equal(false);
    expect(clicks).to.equal(0);
    expect(host.layer.active).to.equal(false);
    expect(document.activeElement).to.equal(before);
    before.remove();
    stack.dispose();
  });
});

describe('TargetController', () => {
  it('a restart makes the find in flight stale and aborts its wait; leaving the page does too', async () => {
    const host = await mountHost();
    const signals: AbortSignal[] = [];
    const resolver = pendingResolver(signals);
    const first = host.target.restart();
    const waiting = host.target.wait(resolver, '#late', 60000);
    const second = host.target.restart();
    expect(signals[0]!.aborted).to.equal(true);
    expect(await waiting).to.equal(null);
    expect(host.target.isCurrent(first)).to.equal(false);
    expect(host.target.isCurrent(second)).to.equal(true);

    const again = host.target.wait(resolver, '#late', 60000);
    host.remove();
    expect(signals[1]!.aborted).to.equal(true);
    expect(await again).to.equal(null);
    expect(host.target.isCurrent(second)).to.equal(false);
  });
});

describe('DialogController', () => {
  it('a close it caused is not a dismissal; the browser closing the dialog by itself is', async () => {
    const dialog = document.createElement('dialog');
    document.body.append(dialog);
    let dismissed = 0;
    const controller = new DialogController({ isOpen: () => true, dismiss: () => dismissed++ });
    dialog.addEventListener('close', controller.onClose);
    dialog.showModal();
    controller.close(dialog);
    await new Promise((settle) => dialog.addEventListener('close', settle, { once: true }));
    expect(dismissed).to.equal(0);
    dialog.showModal();
    dialog.close();
    await new Promise((settle) => dialog.addEventListener('close', settle, { once: true }));
    expect(dismissed).to.equal(1);
    dialog.remove();
  });
});

describe('FocusEscapeController', () => {
  it('is on the Escape stack only while focus is inside the surface, and not after the host leaves', async () => {
    const stack = createDismissibleStack(window);
    const host = await mountHost();
    const focusEscape = new FocusEscapeController(host, { stack: () => stack, container: () => host.card, dismiss: () => undefined });
    focusEscape.onFocusIn();
    expect(stack.size).to.equal(1);
    focusEscape.onFocusOut(new FocusEvent('focusout', { relatedTarget: host.card }));
    expect(stack.size).to.equal(1);
    focusEscape.onFocusOut(new FocusEvent('focusout', { relatedTarget: document.body }));
    expect(stack.size).to.equal(0);
    focusEscape.onFocusIn();
    host.remove();
    expect(stack.size).to.equal(0);
    stack.dispose();
  });
});
