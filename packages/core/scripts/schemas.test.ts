import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { localizedTextSchema } from '../src/schema/text'
import { urlRuleSchema } from '../src/schema/urlRule'

// The committed files, as editors read them (`schemas:check` keeps them in step with zod).
const published = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../schemas/${name}.json`, import.meta.url), 'utf8'))

interface StringSchema {
  minLength?: number
  pattern?: string
  allOf?: StringSchema[]
}

// Every URL rule field in a published schema: the string schemas of exact, prefix, glob, regex.
function urlFields(node: unknown, found: [string, StringSchema][] = []): [string, StringSchema][] {
  if (Array.isArray(node)) {
    for (const item of node) urlFields(item, found)
  } else if (node && typeof node === 'object') {
    const properties = (node as { properties?: Record<string, StringSchema> }).properties
    const field = properties && Object.keys(properties)
    if (field?.length === 1 && ['exact', 'prefix', 'glob', 'regex'].includes(field[0] as string)) {
      found.push([field[0] as string, properties?.[field[0] as string] as StringSchema])
    }
    for (const value of Object.values(node)) urlFields(value, found)
  }
  return found
}

// What an editor's validator concludes from the keywords these fields use.
function jsonAccepts(schema: StringSchema, value: string): boolean {
  if (value.length < (schema.minLength ?? 0)) return false
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) return false
  return (schema.allOf ?? []).every((part) => jsonAccepts(part, value))
}

describe('published JSON Schemas', () => {
  const fields = ['config', 'survey', 'tour'].flatMap((name) => urlFields(published(name)))

  it('have the URL rules of triggers and audiences', () => {
    // Trigger and audience, of surveys and tours in config.json and in survey.json, tour.json.
    expect(fields.length).toBe(8 * 4)
  })

  // An author's editor must refuse what Sonde then skips with an error, and accept what it runs.
  // (Whether a regex compiles is left to zod: JSON Schema's `format: regex` is checked with the
  // `u` flag, which refuses escapes such as `\-` that Sonde's matcher accepts.)
  it.each([
    ['exact', '/reports'],
    ['exact', '/caf%C3%A9'],
    ['exact', '/café'],
    ['prefix', 'https://app.example.com/reports'],
    ['prefix', 'https://exämple.com/'],
    ['glob', '/статьи/*'],
    ['glob', '/app/**'],
    ['glob', '/search?q=*'],
    ['exact', '/pricing?plan=pro'],
    ['exact', 'https://app.example.com/pricing?plan=pro'],
    ['prefix', '/#/reports'],
    ['prefix', 'https://app.example.com/#/reports'],
    ['regex', '^/reports/\\d+$'],
    ['regex', '^/caf%C3%A9'],
  ])('judge the %s rule %j as zod does', (kind, value) => {
    const zod = urlRuleSchema.safeParse({ [kind]: value }).success
    for (const [field, schema] of fields) {
      if (field === kind) expect(jsonAccepts(schema, value)).toBe(zod)
    }
  })

  // The locale → text maps: every survey and tour text, found by their locale-tag keys.
  const texts = ['config', 'survey', 'tour'].flatMap((name) => textMaps(published(name)))

  it.each([[{ en: 'Hello', 'fr-CA': 'Allô' }], [{}], [{ en: 'Hello', fr: '' }]])(
    'judge the text %j as zod does',
    (value) => {
      expect(texts.length).toBeGreaterThan(0)
      const zod = localizedTextSchema.safeParse(value).success
      for (const schema of texts) expect(jsonAcceptsMap(schema, value)).toBe(zod)
    },
  )
})

interface MapSchema {
  minProperties?: number
  additionalProperties: StringSchema
}

function textMaps(node: unknown, found: MapSchema[] = []): MapSchema[] {
  if (Array.isArray(node)) {
    for (const item of node) textMaps(item, found)
  } else if (node && typeof node === 'object') {
    const keys = (node as { propertyNames?: StringSchema }).propertyNames
    if (keys?.pattern?.startsWith('^[A-Za-z]{2,3}')) found.push(node as MapSchema)
    for (const value of Object.values(node)) textMaps(value, found)
  }
  return found
}

function jsonAcceptsMap(schema: MapSchema, value: Record<string, string>): boolean {
  const entries = Object.values(value)
  return (
    entries.length >= (schema.minProperties ?? 0) &&
    entries.every((text) => jsonAccepts(schema.additionalProperties, text))
  )
}
