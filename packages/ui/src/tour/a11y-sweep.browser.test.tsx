import { describe, expect, test } from 'vitest'
import { page, userEvent } from 'vitest/browser'
import { fill } from '../strings/fill'
import type { Strings } from '../strings/types'
import {
  audit,
  type DirCase,
  dirs,
  hostPage,
  matrix,
  setOs,
  settled,
  setWidth,
  sweepLifecycle,
  type ThemeCase,
  themes,
  until,
  widths,
} from '../test/sweep'
import { el } from './test/layout'
import { closeTours, showTour, tour } from './test/showTour'

sweepLifecycle('tour', closeTours)

// Every kind of step, in the order a user meets them: first, middle and last; modal spotlight,
// plain tooltip, waiting for an event (no Next), click-through spotlight (no Next), and a centred
// modal step without a target.
const walk = tour({
  steps: [
    { id: 'spot', target: '#t', title: 'Create a report', body: 'Start here.', spotlight: true },
    { id: 'plain', target: '#u', title: 'Export', body: 'Download as CSV.', placement: 'top' },
    { id: 'event', target: '#t', title: 'Name it', advanceOn: { event: 'report_named' } },
    {
      id: 'click',
      target: '#u',
      title: 'Try it',
      body: 'Press Export.',
      spotlight: true,
      advanceOn: { click: true },
    },
    { id: 'end', title: 'All set', body: 'That is all.', spotlight: true },
  ],
})
/** A lone tooltip: no step counter, no Skip or Back, only Done. */
const lone = tour({
  id: 'filters',
  steps: [{ id: 'only', target: '#u', title: 'New: filters', body: 'Narrow any report.' }],
})

type Shown = ReturnType<typeof showTour>

interface StepState {
  title: string
  /** Proves the step is on screen as intended, in any UI language. */
  check: (shown: Shown, s: Strings) => void
  /** Moves on to the next step, as the user (or the app) would. */
  advance?: (shown: Shown, s: Strings) => Promise<void>
}

const counted = ({ ui }: Shown, s: Strings, n: number) =>
  expect(ui.getByText(fill(s.step, { n, total: 5 })).isConnected).toBe(true)
const modal = (shown: Shown, yes: boolean) => expect(shown.tip()?.matches(':modal')).toBe(yes)
const next = (_: Shown, s: Strings) => userEvent.click(page.getByRole('button', { name: s.next }))
const hasNext = ({ ui }: Shown, s: Strings) => ui.queryByRole('button', { name: s.next }) !== null

const steps: StepState[] = [
  {
    title: 'Create a report',
    check: (shown, s) => {
      counted(shown, s, 1)
      modal(shown, true)
      expect(shown.ui.queryByRole('button', { name: s.back })).toBe(null)
    },
    advance: next,
  },
  {
    title: 'Export',
    check: (shown, s) => {
      counted(shown, s, 2)
      modal(shown, false)
      expect(shown.ui.getByRole('button', { name: s.back }).isConnected).toBe(true)
    },
    advance: next,
  },
  {
    title: 'Name it',
    check: (shown, s) => {
      counted(shown, s, 3)
      expect(hasNext(shown, s)).toBe(false)
    },
    advance: async ({ handle }) => handle.signal('report_named'),
  },
  {
    title: 'Try it',
    check: (shown, s) => {
      counted(shown, s, 4)
      modal(shown, false)
      expect(shown.shadow.querySelector('.ov:popover-open')).not.toBe(null)
      expect(hasNext(shown, s)).toBe(false)
    },
    advance: () => userEvent.click(page.getByRole('button', { name: 'u', exact: true })),
  },
  {
    title: 'All set',
    check: (shown, s) => {
      counted(shown, s, 5)
      modal(shown, true)
      expect(shown.ui.getByRole('button', { name: s.done }).isConnected).toBe(true)
    },
  },
]

/** The host page, added after the tour is mounted (it waits for its targets). */
function targets(): void {
  const main = hostPage()
  el('button', { margin: '24px' }, main, 't')
  el('button', { margin: '24px 96px' }, main, 'u')
}

const pos = (anchored: boolean, width: number) =>
  anchored ? (width < 480 ? 'sheet' : 'anchor') : 'center'

/** Audits the step on screen at every width; the tooltip follows resizes without remounting. */
async function sweepWidths(shown: Shown, label: string, anchored: boolean): Promise<string[]> {
  const found: string[] = []
  for (const width of widths) {
    await setWidth(width)
    const want = pos(anchored, width)
    await until(() => shown.tip()?.dataset.pos === want, `${label} as ${want}`)
    await settled(shown.shadow)
    found.push(...(await audit(`${label} · ${width}px`)))
  }
  return found
}

const cases = themes.flatMap((t) => dirs.map((d) => [`${t.name}, ${d.dir}`, t, d] as const))

async function start(input: typeof walk, t: ThemeCase, d: DirCase): Promise<Shown> {
  await setOs(t.os)
  const shown = showTour(input, { locale: d.locale, ...(t.theme && { theme: t.theme }) })
  targets()
  await shown.handle.ready
  return shown
}

describe(`axe-core over every tour step: ${matrix(steps.length + 1)}`, () => {
  test.each(cases)(
    `%s: first to last step, then a lone tooltip (${(steps.length + 1) * widths.length} audits)`,
    async (name, t, d) => {
      const found: string[] = []
      const shown = await start(walk, t, d)
      for (const step of steps) {
        await until(() => shown.ui.queryByRole('dialog', { name: step.title }) !== null, step.title)
        step.check(shown, d.strings)
        const anchored = step.title !== 'All set'
        found.push(...(await sweepWidths(shown, `step "${step.title}" · ${name}`, anchored)))
        await step.advance?.(shown, d.strings)
      }
      await userEvent.click(page.getByRole('button', { name: d.strings.done }))
      expect(shown.completed).toHaveLength(1)
      closeTours()

      const single = await start(lone, t, d)
      expect(single.ui.getByRole('dialog', { name: 'New: filters' }).isConnected).toBe(true)
      expect(single.ui.getAllByRole('button').map((b) => b.textContent)).toEqual([d.strings.done])
      found.push(...(await sweepWidths(single, `lone tooltip · ${name}`, true)))
      expect(found).toEqual([])
    },
    // Twelve audits with resizes in between: well within this even on a loaded two-core machine.
    60_000,
  )
})
