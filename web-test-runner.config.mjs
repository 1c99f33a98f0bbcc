import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';
import { countsReporter } from './scripts/wtr-counts-reporter.mjs';
import { browserLogFilter, quietReporter } from './scripts/wtr-quiet-reporter.mjs';

const chromium = process.env.CHROME_PATH || '/usr/bin/chromium';
// WM_TEST_LOGS=1: print every test file's browser console, Waymark's debug dumps included.
const showAllLogs = Boolean(process.env.WM_TEST_LOGS);

// Real Chromium (Debian's package), real IndexedDB, real input events.
export default {
  files: ['src/**/*.browser.test.ts', 'tests/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 180000,
  browsers: [
    chromeLauncher({
      // Each test page in its own context: with concurrency a shared context hides one page, and hidden pages get no animation frames.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
      launchOptions: {
        executablePath: chromium,
        headless: true,
        args: [
          '--no-sandbox', '--headless=new', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync',
          '--disable-dev-shm-usage',
        ],
      },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  filterBrowserLogs: browserLogFilter({ showDebug: showAllLogs }),
  reporters: [quietReporter({ showAllLogs }), countsReporter(process.env.WM_WTR_COUNTS)],
};
