// The accessibility sweep's matrix and its axe-core audit, shared by the survey and tour sweeps.
import type { Theme } from '@sonde/core'
import axe from 'axe-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { cdp, page } from 'vitest/browser'
import { strings as ar } from '../strings/ar'
import { en } from '../strings/en'
import type { Strings } from '../strings/types'

export interface ThemeCase {
  name: string
  theme: Theme | undefined
  /** The operating system's `prefers-color-scheme`, which an `auto` theme follows. */
  os: 'light' | 'dark'
}

/**
 * Both fixed schemes, and the default `auto` under a dark system preference (through its media
 * query). `auto` under a light preference is left out: it resolves to the very rule `light` uses.
 */
export const themes: ThemeCase[] = [
  { name: 'light', theme: { colorScheme: 'light' }, os: 'light' },
  { name: 'dark', theme: { colorScheme: 'dark' }, os: 'light' },
  { name: 'auto/OS dark', theme: undefined, os: 'dark' },
]

export interface DirCase {
  locale: string
  dir: 'ltr' | 'rtl'
  strings: Strings
}

// Arabic UI strings around survey texts that exist only in English: right-to-left, and the
// fallback-language `lang` attributes are audited too. axe-core does not measure the contrast of
// Arabic-script text (its icon-ligature heuristic, `axe.commons.text.isIconLigature`, takes
// joined letters for an icon font); the colours are the same in both directions, so the
// left-to-right audits measure them, and the English texts of the same RTL screens are measured.
export const dirs: DirCase[] = [
  { locale: 'en', dir: 'ltr', strings: en },
  { locale: 'ar', dir: 'rtl', strings: ar },
]

/** A phone (bottom sheets) and a desktop window (corner prompts, anchored tooltips). */
export const widths = [360, 1280] as const

export const combos = themes.length * dirs.length * widths.length

/** "N states × 3 themes × 2 directions × 2 widths", for test titles. */
export function matrix(states: number): string {
  return `${states} states × ${themes.length} themes × ${dirs.length} directions × ${widths.length} widths`
}

export async function setWidth(width: number): Promise<void> {
  await page.viewport(width, width < 480 ? 720 : 800)
}

let os: 'light' | 'dark' | undefined
/** Emulates the system colour scheme through the DevTools protocol (media queries follow). */
export async function setOs(scheme: 'light' | 'dark'): Promise<void> {
  if (os === scheme) return
  await cdp().send('Emulation.setEmulatedMedia', {
    features: [{ name: 'prefers-color-scheme', value: scheme }],
  })
  os = scheme
}

/** Back to the browser's own preferences, for the test files that run after this one. */
export async function resetOs(): Promise<void> {
  await cdp().send('Emulation.setEmulatedMedia', { features: [] })
  os = undefined
}

/**
 * A well-formed host page (language, title, a main landmark with its h1), so page-level rules
 * pass on the host's part and every violation axe reports belongs to Sonde. Call it after
 * mounting: the page then follows Sonde's host element, which `audit` relies on.
 */
export function hostPage(): HTMLElement {
  document.documentElement.lang = 'en'
  document.title = 'Acme Reports'
  const main = document.createElement('main')
  const h1 = document.createElement('h1')
  h1.textContent = 'Reports'
  main.append(h1)
  document.body.append(main)
  return main
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))

/** Resolves once `check` holds, polling every animation frame (up to `ms`). */
export async function until(check: () => boolean, what: string, ms = 3000): Promise<void> {
  const end = performance.now() + ms
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`)
    await frame()
  }
}

/**
 * Waits until the surfaces in `root` are still: entrance animations finished (mid-fade colours
 * would be measured half transparent) and the same boxes three frames running (a tooltip moving
 * to its new place after a resize is audited where it lands).
 */
export async function settled(root: ShadowRoot): Promise<void> {
  const boxes = () =>
    JSON.stringify([...root.querySelectorAll('.s')].map((el) => el.getBoundingClientRect()))
  let last = ''
  for (let still = 0; still < 3; ) {
    await Promise.all(root.getAnimations().map((a) => a.finished))
    await frame()
    const now = boxes()
    still = now === last ? still + 1 : 0
    last = now
  }
}

let audited = 0
/** How many audits ran in this file so far. */
export const auditCount = () => audited

// Whether an axe target (a selector path, one entry per shadow boundary) lies inside Sonde's root.
function inSonde(target: unknown): boolean {
  return Array.isArray(target) && target.some((t) => Array.isArray(t) && /^sonde-root/.test(t[0]))
}

/**
 * Runs axe-core on the whole document and returns each violation as "label: rule target", so a
 * failure names the state, theme, direction and width along with what and where.
 *
 * Throws unless axe measured the contrast of visible text inside Sonde's shadow root: an audit
 * that missed the prompt (hidden, not rendered yet) would otherwise pass vacuously. Only
 * violations are collected in full (twice as fast); a passing rule keeps its first node in
 * document order, which is Sonde's as long as the host page comes after it (see `hostPage`).
 */
export async function audit(label: string): Promise<string[]> {
  const result = await axe.run(document, { resultTypes: ['violations'] })
  const contrast = result.passes.find((rule) => rule.id === 'color-contrast')
  if (!contrast?.nodes.some((n) => inSonde(n.target))) {
    const unsure = result.incomplete.find((rule) => rule.id === 'color-contrast')?.nodes[0]
    const why = unsure
      ? ` (unsure of ${JSON.stringify(unsure.target)}: ${unsure.any[0]?.message})`
      : ''
    throw new Error(`${label}: axe measured no text inside Sonde's shadow root${why}`)
  }
  audited += 1
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${label}: ${v.id} ${JSON.stringify(n.target)}`),
  )
}

/**
 * A sweep file's set-up and tear-down: a light system preference to start from; afterwards the
 * system preference and the width put back, and the count of combinations audited printed.
 */
export function sweepLifecycle(name: string, close: () => void): void {
  afterEach(close)
  beforeAll(() => setOs('light'))
  afterAll(async () => {
    await resetOs()
    await setWidth(1024)
    console.info(`${name} accessibility sweep: ${auditCount()} combinations audited`)
  })
}
