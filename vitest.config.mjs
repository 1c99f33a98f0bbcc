import { defineConfig } from 'vitest/config';

// Unit tests for the pure layers (config, engine) and Node tools (cli). Browser behaviour is
// tested in real Chromium by web-test-runner (files named *.browser.test.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    exclude: ['**/*.browser.test.ts', 'node_modules/**', 'dist/**'],
    environment: 'node',
    // Lit's dev-mode notice, once per file that renders an element, says nothing about the tests.
    onConsoleLog: (log) => !log.startsWith('Lit is in dev mode'),
  },
});
