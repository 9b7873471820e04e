import { defineConfig } from '@playwright/test'

const port = Number(process.env.SONDE_E2E_PORT ?? 4173)

// Debian's Chromium: browsers cannot be downloaded on this kind of machine.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../../.vitest-reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: process.env.SONDE_CHROMIUM ?? '/usr/bin/chromium' },
  },
  webServer: {
    command: `PORT=${port} node serve.mjs`,
    url: `http://127.0.0.1:${port}/fixtures/acme.config.json`,
    reuseExistingServer: false,
  },
})
