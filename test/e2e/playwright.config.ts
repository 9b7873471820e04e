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
      command: `PORT=${port} COLLECTOR=http://127.0.0.1:${collectorPort} node serve.mjs`,
      url: `http://127.0.0.1:${port}/fixtures/acme.config.json`,
      reuseExistingServer: false,
    },
    {
      // The README's demo command itself, on a fresh database without seed data, for the
      // full-loop tests (demo.e2e.ts; own-page.e2e.ts, a page of this server's with the script
      // tag, whose origin it allows as README says).
      command: `cd ../.. && SONDE_DEMO_PORT=${demoPort} SONDE_COLLECTOR_PORT=${collectorPort} SONDE_DEMO_ORIGINS=http://127.0.0.1:${port} SONDE_DEMO_DATA=$(mktemp -d) SONDE_DEMO_SEED=0 bash scripts/demo.sh`,
      // Up once the app server is: the script starts it after the collector answers.
      url: `http://127.0.0.1:${demoPort}/sonde/stub.js`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
})
