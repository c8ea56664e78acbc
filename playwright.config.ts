import { defineConfig } from '@playwright/test';

// Specs drive the app through e2e/fixtures.ts: the browser host by default, Electron when
// NEWSMARK_E2E_HOST=electron and an Electron binary is installed.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
});
