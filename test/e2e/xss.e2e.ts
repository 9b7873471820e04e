import { expect, type Page, test } from '@playwright/test'
import { hostHtml, receive, serveHost } from './host'
import { type SweepConfig, sweepConfig } from './xss-config'
import { payloads } from './xss-corpus'

// Issue 9, item 4: the XSS corpus in every text field of every kind of survey question, the
// thank-you screen and both kinds of tour step, each state walked so every field is on screen,
// through the script-tag and the npm builds, on a page with a strict CSP enforcing Trusted Types
// and on one with no policy at all (where nothing would block an execution, so the sentinel must
// see none). Every field must show its payload literally, as text, with no execution, dialog, policy violation,
// page error or injected element. (Hostile host CSS is packages/ui's hostile.browser.test.tsx.)

// DESIGN.md's policy and stricter: no 'unsafe-inline' anywhere, styles included (Sonde styles
// itself with adoptedStyleSheets), and `trusted-types 'none'`, so not even Sonde may create a
// policy to get around the HTML sinks' checks.
const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ')

const config = sweepConfig(payloads)
const configUrl = '/xss/config.json'

/** Every field the config fills, as `surveyOrTourId/field`, read back from its tags. */
function fieldsOf(sweep: SweepConfig): Set<string> {
  const fields = new Set<string>()
  for (const item of [...sweep.surveys, ...sweep.tours]) {
    for (const [, tag] of JSON.stringify(item).matchAll(/⟦([^⟧]+)⟧/g))
      fields.add(`${item.id}/${tag}`)
  }
  return fields
}

/** What the page saw, gathered outside it so a navigation could not erase it. */
interface Watch {
  executions: number[]
  dialogs: string[]
  violations: string[]
  errors: string[]
}

async function watch(page: Page): Promise<Watch> {
  const seen: Watch = { executions: [], dialogs: [], violations: [], errors: [] }
  // Bound in every frame, before any script of the page: a payload's call lands here.
  await page.exposeFunction('__xss', (n: number) => void seen.executions.push(n))
  await page.exposeFunction('__violation', (what: string) => void seen.violations.push(what))
  await page.addInitScript(() => {
    const report = (window as unknown as { __violation(what: string): void }).__violation
    // Capture on the document: the events of elements in Sonde's shadow roots are composed.
    document.addEventListener(
      'securitypolicyviolation',
      (e) => report(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`),
      true,
    )
  })
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('pageerror', (error) => seen.errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      seen.errors.push(`console.${message.type()}: ${message.text()}`)
    }
  })
  return seen
}

/** What one walk through the config found inside the page. */
interface Sweep {
  failures: string[]
  /** `id/field` of every field seen on screen with its exact text. */
  verified: string[]
  checks: number
  /** How long the surveys and the tours took. */
  ms: number[]
}

/**
 * Shows every survey and tour of the config in turn and walks it to the end, checking in each
 * state that every field is rendered exactly (textContent, accessible names, placeholder) and
 * that Sonde's shadow roots and the page hold no element or attribute the payloads could have
 * brought. Self-contained: it is serialized into the page.
 */
async function walk({ sweep, build }: { sweep: SweepConfig; build: string }): Promise<Sweep> {
  type Api = {
    show(id: string): void
    startTour(id: string): void
    canShow(id: string, kind?: string): { ok: boolean; reason?: string }
    flush(): Promise<unknown>
  }
  type Text = string | Record<string, string>
  const w = window as unknown as { sonde: Api & { __sonde?: boolean } }
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
  const failures: string[] = []
  const verified = new Set<string>()
  let checks = 0
  let at = ''

  async function until(what: string, ok: () => boolean, timeoutMs = 5_000): Promise<boolean> {
    for (let waited = 0; waited < timeoutMs; waited += 10) {
      if (ok()) return true
      await sleep(10)
    }
    failures.push(`${at}: timed out waiting for ${what}`)
    return false
  }
  const shadow = () => document.querySelector('sonde-root')?.shadowRoot ?? null
  const $ = <E extends Element = HTMLElement>(selector: string) =>
    shadow()?.querySelector<E>(selector) ?? null
  const $$ = <E extends Element = HTMLElement>(selector: string) =>
    Array.from(shadow()?.querySelectorAll<E>(selector) ?? [])
  const text = (t: Text | undefined) => (typeof t === 'string' ? t : (t?.en ?? ''))
  const tagOf = (value: string) => /⟦([^⟧]+)⟧$/.exec(value)?.[1] ?? '?'
  /** `actual` must be exactly `field`'s text; a match counts the field as verified. */
  function same(where: string, actual: string | null | undefined, field: Text | undefined) {
    const want = text(field)
    checks++
    if (actual === want) verified.add(`${at.split('/')[0]}/${tagOf(want)}`)
    else
      failures.push(`${at} ${where}: ${JSON.stringify(actual)} instead of ${JSON.stringify(want)}`)
  }

  // Anything a payload could have turned into markup: elements that load or run something,
  // inline handlers, script URLs. Sonde's own markup has none but the spotlight's svg.
  const FORBIDDEN =
    'script, img, image, iframe, frame, object, embed, a, form, base, link, meta, style, math, ' +
    'video, audio, source, template, details, marquee, noscript, select, input:not(.in):not([type=checkbox])'
  // Attributes a browser follows as URLs; a placeholder reading "javascript:…" is just text.
  const URL_ATTRIBUTES = new Set([
    'href',
    'src',
    'action',
    'formaction',
    'data',
    'srcdoc',
    'poster',
  ])
  function scan(root: ParentNode, where: string) {
    checks++
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const bad =
        el.matches(FORBIDDEN) ||
        (el.namespaceURI === 'http://www.w3.org/2000/svg' && !el.closest('.ov')) ||
        Array.from(el.attributes).some(
          (a) =>
            a.name.startsWith('on') ||
            (URL_ATTRIBUTES.has(a.name) && /^\s*(javascript|data):/i.test(a.value)),
        )
      if (bad) failures.push(`${where}: injected ${el.outerHTML.slice(0, 120)}`)
    }
  }

  // The host page's own markup of those kinds (its scripts, a link), to compare at the end.
  const hostMarkup = () =>
    Array.from(document.querySelectorAll(FORBIDDEN)).map((el) => el.outerHTML)
  const hostBefore = hostMarkup()

  let api: Api
  if (build === 'npm') {
    // The npm build (dist/esm), as a bundler-built app would import it.
    const sdk = '/sdk/esm/index.js'
    const { init } = (await import(sdk)) as { init(options: unknown): Api }
    api = init({ endpoint: '/v1/batch', key: 'pk_xss_npm', config: '/xss/config.json' })
  } else {
    if (!(await until('the script-tag bundle', () => w.sonde?.__sonde === true)))
      return { failures, verified: [], checks, ms: [] }
    api = w.sonde
  }
  const firstSurvey = sweep.surveys[0]?.id ?? ''
  await until('the config', () => api.canShow(firstSurvey).reason !== 'loading')

  const started = performance.now()
  for (const survey of sweep.surveys) {
    at = `${survey.id}/shown`
    api.show(survey.id)
    for (const [i, q] of survey.questions.entries()) {
      at = `${survey.id}/${q.id}`
      if (!(await until('the question', () => $('h2.q:not(.ty)')?.id.endsWith(q.id) === true))) {
        break
      }
      same('title', $('h2.q')?.textContent, q.text)
      if (q.description) same('description', $('p.d')?.textContent, q.description)
      // Announced once, for the first question of a prompt that does not take focus.
      if (i === 0 && survey.display.position !== 'center') {
        const want = `Survey: ${text(q.text)}`
        await until('the announcement', () => $('[role=status]')?.textContent === want)
        same('announcement', $('[role=status]')?.textContent?.slice('Survey: '.length), q.text)
      }
      const radios = $$('[role=radio]')
      if (q.type === 'nps' || q.type === 'ces' || (q.type === 'rating' && q.style === 'numbers')) {
        const ends = $$('.ends span')
        same('low end', ends[0]?.textContent, q.lowLabel)
        same('high end', ends[1]?.textContent, q.highLabel)
      }
      if (q.type === 'nps' || q.type === 'ces' || q.type === 'rating') {
        // The points at both ends are named "<number> – <label>".
        const name = (el: Element | undefined) =>
          el?.getAttribute('aria-label')?.replace(/^\d+ – /, '')
        same('first point name', name(radios[0]), q.lowLabel)
        same('last point name', name(radios[radios.length - 1]), q.highLabel)
      }
      if (q.type === 'choice' && q.multiple) {
        const labels = $$('label.o span')
        for (const [o, option] of (q.options ?? []).entries()) {
          same(`option ${option.id}`, labels[o]?.textContent, option.label)
        }
      } else if (q.type === 'choice') {
        for (const [o, option] of (q.options ?? []).entries()) {
          same(`option ${option.id}`, radios[o]?.textContent, option.label)
        }
      }
      if (q.type === 'text') {
        same('placeholder', $<HTMLTextAreaElement>('textarea')?.placeholder, q.placeholder)
      }
      const root = shadow()
      if (root) scan(root, at)
      // Answer: one click on a scale point or an option advances; the others need the button.
      if (q.type === 'text') {
        const area = $<HTMLTextAreaElement>('textarea')
        if (area) {
          area.value = 'fine'
          area.dispatchEvent(new Event('input', { bubbles: true }))
        }
        await sleep(0)
      } else if (q.type === 'choice' && q.multiple) {
        $('label.o input')?.click()
        await sleep(0)
      } else radios[0]?.click()
      if (q.type === 'text' || (q.type === 'choice' && q.multiple)) {
        await until('the forward button', () => $<HTMLButtonElement>('.ft .b')?.disabled === false)
        $('.ft .b')?.click()
      }
    }
    at = `${survey.id}/thankYou`
    if (await until('the thank-you', () => $('h2.ty') !== null)) {
      same('thank-you', $('h2.ty')?.textContent, survey.thankYou)
      const root = shadow()
      if (root) scan(root, at)
      $('.x')?.click()
    }
    await until('the prompt to close', () => !document.querySelector('sonde-root'))
  }

  const surveysMs = performance.now() - started
  for (const tour of sweep.tours) {
    at = `${tour.id}/started`
    api.startTour(tour.id)
    for (const [i, step] of tour.steps.entries()) {
      at = `${tour.id}/${step.id}`
      const counter = `Step ${i + 1} of ${tour.steps.length}`
      if (!(await until('the step', () => $('.tc')?.textContent === counter))) break
      same('title', $('h2.q')?.textContent, step.title)
      same('body', $('p.d')?.textContent, step.body)
      // The live region (filled 150 ms after a step opens) is checked once per tour.
      if (i === 0) {
        const live = () => $('[role=status]')?.textContent ?? ''
        await until('the announcement', () => live().startsWith(counter))
        same('announcement', live().slice(`${counter}: `.length), step.title)
      }
      const root = shadow()
      if (root) scan(root, at)
      $('.ft .b:not(.alt)')?.click()
    }
    await until('the tour to close', () => !document.querySelector('sonde-root'))
  }
  checks++
  const hostAfter = hostMarkup()
  if (JSON.stringify(hostAfter) !== JSON.stringify(hostBefore)) {
    failures.push(`the host page gained ${hostAfter.filter((m) => !hostBefore.includes(m))}`)
  }
  await api.flush()
  const toursMs = performance.now() - started - surveysMs
  return { failures, verified: [...verified], checks, ms: [surveysMs, toursMs] }
}

// Both builds, both kinds of page, in two runs (each walks 124 prompts): the script tag under
// the policy strict pages use; the npm build with none, where only the sentinel stands between a
// payload and its execution. The UI they load is the same @sonde/ui.
const RUNS = [
  { build: 'script-tag', csp: true },
  { build: 'npm', csp: false },
] as const
for (const { build, csp } of RUNS) {
  {
    const policy = csp ? 'a strict CSP with Trusted Types' : 'no CSP'
    test(`the XSS corpus in every text field is shown as text: ${build} build, ${policy}`, async ({
      page,
    }) => {
      // About a minute alone; twice that on a busy machine.
      test.setTimeout(240_000)
      const seen = await watch(page)
      const received = await receive(page)
      await page.route(`**${configUrl}`, (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify(config),
        }),
      )
      const attrs = { endpoint: '/v1/batch', key: 'pk_xss', config: configUrl }
      await serveHost(page, hostHtml(build === 'script-tag' ? attrs : {}), '/app/reports', {
        ...(csp ? { 'content-security-policy': STRICT_CSP } : {}),
      })
      await page.goto('/app/reports')
      const result = await page.evaluate(walk, { sweep: config, build })

      expect(result.failures).toEqual([])
      // Every field of every survey and tour was on screen with its exact text.
      const fields = fieldsOf(config)
      expect(new Set(result.verified)).toEqual(fields)
      // And every survey and tour was walked to its end.
      await expect
        .poll(() => {
          const done = received.batches
            .flatMap((batch) => batch.events)
            .filter((e) => e.type === 'survey.completed' || e.type === 'tour.completed')
          return new Set(done.map((e) => e.surveyId ?? e.tourId)).size
        })
        .toBe(config.surveys.length + config.tours.length)
      expect(seen).toEqual({ executions: [], dialogs: [], violations: [], errors: [] })
      console.log(
        `xss (${build}, ${policy}): ${payloads.length} payloads × ${fields.size / payloads.length} fields, ${result.checks} checks, ${result.ms.map(Math.round).join(' + ')} ms`,
      )

      // Positive controls: the same watchers do see what they watch for. With the policy, a
      // payload written into an HTML sink is refused and reported; without it, the corpus
      // written into one runs.
      await page.evaluate((corpus) => {
        const box = document.createElement('div')
        document.body.append(box)
        for (const payload of corpus) {
          try {
            const slot = document.createElement('div')
            box.append(slot)
            slot.innerHTML = payload
          } catch {
            // Trusted Types refused the string: the violation is reported, nothing ran.
          }
        }
      }, payloads)
      if (csp) {
        await expect.poll(() => seen.violations.length).toBeGreaterThanOrEqual(payloads.length)
        expect(seen.violations[0]).toMatch(/^require-trusted-types-for /)
        expect(seen.executions).toEqual([])
      } else {
        await expect.poll(() => new Set(seen.executions).size).toBeGreaterThanOrEqual(10)
        await expect.poll(() => seen.dialogs.length).toBeGreaterThanOrEqual(1)
        console.log(
          `control: ${new Set(seen.executions).size} executions, ${seen.dialogs.length} dialogs`,
        )
      }
    })
  }
}
