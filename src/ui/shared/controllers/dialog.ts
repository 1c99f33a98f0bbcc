/**
 * A `<dialog>` whose Escape goes through Waymark's Escape stack (only the topmost layer closes),
 * and whose closing by the browser itself (a repeated Escape) counts as a dismissal. Closes it
 * caused itself are told apart: their `close` event arrives later, in a task. It holds nothing to
 * dispose (the component closes its dialog with its other layers), so it needs no host hooks.
 */
import { trapTab } from '../focus.js';

export interface DialogOptions {
  /** Whether the component considers the dialog open now (a close while it does is a dismissal). */
  isOpen(): boolean;
  dismiss(): void;
}

export class DialogController {
  private expectedCloses = 0;

  constructor(private readonly options: DialogOptions) {}

  /** Close a modal dialog ourselves: not a dismissal. */
  close(dialog: HTMLDialogElement): void {
    if (!dialog.matches(':modal')) return;
    this.expectedCloses++;
    dialog.close();
  }

  /** `@cancel`: Escape goes through the dismissible stack instead. */
  readonly onCancel = (event: Event): void => {
    event.preventDefault();
  };

  /** `@close`: the browser closed it by itself, which is a dismissal. */
  readonly onClose = (): void => {
    if (this.expectedCloses > 0) {
      this.expectedCloses--;
      return;
    }
    if (this.options.isOpen()) this.options.dismiss();
  };

  /** Keep Tab inside a modal dialog. */
  trapTab(event: KeyboardEvent, dialog: HTMLElement | undefined): void {
    if (dialog && dialog.matches(':modal')) trapTab(event, dialog);
  }
}
