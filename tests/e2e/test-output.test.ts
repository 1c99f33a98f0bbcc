// `npm test` output stays readable: a passing browser-test file's console is not printed, a failing
// one's is; Lit's dev-mode notice and Waymark's debug dumps are filtered unless asked for.
import { describe, expect, it } from 'vitest';
import { browserLogFilter, quietReporter } from '../../scripts/wtr-quiet-reporter.mjs';

type Logged = unknown[][];
function fakeLogger() {
  const printed: Logged = [];
  const logger = {
    buffer: [] as unknown[],
    log: (...args: unknown[]) => printed.push(args),
    warn: (...args: unknown[]) => printed.push(args),
    error: (...args: unknown[]) => printed.push(args),
    group: () => {},
    groupEnd: () => {},
    logBufferedMessages: () => {},
  };
  return { logger, printed };
}

function session(passed: boolean, logs: unknown[][]) {
  return {
    passed,
    logs,
    errors: [],
    request404s: [] as string[],
    browser: { name: 'Chrome' },
    testFile: '/x.browser.test.ts',
    testResults: { name: '', suites: [], tests: [] },
  };
}

async function report(options: Parameters<typeof quietReporter>[0], sessions: ReturnType<typeof session>[]) {
  const reporter = quietReporter({ ...options, reportTestProgress: false });
  reporter.start?.({ browserNames: ['Chrome'] } as never);
  const { logger, printed } = fakeLogger();
  await reporter.reportTestFileResults?.({ logger, sessionsForTestFile: sessions, testFile: '/x.browser.test.ts' } as never);
  return printed.flat().map(String).join('\n');
}

describe('browser-test output', () => {
  it("leaves out a passing file's console (errors its tests provoke on purpose) and its 404s", async () => {
    const out = await report({}, [{ ...session(true, [['Error: on purpose']]), request404s: ['/__waymark-test-beacon'] }]);
    expect(out).not.toContain('on purpose');
    expect(out).not.toContain('__waymark-test-beacon');
  });

  it("prints a failing file's console, where it is the diagnosis", async () => {
    const out = await report({}, [session(false, [['Error: Checkout total is NaN']])]);
    expect(out).toContain('Checkout total is NaN');
  });

  it('prints every console when asked (WM_TEST_LOGS=1)', async () => {
    const out = await report({ showAllLogs: true }, [session(true, [['Error: on purpose']])]);
    expect(out).toContain('on purpose');
  });

  it("drops Lit's dev-mode notice, and the debug dumps unless asked", () => {
    const keep = browserLogFilter();
    expect(keep({ type: 'warn', args: ['Lit is in dev mode. Not recommended for production!'] })).toBe(false);
    expect(keep({ type: 'debug', args: ['[waymark] signal', { type: 'start' }] })).toBe(false);
    expect(keep({ type: 'debug', args: ['[waymark] effect', { type: 'show' }] })).toBe(false);
    expect(keep({ type: 'error', args: ['[waymark] could not load the config'] })).toBe(true);
    expect(browserLogFilter({ showDebug: true })({ type: 'debug', args: ['[waymark] signal', {}] })).toBe(true);
  });
});
