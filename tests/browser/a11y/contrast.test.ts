/**
 * Contrast of the help panel's message form (issue 19, item 5): its error summary, field errors
 * and invalid borders read on the panel in light mode, in automatic dark mode (the system setting)
 * and with `theme.mode: "dark"`, and use the one `--wm-danger` token every Waymark form uses.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { MessageDraft, SendResult } from '../../../src/core/chat/contract.js';
import type { ThemeTokens } from '../../../src/config/types.js';
import { mountHelp, type MountedHelp } from '../../../src/ui/help/mount/test-support.js';
import { axeViolations, contrast, until } from '../layouts/harness.js';


const refuseEmpty = async (draft: MessageDraft): Promise<SendResult> =>
  draft.email.trim() ? { ok: true, id: 'm1' } : { ok: false, issues: [{ field: 'email', code: 'required', message: 'Enter your email address' }] };

const MODES: Array<{ name: string; scheme: 'light' | 'dark'; theme?: ThemeTokens; card: string; danger: string }> = [
  { name: 'light', scheme: 'light', card: 'rgb(255, 255, 255)', danger: 'rgb(180, 35, 24)' },
  { name: 'automatic dark (system setting)', scheme: 'dark', theme: { mode: 'auto', accent: '#4f46e5' }, card: 'rgb(28, 33, 40)', danger: 'rgb(255, 138, 128)' },
  { name: 'theme.mode "dark"', scheme: 'light', theme: { mode: 'dark' }, card: 'rgb(28, 33, 40)', danger: 'rgb(255, 138, 128)' },
];

describe('the help form\'s errors read in light and dark', () => {
  let help: MountedHelp | undefined;
  afterEach(async () => {
    help?.dispose();
    help = undefined;
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const mode of MODES) {
    it(`${mode.name}: the error summary and field error at 4.5:1 on the panel, the invalid border at 3:1, the shared --wm-danger`, async () => {
      await emulateMedia({ colorScheme: mode.scheme });
      help = mountHelp({ contact: async () => 'form', leaveMessage: refuseEmpty, ...(mode.theme ? { theme: mode.theme } : {}) });
      await help.open();
      const root = help.element.shadowRoot!;
      root.querySelector<HTMLButtonElement>('[part="contact"]')!.click();
      await until(() => root.querySelector('form') !== null, 'the message form');
      root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(() => root.querySelector('[role="alert"]')!.textContent!.trim() !== '', 'the errors');
      const panel = getComputedStyle(root.querySelector<HTMLElement>('[popover]')!).backgroundColor;
      expect(panel).to.equal(mode.card);
      const summary = root.querySelector<HTMLElement>('[role="alert"]')!;
      const email = root.querySelector<HTMLInputElement>('#wm-help-email')!;
      const fieldError = root.getElementById(email.getAttribute('aria-describedby')!)!;
      expect(getComputedStyle(summary).color, 'the one danger token').to.equal(mode.danger);
      expect(contrast(getComputedStyle(summary).color, panel), 'error summary').to.be.at.least(4.5);
      expect(contrast(getComputedStyle(fieldError).color, panel), 'field error').to.be.at.least(4.5);
      expect(contrast(getComputedStyle(email).borderTopColor, panel), 'invalid border').to.be.at.least(3);
      expect(await axeViolations(help.element)).to.deep.equal([]);
    });
  }
});
