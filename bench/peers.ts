// What a page downloads to show a survey or a tour, Sonde next to its peers, measured in one run
// (issue 9): raw, gzip (level 9) and brotli (quality 11) bytes, each file compressed on its own
// and summed, as a server sends them. Sonde is built from the working tree first; the peers are
// the versions pinned in bench/package.json. This bench compares, it does not enforce: the
// budgets are bench/size.ts's job, so it exits 0 unless a file is missing or the build fails.
// Writes node_modules/.cache/sonde-bench/peers.json, which bench/report.ts turns into
// docs/benchmarks.md. Run: pnpm exec tsx bench/peers.ts [--no-build]
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { POSTHOG_SURVEY_FILES, peer, versionOf } from './lib/peer'

export interface Bytes {
  raw: number
  gzip: number
  brotli: number
}

export interface Part extends Bytes {
  file: string
}

export interface Row {
  /** What the page does with these bytes. */
  task: 'survey' | 'tour' | 'stub'
  product: string
  version: string
  /** Paths relative to the package (Sonde: packages/sdk/dist). */
  files: string[]
  /** The same figures per file, so a report can say which file a miss comes from. */
  parts: Part[]
  bytes: Bytes
  /** False when part of what the page downloads is not in the package and was not counted. */
  complete: boolean
  /** True when some of it is missing but what is counted is certain: a lower bound. */
  floor?: boolean
  /** Peer brotli ÷ Sonde brotli for the same task (a lower bound for a floor); null for Sonde's
   * rows or incomplete peers. */
  ratio: number | null
  note: string
}

export interface PeersResult {
  bench: 'peers'
  measuredAt: string
  node: string
  rows: Row[]
}

// The figure the project claims ("lighter by 5×"); printed, never enforced here.
const CLAIMED_RATIO = 5

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = `${root}packages/sdk/dist`
const cacheDir = `${root}node_modules/.cache/sonde-bench`

// Each file on its own, as it travels; size-limit's @size-limit/file sums the same way.
// A file of another package than the row's is named `<package>:<path>`.
function measure(dir: string, file: string): Part {
  const [, other, path] = /^(@?[^:]+):(.+)$/.exec(file) ?? []
  const data = readFileSync(other && path ? `${peer(other)}${path}` : `${dir}/${file}`)
  return {
    file,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
}

function sum(parts: Part[]): Bytes {
  return parts.reduce(
    (total, part) => ({
      raw: total.raw + part.raw,
      gzip: total.gzip + part.gzip,
      brotli: total.brotli + part.brotli,
    }),
    { raw: 0, gzip: 0, brotli: 0 },
  )
}

if (!process.argv.includes('--no-build')) {
  // The same build bench/size.ts and CI use, so these figures match size-limit's.
  execFileSync('pnpm', ['--filter', '@sonde/sdk', 'run', '-s', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}

// The shared chunk's name carries a content hash.
const shared = readdirSync(dist).filter((file) => /^sonde-shared-.*\.js$/.test(file))
if (shared.length === 0) throw new Error(`bench/peers: no sonde-shared-*.js in ${dist}`)
// The outbox's queue the survey and tour chunks bring, the code that sends (loaded once the
// respondent acts), and what every chunk shares (the functions sonde.js lends them).
const queue = readdirSync(dist).filter((file) => /^sonde-queue-.*\.js$/.test(file))
if (queue.length === 0) throw new Error(`bench/peers: no sonde-queue-*.js in ${dist}`)
const outbox = readdirSync(dist).filter((file) => /^sonde-outbox-.*\.js$/.test(file))
if (outbox.length === 0) throw new Error(`bench/peers: no sonde-outbox-*.js in ${dist}`)
const common = readdirSync(dist).filter((file) => /^sonde-common-.*\.js$/.test(file))

const sondeVersion = versionOf(`${root}packages/sdk`)
const posthog = peer('posthog-js')
const formbricks = peer('@formbricks/js')
const formbricksSurveys = peer('@formbricks/surveys')
const shepherd = peer('shepherd.js')
const driver = peer('driver.js')

interface Spec {
  task: Row['task']
  product: string
  dir: string
  version: string
  files: string[]
  complete?: boolean
  floor?: boolean
  note: string
}

const specs: Spec[] = [
  {
    task: 'survey',
    product: 'Sonde',
    dir: dist,
    version: sondeVersion,
    files: ['sonde.js', 'sonde-ui.js', ...shared, ...queue, ...common],
    note:
      'script tag + surveys UI chunk + chunk shared with tours (English built in) + the ' +
      "outbox's queue they bring (it stores what the survey reports), on any page after the " +
      'first with the same options',
  },
  {
    task: 'survey',
    product: 'Sonde (survey answered)',
    dir: dist,
    version: sondeVersion,
    files: ['sonde.js', 'sonde-ui.js', ...shared, ...queue, ...outbox, ...common],
    note:
      'the same plus the code that sends (the outbox, transport and sender lock), which the ' +
      'queue loads once the respondent acts: the bytes of a survey shown and answered',
  },
  {
    task: 'survey',
    product: "Sonde (a site's first page)",
    dir: dist,
    version: sondeVersion,
    files: ['sonde.js', 'sonde-validate.js', 'sonde-ui.js', ...shared, ...queue, ...common],
    note:
      'the same plus the validator chunk (zod and the schemas), loaded only while options or a ' +
      'config are new to the site',
  },
  {
    task: 'survey',
    product: 'posthog-js',
    dir: posthog,
    version: versionOf(posthog),
    files: POSTHOG_SURVEY_FILES,
    note:
      '`array.js` is what the snippet loads; `surveys.js` is the extension it fetches to ' +
      'render. Not counted: the per-project `/array/<token>/config.js` and any extension the ' +
      "project's remote config switches on (replay, web vitals, …), so this is a floor",
  },
  {
    task: 'survey',
    product: '@formbricks/js',
    dir: formbricks,
    version: versionOf(formbricks),
    files: ['dist/index.js'],
    complete: false,
    // dist/index.js only injects <appUrl>/js/formbricks.umd.cjs, which loads
    // <appUrl>/js/surveys.umd.cjs: both are served by the Formbricks app, not published here.
    note:
      'loader only: the SDK (`<appUrl>/js/formbricks.umd.cjs`) and the renderer it loads ' +
      '(`<appUrl>/js/surveys.umd.cjs`) are served by the Formbricks app and are not in the npm ' +
      'package, so they are not measured offline and no ratio is given',
  },
  {
    task: 'survey',
    product: 'Formbricks (loader + renderer)',
    dir: formbricks,
    version: `${versionOf(formbricks)}+${versionOf(formbricksSurveys)}`,
    files: ['dist/index.js', '@formbricks/surveys:dist/index.umd.js'],
    floor: true,
    // The renderer's UMD build is what the app serves as /js/surveys.umd.cjs; the SDK core
    // between the two (/js/formbricks.umd.cjs, packages/js-core) was never published to npm.
    note:
      'the loader + the survey renderer as last published on npm (`@formbricks/surveys`, whose ' +
      'UMD build the app serves as `/js/surveys.umd.cjs`); the SDK core in between ' +
      '(`/js/formbricks.umd.cjs`) is not published, so this is a floor',
  },
  {
    task: 'tour',
    product: 'Sonde',
    dir: dist,
    version: sondeVersion,
    files: ['sonde.js', 'sonde-tour.js', ...shared, ...queue, ...common],
    note:
      "script tag + tours UI chunk + chunk shared with surveys + the outbox's queue they bring " +
      '(the code that sends comes once the visitor acts)',
  },
  {
    task: 'tour',
    product: 'Sonde (tour UI alone)',
    dir: dist,
    version: sondeVersion,
    files: ['sonde-tour.js', ...shared],
    note:
      'without `sonde.js` and the outbox (targeting, delivery, config): the like-for-like figure against ' +
      'libraries that only draw tours',
  },
  {
    task: 'tour',
    product: 'shepherd.js',
    dir: shepherd,
    version: versionOf(shepherd),
    // 15.x ships only ESM and CJS builds; the ESM build bundles @floating-ui/dom (no imports).
    files: ['dist/js/shepherd.mjs', 'dist/css/shepherd.css'],
    note: 'tour library only (no targeting, delivery or analytics); its stylesheet is required',
  },
  {
    task: 'tour',
    product: 'driver.js',
    dir: driver,
    version: versionOf(driver),
    // The IIFE build is what its documented CDN script tag loads.
    files: ['dist/driver.js.iife.js', 'dist/driver.css'],
    note: 'tour library only (no targeting, delivery or analytics); its stylesheet is required',
  },
  {
    task: 'tour',
    product: 'posthog-js (product tours)',
    dir: posthog,
    version: versionOf(posthog),
    // PostHog also ships tours: array.js fetches /static/product-tours.js on demand.
    files: ['dist/array.js', 'dist/product-tours.js'],
    note: '`array.js` + the product-tours extension it fetches; same floor caveats as surveys',
  },
  {
    task: 'stub',
    product: 'Sonde',
    dir: dist,
    version: sondeVersion,
    files: ['stub.js'],
    note: 'inline queue stub, before `sonde.js` loads',
  },
  {
    task: 'stub',
    product: 'posthog-js',
    dir: posthog,
    version: versionOf(posthog),
    files: ['dist/loader.js'],
    note:
      'script-tag loader (the published alternative to its inline snippet) that injects ' +
      '`array.js`',
  },
]

const rows: Row[] = specs.map((spec) => {
  const parts = spec.files.map((file) => measure(spec.dir, file))
  return {
    task: spec.task,
    product: spec.product,
    version: spec.version,
    files: spec.files,
    parts,
    bytes: sum(parts),
    complete: spec.complete ?? true,
    ...(spec.floor ? { floor: true } : {}),
    ratio: null,
    note: spec.note,
  }
})
for (const row of rows) {
  const sonde = rows.find((r) => r.task === row.task && r.product === 'Sonde')
  if (!row.product.startsWith('Sonde') && row.complete && sonde) {
    row.ratio = row.bytes.brotli / sonde.bytes.brotli
  }
}

const result: PeersResult = {
  bench: 'peers',
  measuredAt: new Date().toISOString(),
  node: process.version,
  rows,
}
mkdirSync(cacheDir, { recursive: true })
const out = `${cacheDir}/peers.json`
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`)

const kb = (bytes: number) => (bytes / 1000).toFixed(2).padStart(9)
function verdict(row: Row): string {
  if (row.ratio === null) return row.complete ? '' : 'n/a: not all of it is in the package'
  const ratio = `${row.floor ? '≥ ' : ''}${row.ratio.toFixed(2)}×`
  if (row.task === 'stub') return ratio
  if (row.ratio < 1) return `${ratio} Sonde is heavier`
  return row.ratio < CLAIMED_RATIO ? `${ratio} under the ${CLAIMED_RATIO}× claim` : ratio
}
const titles = { survey: 'show a survey', tour: 'show a tour', stub: 'stub / loader' }
console.log(
  'bytes a page loads (KB of 1,000 bytes)           raw       gzip9    brotli11  peer÷Sonde',
)
for (const task of ['survey', 'tour', 'stub'] as const) {
  console.log(`── ${titles[task]}`)
  for (const row of rows.filter((r) => r.task === task)) {
    const name = `${row.product} ${row.version}`.padEnd(44)
    const { raw, gzip, brotli } = row.bytes
    console.log(`  ${name} ${kb(raw)} ${kb(gzip)} ${kb(brotli)}  ${verdict(row)}`)
  }
}
console.log('files counted:')
for (const row of rows) console.log(`  ${row.task} · ${row.product}: ${row.files.join(' + ')}`)
console.log(`wrote ${out}`)
