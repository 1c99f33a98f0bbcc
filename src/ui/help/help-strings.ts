/**
 * The help panel's strings: English until the input's locale is in, then only that locale's catalog (a chunk of its
 * own, not every language's); English again when that chunk cannot load, reported through `input.reportError`.
 */
import type { ReactiveControllerHost } from 'lit';
import { createTranslatorFrom, loadBuiltInStrings, type Translator } from '../shared/i18n-core.js';
import { strings as englishFirst } from '../shared/i18n-en.js';
import { strings as englishMore } from '../shared/i18n-en-more.js';
import type { HelpInput } from './types.js';

const english = () => ({ en: { ...englishFirst, ...englishMore } });

export class HelpStrings {
  translator: Translator = createTranslatorFrom(english(), 'en');
  /** The locale being loaded; null once its strings are in (the panel draws nothing meanwhile). */
  loading: Promise<void> | null = null;

  constructor(private readonly host: ReactiveControllerHost) {}

  use(input: HelpInput): void {
    const loading: Promise<void> = loadBuiltInStrings(input.locale, true)
      .catch((error: unknown) => {
        input.reportError?.(error, `help:strings:${input.locale}`);
        return english();
      })
      .then((catalogs) => {
        // A newer locale was asked for meanwhile: it decides.
        if (this.loading !== loading) return;
        this.translator = createTranslatorFrom(catalogs, input.locale, input.strings);
        this.loading = null;
        this.host.requestUpdate();
      });
    this.loading = loading;
  }
}
