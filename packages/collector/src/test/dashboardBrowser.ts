import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { type ServerType, serve } from '@hono/node-server'
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright'
import { afterAll, beforeAll } from 'vitest'
import type { AppOptions } from '../app'
import type { Database } from '../db/database'
import { backends } from './backends'
import { makeBatch } from './fixtures'
import { postBatch, resetDatabase, testApp } from './harness'

/** The same Chromium as the browser tests (see vite.config.ts). */
export const executablePath = process.env.SONDE_CHROMIUM ?? '/usr/bin/chromium'

/** A collector on `db` served on loopback, and a Chromium to open its dashboard in. */
export interface DashboardBrowser {
  base: string
  browser: Browser
  /** The dashboard at `hash`, opened with pk_test's read key in a tab of its own for `use`. */
  inTab(
    hash: string,
    use: (tab: Page) => Promise<void>,
    options?: BrowserContextOptions,
  ): Promise<void>
  close(): Promise<void>
}

export async function openDashboardBrowser(
  db: Database,
  options: Partial<AppOptions> = {},
): Promise<DashboardBrowser> {
  const app = testApp(db, options)
  const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const browser = await chromium.launch({ executablePath })
  return {
    base,
    browser,
    async inTab(hash, use, options = {}) {
      const tab = await browser.newPage({ viewport: { width: 1200, height: 900 }, ...options })
      try {
        await tab.goto(`${base}/dashboard/${hash}`)
        await tab.getByLabel('Project key').fill('pk_test')
        await tab.getByLabel('Read key').fill('rk_test_0123456789abcdef')
        await tab.getByRole('button', { name: 'Open' }).click()
        await use(tab)
      } finally {
        await tab.close()
      }
    },
    async close() {
      await browser.close()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

/**
 * For the tests of the describe block it is called in: a fresh database holding `events`, a
 * collector on it and a Chromium to open its dashboard in, closed after them.
 */
export function useDashboard(events: () => readonly unknown[]): {
  db: Database
  dashboard: DashboardBrowser
} {
  const opened = {} as { db: Database; dashboard: DashboardBrowser }
  beforeAll(async () => {
    opened.db = await backends[0]!.open()
    await resetDatabase(opened.db)
    // In batches the wire format takes (50 events at most), each of which must be taken whole.
    const all = events()
    for (let i = 0; i < all.length; i += 50) {
      const { status } = await postBatch(testApp(opened.db), makeBatch(all.slice(i, i + 50)))
      if (status !== 200) throw new Error(`batch ${i / 50} of the dashboard's events: ${status}`)
    }
    opened.dashboard = await openDashboardBrowser(opened.db)
  }, 90_000)
  afterAll(async () => {
    await opened.dashboard?.close()
    await opened.db?.close()
  })
  return opened
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

// axe-core's violations in both colour schemes, each as "scheme rule: selector", so a failure
// says what and where at once. The script goes in through the DevTools protocol, which the CSP
// does not govern: the page is audited as served, CSP and Trusted Types on.
export async function axeViolations(page: Page): Promise<string[]> {
  const found: string[] = []
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(await axeSource)
    const violations = await page.evaluate(async () => {
      const { axe } = globalThis as unknown as { axe: typeof import('axe-core') }
      const results = await axe.run()
      return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target}`))
    })
    found.push(...violations.map((violation) => `${colorScheme} ${violation}`))
  }
  await page.emulateMedia({ colorScheme: 'light' })
  return found
}
