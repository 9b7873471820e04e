// What a crafted link costs the matcher: rules of the shapes the validator still takes, each at
// its worst (two unbounded repetitions, or one unanchored; two "**" before the end), against
// links built to make a backtracking engine try every way, 100 KB long and just under the
// 2,000 characters a glob or regex reads. Matched on every event, so the budget is per match.
// Run: pnpm exec tsx bench/hostileUrl.ts

import { parse } from '../packages/core/src/schema/parse'
import type { UrlRule } from '../packages/core/src/schema/urlRule'
import { urlRuleSchema } from '../packages/core/src/schema/urlRule'
import { matchUrl } from '../packages/core/src/targeting/index'

const BUDGET_MS = 16
const cases: [UrlRule, string][] = [
  [{ regex: '.*x' }, 'a'],
  [{ regex: '^.*.*x' }, 'a'],
  [{ regex: 'foo.*bar' }, 'foo'],
  [{ regex: '^/a/.*/b/.*/c' }, '/a/b'],
  // Groups of passes that each start with a character the run inside cannot take.
  [{ regex: '(/[^/]+)+x' }, '/a'],
  [{ regex: '^(/[^/]*)*.*x' }, '/'],
  [{ regex: '(-\\w+)+!' }, '-a'],
  [{ glob: '/**/a/**/b' }, '/a'],
  [{ glob: '/docs/*-*-*/**/x' }, '-'],
  [{ glob: 'https://acme.com/**/a/**/b' }, '/a'],
]
let worst = 0
console.log('hostile URLs: ms per match (median of 5), 100 KB link and one of 2,000 characters')
for (const [rule, unit] of cases) {
  if (!parse(urlRuleSchema, rule).ok)
    throw new Error(`the validator refuses ${JSON.stringify(rule)}`)
  const origin = 'glob' in rule && rule.glob.startsWith('https') ? 'https://acme.com' : ''
  const row = [100_000, 1_990].map((length) => {
    const url = `${origin}/${unit.repeat(Math.floor((length - origin.length - 1) / unit.length))}`
    // The median of five: one match on a shared machine can meet a collection or a busy core.
    const times = Array.from({ length: 5 }, () => {
      const start = performance.now()
      matchUrl(rule, url)
      return performance.now() - start
    })
    return times.sort((x, y) => x - y)[2] as number
  })
  worst = Math.max(worst, ...row)
  console.log(
    `  ${JSON.stringify(rule).padEnd(36)} ${row.map((ms) => ms.toFixed(2).padStart(8)).join(' ')}`,
  )
}
console.log(
  `  worst ${worst.toFixed(2)} ms, budget ${BUDGET_MS} ms: ${worst <= BUDGET_MS ? 'ok' : 'OVER'}`,
)
if (worst > BUDGET_MS) process.exitCode = 1
