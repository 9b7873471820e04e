import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { runInNewContext } from 'node:vm'
import { build, type Plugin } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lendModules } from './lendModules'

// Two builds as scripts/build.ts makes them, on a fixture: a classic script and an ES chunk that
// both use `shared.ts` (lent) and `own.ts` (not lent).
const dir = mkdtempSync(join(tmpdir(), 'sonde-lend-'))
const src = join(dir, 'src')
const out = join(dir, 'out')
const files: Record<string, string> = {
  'shared.ts': `export function shout(s: string) { return s.toUpperCase() + ' MARKER_SHARED' }
export function whisper(s: string) { return s.toLowerCase() + ' MARKER_UNUSED' }`,
  'own.ts': `export function twice(s: string) { return s + s + ' MARKER_OWN' }`,
  'chunk.ts': `import { shout } from './shared'
import { twice } from './own'
export const run = (s: string) => twice(shout(s))`,
  'other.ts': `import { whisper } from './shared'
export const hush = (s: string) => whisper(s)`,
  'script.ts': `import { shout } from './shared'
import { twice } from './own'
import { lent } from './chunks/lent'
;(globalThis as any).result = { lent, mine: twice(shout('a')) }`,
  'chunks/lent.ts': 'export const lent = {}',
  'values.ts': 'export const LIMIT = 3\nexport function limit() { return LIMIT }',
}

function bundle(entry: string, format: 'es' | 'iife', plugin: Plugin, outDir = out) {
  return build({
    configFile: false,
    logLevel: 'silent',
    plugins: [plugin],
    build: {
      outDir,
      emptyOutDir: false,
      minify: false,
      lib: { entry, formats: [format], name: 'Fixture', fileName: () => `${format}.js` },
    },
  })
}

// Both builds, as scripts/build.ts runs them: the chunk first, then the script.
async function buildBoth(outDir: string) {
  const lending = lendModules(['./shared'], join(src, 'script.ts'), [join(src, 'chunk.ts')])
  await bundle(join(src, 'chunk.ts'), 'es', lending.borrow, outDir)
  await bundle(join(src, 'script.ts'), 'iife', lending.lend, outDir)
  return {
    chunk: readFileSync(join(outDir, 'es.js'), 'utf8'),
    script: readFileSync(join(outDir, 'iife.js'), 'utf8'),
  }
}

let chunk = ''
let script = ''
beforeAll(async () => {
  mkdirSync(join(src, 'chunks'), { recursive: true })
  for (const [name, text] of Object.entries(files)) writeFileSync(join(src, name), text)
  ;({ chunk, script } = await buildBoth(out))
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('lendModules', () => {
  it('leaves a lent module out of the chunk, and only that one', () => {
    expect(chunk).not.toContain('MARKER_SHARED')
    expect(chunk).toContain('MARKER_OWN')
    expect(chunk).toMatch(/export\s*\{[^}]*link/)
  })

  it('lends from the script exactly the functions the chunk borrowed', () => {
    expect(script).toContain('MARKER_SHARED')
    expect(script).not.toContain('MARKER_UNUSED')
  })

  it('runs the chunk on the script’s copy once linked', async () => {
    const context: { result?: { lent: object; mine: string } } = {}
    runInNewContext(script, context)
    expect(context.result?.mine).toBe('A MARKER_SHAREDA MARKER_SHARED MARKER_OWN')
    const loaded = await import(pathToFileURL(join(out, 'es.js')).href)
    loaded.link(context.result?.lent)
    expect(loaded.run('b')).toBe('B MARKER_SHAREDB MARKER_SHARED MARKER_OWN')
  })

  it('builds the same bytes from the same sources (SRI hashes stay valid)', async () => {
    expect(await buildBoth(join(dir, 'again'))).toEqual({ chunk, script })
  })

  it('lends to the chunks of several builds, each calling the function it borrowed', async () => {
    // sonde-validate.js is built apart from the prompts' chunks, and borrows from the same script.
    const outDir = join(dir, 'several')
    const lending = lendModules(['./shared'], join(src, 'script.ts'), [
      join(src, 'chunk.ts'),
      join(src, 'other.ts'),
    ])
    await bundle(join(src, 'chunk.ts'), 'es', lending.borrow, outDir)
    await bundle(join(src, 'other.ts'), 'es', lending.borrow, join(outDir, 'other'))
    await bundle(join(src, 'script.ts'), 'iife', lending.lend, outDir)
    const context: { result?: { lent: object } } = {}
    runInNewContext(readFileSync(join(outDir, 'iife.js'), 'utf8'), context)
    const first = await import(pathToFileURL(join(outDir, 'es.js')).href)
    const second = await import(pathToFileURL(join(outDir, 'other', 'es.js')).href)
    first.link(context.result?.lent)
    second.link(context.result?.lent)
    expect(first.run('b')).toBe('B MARKER_SHAREDB MARKER_SHARED MARKER_OWN')
    expect(second.hush('C')).toBe('c MARKER_UNUSED')
  })

  it('refuses to run a chunk linked by a script of another build (a CDN serving sonde.js stale)', async () => {
    // The same sources but another release: its key table may match, its functions need not.
    const outDir = join(dir, 'skew')
    const older = lendModules(
      ['./shared'],
      join(src, 'script.ts'),
      [join(src, 'chunk.ts')],
      '1.0.0',
    )
    const newer = lendModules(
      ['./shared'],
      join(src, 'script.ts'),
      [join(src, 'chunk.ts')],
      '1.1.0',
    )
    await bundle(join(src, 'chunk.ts'), 'es', older.borrow, join(outDir, 'older'))
    await bundle(join(src, 'script.ts'), 'iife', older.lend, join(outDir, 'older'))
    await bundle(join(src, 'chunk.ts'), 'es', newer.borrow, join(outDir, 'newer'))
    const context: { result?: { lent: object } } = {}
    runInNewContext(readFileSync(join(outDir, 'older', 'iife.js'), 'utf8'), context)
    const chunk = await import(pathToFileURL(join(outDir, 'newer', 'es.js')).href)
    expect(() => chunk.link(context.result?.lent)).toThrow(
      /sonde\.js and its chunks are of different builds/,
    )
    // A script from before the check lends no stamp at all: refused too.
    const { $: _, ...unstamped } = (context.result?.lent ?? {}) as Record<string, unknown>
    expect(() => chunk.link(unstamped)).toThrow(/different builds/)
    // Nothing was linked: the chunk never calls a function it was not built against.
    expect(() => chunk.run('b')).toThrow(TypeError)
    // Its own script's table links as before.
    const own = await import(pathToFileURL(join(outDir, 'older', 'es.js')).href)
    own.link(context.result?.lent)
    expect(own.run('b')).toBe('B MARKER_SHAREDB MARKER_SHARED MARKER_OWN')
  })

  it('refuses to lend a module that exports a value, not a function', async () => {
    const lending = lendModules(['./values'], join(src, 'script.ts'), [join(src, 'chunk.ts')])
    await expect(bundle(join(src, 'chunk.ts'), 'es', lending.borrow)).rejects.toThrow(
      /\.\/values exports LIMIT, not functions/,
    )
  })

  it('refuses to build the script before the chunks it lends to', async () => {
    const lending = lendModules(['./shared'], join(src, 'script.ts'), [join(src, 'chunk.ts')])
    await expect(bundle(join(src, 'script.ts'), 'iife', lending.lend)).rejects.toThrow(
      /build the chunks \(borrow\) first/,
    )
  })

  it('fails the build when a lent module cannot be found', async () => {
    const lending = lendModules(['./missing'], join(src, 'script.ts'), [join(src, 'chunk.ts')])
    await expect(bundle(join(src, 'chunk.ts'), 'es', lending.borrow)).rejects.toThrow(
      /cannot resolve \.\/missing/,
    )
  })
})
