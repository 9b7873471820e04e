import type * as z from 'zod/mini'
import { formatIssue, isMissing, noun } from './formatIssue'
import { formatPath } from './formatPath'
import { closestField, unknownFields } from './unknownField'

/** One reason an input was refused: where (`surveys[2].questions[0].scale`) and what was expected. */
export interface ParseError {
  path: string
  message: string
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: ParseError[] }

type Issue = z.core.$ZodIssue
// An unknown field's issue, with the fields its object knows and the field of it each unknown
// one belongs in, if any (noted by `noteFields`).
type Unknown = z.core.$ZodIssueUnrecognizedKeys & {
  fields: string[]
  homes: (string | undefined)[]
}

/** `path: message`, the form used in console errors and reports. */
export function describeError(error: ParseError): string {
  return error.path ? `${error.path}: ${error.message}` : error.message
}

/**
 * Checks `input` against `schema`. Returns the value or every error with its path; never throws,
 * whatever the input (getters that throw, cycles, exotic objects included).
 */
export function parse<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  prefix: readonly PropertyKey[] = [],
): ParseResult<z.infer<S>> {
  try {
    const result = schema.safeParse(input, { reportInput: true, error: noteFields })
    if (result.success) return { ok: true, value: result.data }
    return { ok: false, errors: result.error.issues.flatMap((issue) => explain(issue, prefix)) }
  } catch (cause) {
    const message = `could not be read (${cause instanceof Error ? cause.message : 'unknown'})`
    return { ok: false, errors: [{ path: formatPath(prefix), message }] }
  }
}

// zod leaves the schema out of the issues it returns; its error map sees it, so notes there the
// fields of an object that refused one (and gives no message: the messages are ours).
function noteFields(issue: z.core.$ZodRawIssue): undefined {
  const shape = (issue.inst as { _zod: { def: { shape?: object } } } | undefined)?._zod.def.shape
  if (issue.code !== 'unrecognized_keys') return
  const noted = issue as unknown as Unknown
  const fields = Object.entries(shape ?? {})
  noted.fields = fields.map(([field]) => field)
  // A field written one level too high (a trigger's delaySeconds beside it): the object field,
  // or list of objects, whose fields hold it.
  noted.homes = issue.keys.map(
    (key) => fields.find(([, schema]) => fieldsOf(schema).includes(key))?.[0],
  )
}

type Schema = {
  _zod: { def: { innerType?: Schema; element?: Schema; options?: Schema[]; shape?: object } }
}
// The fields of an object schema, through optional, list and union.
function fieldsOf({ _zod: { def } }: Schema): string[] {
  const inner = def.innerType ?? def.element
  return inner
    ? fieldsOf(inner)
    : def.options
      ? def.options.flatMap(fieldsOf)
      : Object.keys(def.shape ?? {})
}

function explain(issue: Issue, prefix: readonly PropertyKey[]): ParseError[] {
  const path = [...prefix, ...issue.path]
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const alternatives = typeAlternatives(issue.errors)
    if (alternatives) {
      const got = formatIssue({
        ...issue.errors[0]?.[0],
        code: 'invalid_type',
        expected: alternatives,
      } as Issue)
      return [{ path: formatPath(path), message: got }]
    }
    // Report the alternative the author most likely meant: the one whose keys fit best.
    const ranked = [...issue.errors].sort((a, b) => misfit(a) - misfit(b) || a.length - b.length)
    const [best, second] = ranked
    if (best && second && misfit(best) > 0 && misfit(best) === misfit(second)) {
      const tied = ranked.filter((branch) => misfit(branch) === misfit(best))
      // A slip ("evnt") every form refuses, near a field of one: told as such, rather than as a
      // form missing its fields.
      const top = tied.flat().filter((i) => i.code === 'unrecognized_keys' && !i.path.length)
      const known = (top as Unknown[]).flatMap((i) => i.fields)
      const typos = (top.length === tied.length ? (top[0] as Unknown).keys : []).filter(
        (key) => !known.includes(key) && closestField(key, known),
      )
      if (typos.length > 0) return unknownFields(typos, known, path)
      // Each best fit lacks nothing and refuses only the others' fields: several were written.
      const extra = tied.some((b) => missingFields(b).length > 0) ? [] : taken(tied, issue.input)
      const several = extra.length > 1
      const fields = several ? extra : [...new Set(ranked.flatMap(missingFields))]
      if (fields.length > 0) {
        const message = `expected ${several ? 'only ' : ''}one of the fields ${fields.join(', ')}`
        return [{ path: formatPath(path), message }]
      }
    }
    if (best) return best.flatMap((inner) => explain(inner, path))
  }
  if (issue.code === 'unrecognized_keys')
    return unknownFields(issue.keys, (issue as Unknown).fields, path, (issue as Unknown).homes)
  const inner = issue.code === 'invalid_key' ? issue.issues[0] : undefined
  const message = inner ? `invalid key: ${formatIssue(inner)}` : formatIssue(issue)
  return [{ path: formatPath(path), message }]
}

// When every alternative failed on the type of the value itself, "expected string or object".
function typeAlternatives(branches: Issue[][]): string | null {
  const expected: string[] = []
  for (const branch of branches) {
    const only = branch.length === 1 ? branch[0] : undefined
    if (only?.code !== 'invalid_type' || only.path.length > 0) return null
    if (!expected.includes(noun(only.expected))) expected.push(noun(only.expected))
  }
  return expected.join(' or ')
}

function refusedType(issue: Issue): boolean {
  return (
    issue.code === 'invalid_type' ||
    (issue.code === 'invalid_union' && typeAlternatives(issue.errors) !== null)
  )
}

function misfit(branch: Issue[]): number {
  let score = 0
  for (const issue of branch) {
    // A branch that refused the value's very type is the least likely meant (a nested union
    // of types, such as a scalar, refuses it too when each of its own branches did).
    if (issue.path.length === 0 && refusedType(issue)) score += 100
    else if (issue.code === 'unrecognized_keys') score += issue.keys.length
    else if (isMissing(issue)) score += 1
  }
  return score
}

function missingFields(branch: Issue[]): string[] {
  return branch.flatMap((issue) =>
    issue.path.length === 1 && isMissing(issue) ? [String(issue.path[0])] : [],
  )
}

// The fields some branches refused as unknown and another took (a typo every one refuses is
// not among them), in the order the author wrote them.
function taken(branches: Issue[][], input: unknown): string[] {
  const refused = branches
    .flat()
    .flatMap((issue) =>
      issue.code === 'unrecognized_keys' && !issue.path.length ? issue.keys : [],
    )
  return Object.keys(Object(input)).filter((key) => {
    const n = refused.filter((k) => k === key).length
    return n > 0 && n < branches.length
  })
}
