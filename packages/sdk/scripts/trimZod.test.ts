import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build, type Plugin } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trimZod, trimZodModule } from './trimZod'

// zod/mini bundled as the validator chunk is, with and without the cuts, from a directory beside
// the package's own node_modules (so that `zod/mini` is the lockfile's).
const dir = mkdtempSync(fileURLToPath(new URL('../node_modules/.trim-zod-', import.meta.url)))
const entry = join(dir, 'entry.js')
writeFileSync(
  entry,
  `import * as z from 'zod/mini'
const item = z.strictObject({
  n: z.optional(z.number().check(z.gte(1))),
  kind: z.union([z.string().check(z.regex(/^[a-z]+$/)), z.literal(3)]),
  list: z.optional(z.array(z.boolean()).check(z.maxLength(2))),
  texts: z.optional(z.record(z.string().check(z.regex(/^[a-z]{2}$/)), z.string())),
  where: z.optional(z.record(z.string(), z.optional(z.number()))),
  q: z.optional(z.union([
    z.strictObject({ type: z.literal('a'), x: z.number() }),
    z.strictObject({ type: z.literal(['b', 'c']), y: z.optional(z.union([z.null(), z.literal(1)])) }),
  ])),
}).check((payload) => {
  if (payload.value.n === 7) payload.issues.push({ code: 'custom', path: ['n'], message: 'not 7', input: 7, continue: true })
})
export const run = (input) => item.safeParse(input, { reportInput: true })
export const schema = item
export const discriminated = () => z.discriminatedUnion('type', [z.strictObject({ type: z.literal('a') })])`,
)

async function bundle(name: string, plugins: Plugin[]) {
  await build({
    configFile: false,
    logLevel: 'warn',
    plugins,
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      lib: { entry, formats: ['es'], fileName: () => `${name}.js` },
    },
  })
  const file = join(dir, `${name}.js`)
  return {
    code: readFileSync(file, 'utf8'),
    module: (await import(pathToFileURL(file).href)) as {
      run: (input: unknown) => {
        success: boolean
        data?: unknown
        error?: { issues: unknown[]; message: string }
      }
      schema: Record<string, unknown>
      discriminated: () => unknown
    },
  }
}

let whole: Awaited<ReturnType<typeof bundle>>
let trimmed: Awaited<ReturnType<typeof bundle>>
beforeAll(async () => {
  whole = await bundle('whole', [])
  trimmed = await bundle('trimmed', [trimZod()])
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('trimZod', () => {
  it('takes out the methods and the Standard Schema surface the validator never calls', () => {
    for (const name of ['parseAsync', 'safeParseAsync', 'register', 'brand', '~standard']) {
      expect(whole.module.schema[name], name).toBeDefined()
      expect(trimmed.module.schema[name], name).toBeUndefined()
    }
    expect(trimmed.code).not.toContain('canary')
    expect(trimmed.code).not.toContain('cleanRegex')
    // The patterns read by z.templateLiteral alone, a string's, a number's… as a union's.
    expect(whole.code).toContain('_zod.pattern')
    expect(trimmed.code).not.toContain('_zod.pattern')
    // A record's key tried again as a number, and z.looseRecord's keys taken as they are.
    for (const name of ['Number(key)', '"loose"']) {
      expect(whole.code, name).toContain(name)
      expect(trimmed.code, name).not.toContain(name)
    }
    expect(whole.code).toContain('expected a Zod schema')
    expect(trimmed.code).not.toContain('expected a Zod schema')
    expect(whole.code).toContain('globalConfig.memoizer')
    expect(trimmed.code).not.toContain('globalConfig.memoizer')
    // A ZodError's message, JSON of its issues, is Error's own empty one: Sonde reads the issues.
    expect(whole.module.run(null).error?.message).toContain('invalid_type')
    expect(trimmed.module.run(null).error?.message).toBe('')
    expect(trimmed.code.length).toBeLessThan(whole.code.length)
  })

  it('takes out the values zod gathers for discriminated unions, which say so if made', () => {
    for (const name of ['propValues', 'inst._zod.values = ']) {
      expect(whole.code, name).toContain(name)
      expect(trimmed.code, name).not.toContain(name)
    }
    expect(whole.module.discriminated()).toBeDefined()
    expect(() => trimmed.module.discriminated()).toThrow(/use core's tagged\(\)/)
  })

  it.each([
    { kind: 'abc' },
    { kind: 3, n: 2, list: [true] },
    { kind: 'ABC', n: 0 },
    { kind: 4, n: 7, list: [1, 2, 3], extra: 1 },
    { n: 'x' },
    { kind: 'a', texts: { en: 'Hi', fr: 3, '12': 'x', FR: 'y' }, where: { a: 1, b: 'c' } },
    { kind: 'a', texts: [], where: { ['__proto__']: 1 } },
    { kind: 'a', texts: { '1.5': 'x', '-2': 'y', en: 'z' }, where: { '12': 1, '-0': 'x' } },
    { kind: 'a', q: { type: 'a', x: 1 } },
    { kind: 'a', q: { type: 'c', y: 2 } },
    { kind: 'a', q: { type: 'b', y: null } },
    { kind: 'a', q: { type: 'b', y: 1, x: 1 } },
    { kind: 'a', q: { type: 'd' } },
    { kind: 'a', q: { x: 1 } },
    { kind: 'a', q: 'a' },
    'item',
    null,
  ])('checks %j as the whole of zod does', (input) => {
    const a = whole.module.run(input)
    const b = trimmed.module.run(input)
    expect(b.success).toBe(a.success)
    expect(b.data).toEqual(a.data)
    expect(b.error?.issues).toEqual(a.error?.issues)
  })

  it('refuses a zod whose code is not the one its cuts were written for', () => {
    expect(() => trimZodModule('/x/node_modules/zod/v4/mini/schemas.js', 'export {}')).toThrow(
      /not the zod this cut was written for/,
    )
    expect(trimZodModule('/x/src/validate/index.ts', 'export {}')).toBeNull()
  })
})
