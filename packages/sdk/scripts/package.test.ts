import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

// The package as npm would install it: its publishConfig exports, its dist/ (built by
// `pnpm --filter @sonde/sdk build`, which the test command runs first), nothing from the
// workspace's sources. A TypeScript project that uses it must typecheck, and mistakes must not.
const sdk = fileURLToPath(new URL('..', import.meta.url))
const root = join(sdk, '../..')
const manifest = JSON.parse(readFileSync(join(sdk, 'package.json'), 'utf8'))

const CONSUMER = `
import { init, type InitOptions, type Sonde, type Survey, SDK_VERSION } from '@sonde/sdk'
import type { SondeGlobal } from '@sonde/sdk/global'

const nps: Survey = {
  id: 'nps-q4',
  version: 1,
  kind: 'nps',
  questions: [{ id: 'score', type: 'rating', scale: 10, text: 'How likely are you to recommend us?' }],
}
const options: InitOptions = {
  endpoint: 'https://collect.example.com/v1/batch',
  key: 'pk_demo',
  config: { surveys: [nps] },
  theme: { colorScheme: 'dark' },
}
const sonde: Sonde = init(options)
sonde.on('survey:answered', (event) => {
  const ids: string[] = event.answers.map((answer) => answer.questionId)
  console.log(ids, event.seq)
})
sonde.track('export_completed', { rows: 1200 })
// Why a survey or a tour was dismissed is one of the reasons Sonde gives, not any string.
sonde.on('survey:dismissed', ({ reason }) => {
  const why: 'close' | 'escape' | 'api' = reason
  console.log(why)
})
sonde.on('tour:dismissed', (event) => {
  // @ts-expect-error a tour is left with 'esc', not a survey's 'escape'
  if (event.reason === 'escape') console.log(event.stepId)
})
const check = sonde.canShow('nps-q4')
if (!check.ok) console.log(check.reason)
// Why not is one of the reasons Sonde gives: a misspelt one is a type error, not a branch never taken.
if (!check.ok && check.reason === 'frequency.recontact') console.log(check.message)
if (!check.ok && check.reason === 'busy') console.log('later')
// @ts-expect-error no such reason
if (!check.ok && check.reason === 'frequency.recontacts') console.log(check.message)
const version: string = SDK_VERSION
// beforeSend sees the event it may change or drop.
init({
  endpoint: '/v1/batch',
  beforeSend: (event) => (event.type === 'survey.shown' ? null : { ...event, context: event.context }),
})
void sonde.flush().then(() => version)
// What beforeSend gets narrows by its type to the fields that type always carries.
init({
  endpoint: '/v1/batch',
  beforeSend: (event) => {
    if (event.type === 'survey.completed') {
      const response: string = event.responseId
      const score: number | undefined = event.metric?.score
      console.log(event.surveyId.length, event.surveyVersion + event.seq, response, score)
    }
    if (event.type === 'survey.dismissed') console.log(event.reason.length)
    if (event.type === 'tour.step') console.log(event.tourId.length, event.stepId, event.dwellMs + 1)
    if (event.type === 'tour.dismissed') console.log(event.stepIndex + 1, event.reason.length)
    const path: string | undefined = event.context.page?.path
    return path?.startsWith('/admin') ? null : event
  },
})

// The app's own types: an interface, or a class (its user model), has no index signature.
interface Account {
  id: string
  plan: string
}
class User {
  constructor(readonly id: string, readonly plan: string) {}
  save() {}
}
interface ExportFinished {
  rows: number
  format: 'csv' | 'xlsx'
}
declare const account: Account
const user = new User('u_42', 'pro')
const finished: ExportFinished = { rows: 1200, format: 'csv' }
sonde.identify(user.id, user)
sonde.identify(account.id, account)
sonde.track('export_finished', finished)
init({ endpoint: '/v1/batch', user: { id: user.id, traits: user } })
init({ endpoint: '/v1/batch', user: { traits: account } })
// @ts-expect-error context is read as it is given: a promise gives none
init({ endpoint: '/v1/batch', context: async () => ({ plan: 'pro' }) })

// @ts-expect-error the key is a string
init({ endpoint: '/v1/batch', key: 42 })
// @ts-expect-error an NPS question runs 0 to 10
export const wrong: Survey = { ...nps, questions: [{ id: 's', type: 'rating', scale: 11, text: 'Hm?' }] }
// @ts-expect-error endpoint is required
init({ key: 'pk_demo' })
// @ts-expect-error event names are checked: a typo is not a new event
sonde.on('survey:complete', () => {})
// @ts-expect-error what an event carries is typed
sonde.on('survey:completed', (event) => event.nope)
// @ts-expect-error a theme the schema does not allow
init({ endpoint: '/v1/batch', key: 'pk_demo', theme: { colorScheme: 'sepia' } })

// The script tag's window.sonde, typed by importing @sonde/sdk/global.
const tagged: SondeGlobal | undefined = window.sonde?.init({ endpoint: '/v1/batch', key: 'pk_demo' })
window.sonde?.track('report_exported', { format: 'csv' })
const loading: string = window.sonde?.canShow('nps-q4').ok ? 'due' : 'not yet'
// @ts-expect-error the script tag's API has no such method
window.sonde?.trak('report_exported')
void [tagged, loading]
`

describe('the npm package', () => {
  let project = ''

  beforeAll(() => {
    if (!existsSync(join(sdk, 'dist/esm/index.d.ts'))) {
      throw new Error(
        'packages/sdk/dist/esm/index.d.ts is missing: run pnpm --filter @sonde/sdk build',
      )
    }
    project = mkdtempSync(join(tmpdir(), 'sonde-consumer-'))
    const installed = join(project, 'node_modules/@sonde/sdk')
    mkdirSync(installed, { recursive: true })
    // What pnpm publishes: publishConfig's fields in place of the workspace's.
    const { publishConfig, ...fields } = manifest
    const published = { ...fields, ...publishConfig }
    writeFileSync(join(installed, 'package.json'), JSON.stringify(published))
    symlinkSync(join(sdk, 'dist'), join(installed, 'dist'), 'dir')
    // Its dependencies, as a package manager would install them.
    const require = createRequire(join(sdk, 'package.json'))
    for (const name of Object.keys(manifest.dependencies).filter((n) => !n.startsWith('@sonde/'))) {
      const path = join(project, 'node_modules', name)
      mkdirSync(dirname(path), { recursive: true })
      symlinkSync(dirname(require.resolve(`${name}/package.json`)), path, 'dir')
    }
    writeFileSync(join(project, 'consumer.ts'), CONSUMER)
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          lib: ['ES2022', 'DOM'],
          types: [],
        },
        files: ['consumer.ts'],
      }),
    )
  })

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true })
  })

  // The entry and its chunks bundle core, ui, Preact, floating-ui and idb-keyval: an app that
  // installs the package needs none of them, only what its declarations import.
  test('depends on what its built files import alone: zod, for the declarations', () => {
    const built = readdirSync(join(sdk, 'dist/esm'))
      .map((file) => readFileSync(join(sdk, 'dist/esm', file), 'utf8'))
      .join('\n')
    const imported = new Set(
      [...built.matchAll(/(?:from|import)\s*\(?\s*['"]([^'".][^'"]*)['"]/g)].map(([, name]) =>
        name!
          .split('/')
          .slice(0, name!.startsWith('@') ? 2 : 1)
          .join('/'),
      ),
    )
    expect([...imported]).toEqual(['zod'])
    expect(Object.keys(manifest.dependencies)).toEqual([...imported])
  })

  test('documents every declaration it exports', () => {
    const lines = readFileSync(join(sdk, 'dist/esm/index.d.ts'), 'utf8').split(/\r?\n/)
    const undocumented = lines
      .map((line, i) => ({ line, before: lines[i - 1]?.trim() ?? '' }))
      .filter(({ line, before }) => line.startsWith('export declare') && !before.endsWith('*/'))
      .map(({ line }) => /(?:type|interface|function|const) (\w+)/.exec(line)?.[1])
    expect(undocumented).toEqual([])
  })

  test('exports types first, from one bundled declaration file', () => {
    expect(Object.keys(manifest.publishConfig.exports['.'])).toEqual(['types', 'default'])
    expect(manifest.sideEffects).toBe(false)
    const declarations = readFileSync(join(sdk, 'dist/esm/index.d.ts'), 'utf8')
    // Core and UI are bundled into the code, so their types must be in the file too.
    expect(declarations).not.toMatch(/from '@sonde\//)
  })

  // What an editor shows on hover: every method of the instance, every event and every option
  // says what it does there, in the one declaration file.
  test.each([
    ['interface Sonde', 'method'],
    ['interface SondeEvents', 'event'],
    ['type InitOptions', 'option'],
    ['type Theme', 'theme field'],
  ])('documents each member of %s', (declared, what) => {
    const declarations = readFileSync(join(sdk, 'dist/esm/index.d.ts'), 'utf8')
    const body = new RegExp(`export declare ${declared} = \\{|export declare ${declared} \\{`).exec(
      declarations,
    )
    expect(body, declared).not.toBeNull()
    // API Extractor writes CRLF line ends.
    const lines = declarations.slice(body!.index).split(/\r?\n/)
    const end = lines.findIndex((line) => line === '}' || line === '};')
    const members = lines.slice(1, end)
    const undocumented = members
      .map((line, i) => ({ line, before: members[i - 1]?.trim() ?? '' }))
      .filter(({ line }) => /^ {4}['\w]/.test(line))
      .filter(({ before }) => !before.endsWith('*/'))
      .map(({ line }) => /'[^']+'|\w+/.exec(line)?.[0])
    expect(members.length, what).toBeGreaterThan(3)
    expect(undocumented, `undocumented ${what}s`).toEqual([])
  })

  test('typechecks a TypeScript project that uses it, and rejects its mistakes', () => {
    const tsc = join(root, 'node_modules/.bin/tsc')
    const run = spawnSync(tsc, ['-p', project], { encoding: 'utf8' })
    // tsc prints each error (an unused @ts-expect-error included) on stdout.
    expect(run.stdout + run.stderr).toBe('')
    expect(run.status).toBe(0)
  })

  // TypeScript before 7 still resolves `node` (node10) as many apps' tsconfig says, reading no
  // exports: the package must name its types where it looks (TypeScript 6, which API Extractor
  // brings, stands for them).
  test("typechecks in a project on TypeScript 6's node10 resolution", () => {
    const extractor = createRequire(join(sdk, 'package.json')).resolve(
      '@microsoft/api-extractor/package.json',
    )
    const typescript6 = createRequire(extractor)
    const tsc = typescript6.resolve('typescript/bin/tsc')
    const older = mkdtempSync(join(project, 'node10-'))
    writeFileSync(
      join(older, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'commonjs',
          moduleResolution: 'node10',
          ignoreDeprecations: '6.0',
          strict: true,
          noEmit: true,
          lib: ['ES2022', 'DOM'],
          types: [],
        },
        files: ['../consumer.ts'],
      }),
    )
    const run = spawnSync(process.execPath, [tsc, '-p', older], { encoding: 'utf8' })
    expect(run.stdout + run.stderr).toBe('')
    expect(run.status).toBe(0)
  })

  test('imports in Node without a window and builds an inert instance there', async () => {
    const module = await import(join(sdk, manifest.publishConfig.exports['.'].default))
    expect(typeof module.init).toBe('function')
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
  })
})

describe('the script tag', () => {
  // What a product team copies is the README's snippet, not dist/stub.js: the two must not drift.
  test("the README's inline stub is the built one", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    const pasted = /<script>(\(\w=>\{.*?)<\/script>/.exec(readme)?.[1]
    expect(pasted).toBe(readFileSync(join(sdk, 'dist/stub.js'), 'utf8').trim())
  })
  // The reason in words is for a developer reading the npm build; every page loads sonde.js.
  test('sonde.js gives targeting reasons as codes only; the npm build keeps their words', () => {
    const script = readFileSync(join(sdk, 'dist/0.1.0/sonde.js'), 'utf8')
    const npm = readFileSync(join(sdk, 'dist/esm/index.js'), 'utf8')
    for (const built of [script, npm]) expect(built).toContain('frequency.recontact')
    expect(script).not.toContain('already shown once')
    expect(npm).toContain('already shown once')
  })
})
