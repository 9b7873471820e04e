import { defineConfig } from '@playwright/test'

const port = Number(process.env.SONDE_E2E_PORT ?? 4173)
const demoPort = Number(process.env.SONDE_E2E_DEMO_PORT ?? 15173)
const collectorPort = Number(process.env.SONDE_E2E_COLLECTOR_PORT ?? 18787)

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
  webServer: [
    {
      command: `PORT=${port} node serve.mjs`,
      url: `http://127.0.0.1:${port}/fixtures/acme.config.json`,
      reuseExistingServer: false,
    },
    {
      // The demo and its collector, for the full-loop test (demo.e2e.ts).
      command: `SONDE_E2E_DEMO_PORT=${demoPort} SONDE_E2E_COLLECTOR_PORT=${collectorPort} node demo-stack.mjs`,
      url: `http://127.0.0.1:${collectorPort}/v1/config?key=pk_demo`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
})
