import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from '@playwright/test'
import { type Receiver, test } from './outbox'

// Chrome may prerender a page the visitor is likely to open next (speculation rules), and then
// never show it. Until it is activated, Sonde on that page must not count a page view, store a
// visitor, open its databases, show anything or send anything; once activated it starts as on
// any page load. Chromium refuses to prerender while DevTools is attached
// (PrerenderingDisabledByDevTools), as it is to every page Playwright drives: this test runs
// Debian's Chromium by itself, and the pages tell the receiver what they see, as probes.

const config = {
  surveys: [
    {
      id: 'nps-next',
      version: 1,
      kind: 'nps',
      locale: 'en',
      questions: [{ id: 'score', type: 'nps', text: 'How likely are you to recommend Acme?' }],
      trigger: { page: { prefix: '/app/next' } },
    },
  ],
}

// /app/start prerenders /app/next, reports what Sonde left in its storage once it has run there,
// then follows the link (activating the prerendered page). /app/next runs Sonde, and reports when its
// bundle has run (prerendering or not), its activation, and the prompt once on screen.
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme</title>
<script src="/sdk/stub.js"></script>
<script>
const probe = (what) => fetch('/v1/batch', { method: 'POST', keepalive: true,
  body: JSON.stringify({ events: [{ id: 'probe-' + Math.random(), type: 'probe', ...what }] }) })
if (location.pathname === '/app/start') {
  const rules = document.createElement('script')
  rules.type = 'speculationrules'
  rules.textContent = JSON.stringify({ prerender: [{ source: 'list', urls: ['/app/next'] }] })
  document.head.append(rules)
  // Once Sonde's bundle has run there, and 3.5 s more (an earlier page's records are looked
  // for 3 s after a start).
  const ran = setInterval(() => {
    if (!localStorage.getItem('ran')) return
    clearInterval(ran)
    setTimeout(async () => {
      const databases = (await indexedDB.databases()).map((d) => d.name)
      const storage = Object.keys(localStorage).filter((key) => key !== 'ran')
      await probe({ step: 'before', storage, databases })
      location.href = '/app/next'
    }, 3500)
  }, 100)
} else {
  sonde.init({ endpoint: '/v1/batch', key: 'pk_test', config: ${JSON.stringify(config)} })
  const bundle = document.createElement('script')
  bundle.src = '/sdk/sonde.js'
  bundle.onload = () => {
    localStorage.setItem('ran', '1')
    probe({ step: 'ran', prerendering: document.prerendering === true })
  }
  document.head.append(bundle)
  document.addEventListener('prerenderingchange', () => probe({ step: 'activated',
    activationStart: performance.getEntriesByType('navigation')[0].activationStart }))
  const wait = setInterval(() => {
    if (!document.querySelector('sonde-root')?.shadowRoot?.querySelector('[role=dialog]')) return
    clearInterval(wait)
    probe({ step: 'shown' }).then(() => sonde.flush())
  }, 100)
}
</script></head><body><main><h1>Acme</h1></main></body></html>`

type Seen = { type: string; step?: string; [key: string]: unknown }
const seen = (receiver: Receiver) => receiver.exchanges.flatMap((x) => x.events as Seen[])
const probe = (receiver: Receiver, step: string) =>
  seen(receiver).find((e) => e.type === 'probe' && e.step === step)

test('a prerendered page starts Sonde only once activated, then as a normal page load', async ({
  receiver,
}) => {
  receiver.host(html)
  const profile = mkdtempSync(join(tmpdir(), 'sonde-prerender-'))
  const chromium = spawn(
    process.env.SONDE_CHROMIUM ?? '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--no-first-run',
      '--disable-dev-shm-usage',
      `--user-data-dir=${profile}`,
      `${receiver.origin}/app/start`,
    ],
    { stdio: 'ignore', detached: true },
  )
  try {
    await expect.poll(() => probe(receiver, 'before'), { timeout: 30_000 }).toBeTruthy()
    // Sonde's bundle ran in the prerendered page (it is not merely that nothing loaded)...
    expect(probe(receiver, 'ran')).toMatchObject({ prerendering: true })
    // ...and left no trace: no visitor or visit (page view) stored, no database opened, and
    // nothing sent.
    const before = probe(receiver, 'before') as unknown as {
      storage: string[]
      databases: string[]
    }
    expect(before.storage).toEqual([])
    expect(before.databases.filter((name) => name.startsWith('sonde'))).toEqual([])
    const until = receiver.exchanges.findIndex((x) =>
      (x.events as Seen[]).some((e) => e.step === 'before'),
    )
    const sent = receiver.exchanges.slice(0, until).flatMap((x) => x.events as Seen[])
    expect(sent.filter((e) => e.type !== 'probe')).toEqual([])

    // Activated: a page load like any other, its page view the visit's first, its prompt shown.
    await expect.poll(() => probe(receiver, 'shown'), { timeout: 15_000 }).toBeTruthy()
    expect(probe(receiver, 'activated')?.activationStart).toBeGreaterThan(0)
    await expect
      .poll(() => seen(receiver).find((e) => e.type === 'survey.shown'), { timeout: 10_000 })
      .toMatchObject({
        surveyId: 'nps-next',
        context: { page: { path: '/app/next' }, session: { pageViews: 1 } },
      })
  } finally {
    // The browser and its helper processes (its own process group) gone before the profile
    // they write to is removed.
    const exited = new Promise((resolve) => chromium.once('exit', resolve))
    if (chromium.exitCode === null && chromium.pid) {
      process.kill(-chromium.pid)
      await exited
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
  }
})
