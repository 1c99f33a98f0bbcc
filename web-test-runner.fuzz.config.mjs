// The API fuzz test with more cases than `npm test` runs: WM_FUZZ_RUNS=5000 [WM_FUZZ_SEED=…] npx wtr --config web-test-runner.fuzz.config.mjs
import base from './web-test-runner.config.mjs';

const runs = Number(process.env.WM_FUZZ_RUNS) || 2000;
const seed = Number(process.env.WM_FUZZ_SEED) || 0;

export default {
  ...base,
  files: ['tests/browser/runtime-fuzz.test.ts'],
  testFramework: { config: { timeout: Math.max(60000, runs * 600) } },
  testsFinishTimeout: Math.max(180000, runs * 700),
  testRunnerHtml: (testFramework) =>
    `<html><body><script>window.WM_FUZZ_RUNS = ${runs}; window.WM_FUZZ_SEED = ${seed};</script><script type="module" src="${testFramework}"></script></body></html>`,
};
