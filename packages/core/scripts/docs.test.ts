import { readdirSync, readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { audienceSchema } from '../src/schema/audience'
import { configSchema } from '../src/schema/config'
import { parseConfig } from '../src/schema/parseConfig'
import { questionSchema } from '../src/schema/question'
import { surveySchema } from '../src/schema/survey'
import { tourSchema } from '../src/schema/tour'
import { triggerSchema } from '../src/schema/trigger'

// What a product team reads before writing a config: the README's authoring section, the other
// documents, and the example configs they link to. An example Sonde refuses, or a field the
// schema has and no document names, leaves the author to find out from a console error.
const root = new URL('../../../', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), 'utf8')
const documents = [
  'README.md',
  ...readdirSync(new URL('docs/', root))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
]
const readme = read('README.md')
const authoring = readme.slice(
  readme.indexOf('## Authoring surveys and tours'),
  readme.indexOf('\n## ', readme.indexOf('## Authoring surveys and tours') + 1),
)

const ajv = new Ajv2020({ allErrors: true, strict: false })
addFormats.default(ajv)
const editor = ajv.compile(JSON.parse(read('packages/core/schemas/config.json')))

// A fragment is checked where it goes: a whole config, survey, tour, question or trigger, or a
// part of an audience (a trait rule, an event count, a count).
const places = [
  (v: unknown) => configSchema.safeParse(v),
  (v: unknown) => surveySchema.safeParse(v),
  (v: unknown) => tourSchema.safeParse(v),
  (v: unknown) => questionSchema.safeParse(v),
  (v: unknown) => triggerSchema.safeParse(v),
  (v: unknown) => audienceSchema.safeParse(v),
  (v: unknown) => audienceSchema.safeParse({ traits: [v] }),
  (v: unknown) => audienceSchema.safeParse({ events: [v] }),
  (v: unknown) => audienceSchema.safeParse({ pageViews: v }),
  (v: unknown) => questionSchema.safeParse({ id: 'q', type: 'nps', text: 'Why?', next: [v] }),
  (v: unknown) =>
    tourSchema.safeParse({
      id: 't',
      version: 1,
      steps: [{ id: 's', title: 'Hi' }],
      missingTarget: v,
    }),
]

function jsonExamples(text: string): string[] {
  const fenced = [...text.matchAll(/```jsonc?\n([\s\S]*?)```/g)].map((m) => m[1] as string)
  // Inline examples written in JSON (with quoted keys), such as `{ "gte": 3 }`.
  const inline = [...text.matchAll(/`(\{\s*"[^`]*\})`/g)].map((m) => m[1] as string)
  return [...fenced, ...inline]
}

describe('the documents an author reads', () => {
  const examples = documents.flatMap((path) => jsonExamples(read(path)).map((json) => [path, json]))

  it.each(examples)('%s: %s is JSON Sonde accepts', (_, json) => {
    const value = JSON.parse(json as string)
    expect(places.some((check) => check(value).success)).toBe(true)
  })

  const linked = [...authoring.matchAll(/\]\(([^)]+\.json)\)/g)].map((m) => m[1] as string)
  const configs = linked.filter((path) => !path.startsWith('packages/core/schemas'))

  it('link example configs', () => expect(configs.length).toBeGreaterThan(0))

  it.each(configs)('link %s, which Sonde and an editor take whole', (path) => {
    const config = JSON.parse(read(path))
    expect(parseConfig(config).errors).toEqual([])
    expect(editor(config), JSON.stringify(editor.errors)).toBe(true)
  })

  // Each field of config.json, named in a code span of the authoring section.
  const fields = new Set<string>()
  const collect = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    const properties = (node as { properties?: object }).properties
    for (const key of Object.keys(properties ?? {})) fields.add(key)
    for (const value of Object.values(node)) collect(value)
  }
  collect(JSON.parse(read('packages/core/schemas/config.json')))

  const spans = authoring.match(/`[^`]+`/g) ?? []

  it.each([...fields])('name the field %s', (field) => {
    const name = new RegExp(`(^|[^\\w$])${field.replace('$', '\\$')}(\\W|$)`)
    expect(spans.filter((span) => name.test(span.slice(1, -1)))).not.toEqual([])
  })
})
