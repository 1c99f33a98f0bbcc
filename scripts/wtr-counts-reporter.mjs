import { writeFileSync } from 'node:fs';

/** Counts browser-test results (a file that fails to load counts as a failure) into a JSON file. */
export function countsReporter(outFile) {
  return {
    stop({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const test of suite.tests ?? []) {
          if (test.skipped) counts.skipped++;
          else if (test.passed) counts.passed++;
          else counts.failed++;
        }
        for (const child of suite.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        if ((session.errors?.length ?? 0) > 0 || (!session.passed && !session.testResults)) counts.failed++;
      }
      if (outFile) writeFileSync(outFile, JSON.stringify(counts));
    },
  };
}
