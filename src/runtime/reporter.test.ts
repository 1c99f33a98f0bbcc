import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReporter } from './reporter.js';

describe('the console line of an unheard error', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is one line without a cause, and leaves out a cause the message already states', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { report } = createReporter(false);
    report({ code: 'invalid-argument', severity: 'warning', where: 'start', message: 'experienceId should be a string, got 42' });
    report({ code: 'config-unavailable', severity: 'error', where: 'config', message: 'could not load /c.json: HTTP 404', cause: new Error('HTTP 404') });
    expect(warn.mock.calls).toEqual([['[waymark] start: experienceId should be a string, got 42'], ['[waymark] config: could not load /c.json: HTTP 404']]);
  });

  it('keeps the cause of an unexpected failure, for its stack', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failure = new TypeError('x is undefined');
    createReporter(false).reportError(failure, 'track');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]).toEqual([expect.stringContaining('x is undefined'), failure]);
  });
});
