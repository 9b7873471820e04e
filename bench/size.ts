// Builds @sonde/sdk and measures what a page downloads (brotli, quality 11, KB of 1,000 bytes)
// with size-limit against the budgets of DESIGN.md (packages/sdk/.size-limit.json), and checks
// that the README's Size table publishes those figures and budgets.
// A budget not met yet is printed as such; the run fails when such a figure grows more than 2%
// past its last recorded size (bench/size-ceilings.json, `--record` rewrites it), or when a
// figure that met its budget stops meeting it.
// Run: pnpm exec tsx bench/size.ts [--record]
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { checkReadmeSizes } from './lib/checkReadmeSizes'

interface Entry {
  name: string
  size: number
  sizeLimit: number
  passed: boolean
}

const sdk = fileURLToPath(new URL('../packages/sdk', import.meta.url))
const ceilingsFile = fileURLToPath(new URL('./size-ceilings.json', import.meta.url))
const pnpm = (args: string[]) => execFileSync('pnpm', args, { cwd: sdk, encoding: 'utf8' })

pnpm(['run', '-s', 'build'])
let raw: string
try {
  raw = pnpm(['exec', 'size-limit', '--json'])
} catch (error) {
  // size-limit exits 1 when a budget is exceeded; its JSON is on stdout all the same.
  raw = String((error as { stdout?: string }).stdout ?? '[]')
}
const entries = JSON.parse(raw) as Entry[]
const ceilings = JSON.parse(readFileSync(ceilingsFile, 'utf8')) as Record<string, number>
const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} KB`

let failed = false
console.log('size (brotli q11)              now        budget     status')
for (const entry of entries) {
  const ceiling = ceilings[entry.name]
  const grew = ceiling !== undefined && entry.size > ceiling * 1.02
  const status = entry.passed
    ? 'within budget'
    : `OVER BUDGET by ${kb(entry.size - entry.sizeLimit)}${grew ? ', and grew' : ''}`
  if ((!entry.passed && grew) || (entry.passed === false && ceiling === undefined)) failed = true
  console.log(
    `${entry.name.padEnd(30)} ${kb(entry.size).padStart(9)}  ${kb(entry.sizeLimit).padStart(9)}  ${status}`,
  )
}
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
for (const problem of checkReadmeSizes(readme, entries)) {
  failed = true
  console.log(`README: ${problem} (update its Size table)`)
}
if (process.argv.includes('--record')) {
  const next = Object.fromEntries(entries.map((e) => [e.name, e.size]))
  writeFileSync(ceilingsFile, `${JSON.stringify(next, null, 2)}\n`)
  console.log('recorded the current sizes as ceilings')
}
process.exit(failed ? 1 : 0)
