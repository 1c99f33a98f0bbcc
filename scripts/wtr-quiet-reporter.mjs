import { defaultReporter } from '@web/test-runner';

/**
 * Browser-test output that stays readable: a test file's browser console (and its 404s) is printed
 * only when that file failed (then it is the diagnosis); a passing file's console (errors the tests
 * provoke on purpose, debug dumps, a beacon endpoint that is meant to 404) is noise. `WM_TEST_LOGS=1` prints every file's console.
 */
export function quietReporter({ showAllLogs = false, ...options } = {}) {
  const reporter = defaultReporter(options);
  return {
    ...reporter,
    reportTestFileResults(args) {
      const sessionsForTestFile = showAllLogs
        ? args.sessionsForTestFile
        : args.sessionsForTestFile.map((session) => (session.passed ? { ...session, logs: [], request404s: [] } : session));
      return reporter.reportTestFileResults({ ...args, sessionsForTestFile });
    },
  };
}

/** Lit's one-line dev-mode notice, printed by every test page: true for the logs worth keeping. */
export function browserLogFilter({ showDebug = false } = {}) {
  return ({ args }) => {
    const first = typeof args[0] === 'string' ? args[0] : '';
    if (first.startsWith('Lit is in dev mode')) return false;
    // `debug: true` dumps every signal and effect; tests turn it on to test the overlay, not to read the dump.
    if (!showDebug && /^\[waymark\] (signal|effect)\b/.test(first)) return false;
    return true;
  };
}
