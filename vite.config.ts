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
