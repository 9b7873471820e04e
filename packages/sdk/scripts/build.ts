// Builds what @sonde/sdk ships: the script-tag bundle (dist/sonde.js, a classic script), the UI
// module it imports on demand (dist/sonde-ui.js + one chunk per UI language), the inline stub
// (dist/stub.js) and the npm ESM entry (dist/esm/). Run: pnpm --filter @sonde/sdk build
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build, type InlineConfig } from 'vite'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const dist = here('../dist')

function target(
  entry: string,
  outDir: string,
  format: 'es' | 'iife',
  fileName: string,
): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2020',
      minify: true,
      sourcemap: false,
      lib: { entry, formats: [format], name: 'SondeInternal', fileName: () => fileName },
      rollupOptions: { output: { chunkFileNames: 'sonde-[name]-[hash].js' } },
    },
  }
}

rmSync(dist, { recursive: true, force: true })
await build(target(here('../src/script.ts'), dist, 'iife', 'sonde.js'))
await build(target(here('../../ui/src/index.ts'), dist, 'es', 'sonde-ui.js'))
await build(target(here('../src/stub.ts'), dist, 'iife', 'stub.js'))
await build(target(here('../src/index.ts'), `${dist}/esm`, 'es', 'index.js'))
console.log('built packages/sdk/dist')
