import { defineConfig } from 'vitest/config';

// Dates in fixtures are Beijing time; pin the zone for this process and every worker it forks.
process.env.TZ = 'Asia/Shanghai';
const env = { TZ: 'Asia/Shanghai' };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          globalSetup: ['test/support/build.ts'],
          exclude: ['test/e2e/**', '**/node_modules/**', 'dist/**', '.scratch/**'],
          environment: 'node',
          env,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          environment: 'node',
          env,
          // After the unit project, alone: two cores, and each file owns a browser and a server.
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          maxWorkers: 1,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
