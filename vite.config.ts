import { existsSync } from 'node:fs'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'

// One browser for every real-browser test: Debian's Chromium unless SONDE_CHROMIUM names another.
const chromium = process.env.SONDE_CHROMIUM ?? '/usr/bin/chromium'
const browserTests = '{packages,test}/**/*.browser.test.{ts,tsx}'
const domTests = 'packages/**/*.dom.test.{ts,tsx}'

if (!existsSync(chromium) && process.argv.includes('--project=browser')) {
  throw new Error(`No Chromium at ${chromium}: install Debian's chromium or set SONDE_CHROMIUM.`)
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          // Property tests run thousands of cases; CI machines have two shared cores.
          testTimeout: 30_000,
          include: ['packages/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
          exclude: ['**/node_modules/**', domTests, browserTests],
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: [domTests],
        },
      },
      {
        test: {
          name: 'browser',
          include: [browserTests],
          // Pre-bundled up front: a dependency discovered mid-run makes Vite reload the page,
          // which fails the test that happened to be running.
          optimizeDeps: {
            include: ['preact', 'preact/hooks', 'preact/jsx-runtime', 'axe-core', 'idb-keyval'],
          },
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: { executablePath: chromium } }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
})
