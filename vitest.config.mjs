import { defineConfig } from 'vitest/config';

// Unit tests for the pure layers (config, engine) and Node tools (cli). Browser behaviour is
// tested in real Chromium by web-test-runner (files named *.browser.test.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    exclude: ['**/*.browser.test.ts', 'node_modules/**', 'dist/**'],
    environment: 'node',
  },
});
