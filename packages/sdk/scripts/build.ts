// Builds what @sonde/sdk ships: the script-tag bundle (dist/sonde.js, a classic script), the UI
// modules it imports on demand (dist/sonde-ui.js for surveys, dist/sonde-tour.js for tours, a
// shared chunk, one chunk per UI language), the inline stub
// (dist/stub.js) and the npm ESM entry with its declarations (dist/esm/). Run: pnpm --filter @sonde/sdk build
import { createHash } from 'node:crypto'
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build, type InlineConfig, type Plugin } from 'vite'
import { buildTypes } from './buildTypes'
import { cssText } from './cssText'
import { lendModules } from './lendModules'
import { lentFrom, lentModules } from './lent'
import { type PassOptions, readsRenamed, scriptProperties, terserPass } from './terserPass'
import { trimZod } from './trimZod'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const dist = here('../dist')

function target(
  entry: string | Record<string, string>,
  outDir: string,
  format: 'es' | 'iife',
  fileName: string | ((name: string) => string),
  banner?: string,
  plugins: Plugin[] = [],
  pass: PassOptions = {},
): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    plugins: [...plugins, cssText(), terserPass(banner, pass)],
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2020',
      minify: true,
      sourcemap: false,
      lib: {
        entry,
        formats: [format],
        name: 'SondeInternal',
        fileName: (_, name) => (typeof fileName === 'string' ? fileName : fileName(name)),
      },
      rollupOptions: {
        // The terser pass takes most of a build by design: no report of plugin timings.
        checks: { pluginTimings: false },
        output: {
          // Vite keeps whitespace in ES library output; these files go to browsers as they are.
          minify: true,
          // UI languages (a module of packages/ui/src/strings each) keep their names, without a
          // hash as the entries have none (the versioned copies are what caches keep for good):
          // sonde-ui.js names each language's file, and fourteen hashes would not compress.
          // What surveys and tours share (Preact) is sonde-shared, the outbox's store they and
          // sonde-delivery.js share is sonde-queue, the code that sends (which the queue loads,
          // and sonde-delivery.js) is sonde-outbox; the link to the functions sonde.js lends them
          // goes with the queue (sonde-validate.js has its own, below), else it would be
          // sonde-common: the size budgets count each where it is loaded.
          chunkFileNames: (chunk) =>
            chunk.moduleIds.every((id) => /\/ui\/src\/strings\/\w+\.ts$/.test(id))
              ? 'sonde-[name].js'
              : chunk.moduleIds.some((id) => id.includes('/node_modules/preact/'))
                ? 'sonde-shared-[hash].js'
                : chunk.moduleIds.some((id) => id.endsWith('/delivery/startDelivery.ts'))
                  ? 'sonde-outbox-[hash].js'
                  : chunk.moduleIds.some((id) => id.endsWith('/delivery/openStore.ts'))
                    ? 'sonde-queue-[hash].js'
                    : 'sonde-common-[hash].js',
        },
      },
    },
  }
}

rmSync(dist, { recursive: true, force: true })
const { version } = JSON.parse(readFileSync(here('../package.json'), 'utf8')) as { version: string }
// V8's explicit compile hint: every function of a file is compiled with the script, on the
// background thread that streams it, instead of lazily on the host's main thread at its first
// call (most of sonde.js runs during init, most of a chunk once it is imported; paired runs of
// bench/runtime: a site's first page 41-51 -> 38-41 ms, a cold prompt 22-25 -> 19-21 ms). Browsers
// without it read a comment.
const compileHint = '//# allFunctionsCalledOnLoad'
// Surveys and tours are separate entries sharing Preact: a page showing only surveys never
// downloads floating-ui.
const uiEntries = {
  'sonde-ui': here('../src/chunks/survey.ts'),
  'sonde-tour': here('../src/chunks/tour.ts'),
  // The outbox, once there is something to send (an answer, or what an earlier page left).
  'sonde-delivery': here('../src/chunks/delivery.ts'),
}
// Options and configs not seen valid before: zod and the schemas stay out of sonde.js. A build
// of its own: it shares no module with the others but the link to what sonde.js lends, which
// then goes into the queue chunk instead of a chunk of its own on every prompt's path.
const validateEntry = here('../src/validate/index.ts')
// Modules sonde.js has anyway, which the chunks borrow from it instead of bringing a copy; the
// loan is stamped with the version, so a chunk refuses a sonde.js of another (a stale CDN cache).
const lending = lendModules(
  lentModules,
  lentFrom,
  [...Object.values(uiEntries), validateEntry],
  version,
)
// The chunks first: sonde.js lends exactly what they borrowed.
await build(target(uiEntries, dist, 'es', (name) => `${name}.js`, compileHint, [lending.borrow]))
// Function declarations hoisted: 0.6% off this chunk, where they add to the others, and the
// bundler's names kept (terserPass); zod without what the chunk never runs (trimZod).
await build(
  target(validateEntry, dist, 'es', 'sonde-validate.js', compileHint, [trimZod(), lending.borrow], {
    hoistFunctions: true,
    keepNames: true,
  }),
)
// The script tag leaves targeting's reasons in words out (core's targeting/explained.ts): the
// reason codes stay, the npm build keeps the words.
// Its own objects' property names shortened (terserPass's scriptProperties).
await build({
  ...target(here('../src/script.ts'), dist, 'iife', 'sonde.js', compileHint, [lending.lend], {
    ownProperties: scriptProperties,
  }),
  define: { __SONDE_MESSAGES__: 'false' },
})
// The chunks give some property names short names (terserPass), sonde.js keeps them whole, and
// the reverse: one named on the other side would stop meaning the same thing on both, and only a
// page would tell.
const clash = readsRenamed(readFileSync(`${dist}/sonde.js`, 'utf8'))
if (clash.length) throw new Error(`sonde.js names ${clash.join(', ')}, renamed in the chunks`)
for (const file of readdirSync(dist).filter((name) => /^sonde-.*\.js$/.test(name))) {
  const named = readsRenamed(readFileSync(`${dist}/${file}`, 'utf8'), scriptProperties)
  if (named.length) throw new Error(`${file} names ${named.join(', ')}, renamed in sonde.js`)
}
await build(target(here('../src/stub.ts'), dist, 'iife', 'stub.js'))
await build(target(here('../src/index.ts'), `${dist}/esm`, 'es', 'index.js'))
// The demo and the browser tests load the bundles only: `--no-types` spares them the declarations.
if (!process.argv.includes('--no-types')) buildTypes(dist)
// Versioned copies for immutable caching, and the SRI hash of every file a page may load.
const files = readdirSync(dist).filter((file) => file.endsWith('.js'))
const sri: Record<string, string> = {}
for (const file of files) {
  const digest = createHash('sha384')
    .update(readFileSync(`${dist}/${file}`))
    .digest('base64')
  sri[file] = `sha384-${digest}`
  cpSync(`${dist}/${file}`, `${dist}/${version}/${file}`)
}
writeFileSync(`${dist}/sri.json`, `${JSON.stringify({ version, files: sri }, null, 2)}\n`)
console.log(`built packages/sdk/dist (and dist/${version}/, dist/sri.json)`)
