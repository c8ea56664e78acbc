import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'tests/**/*.test.ts', 'electron/**/*.test.ts', 'cli/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts', 'e2e/host/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
