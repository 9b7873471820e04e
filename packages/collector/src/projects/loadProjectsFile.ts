import { readFile } from 'node:fs/promises'
import { describeJsonError } from '../config/describeJsonError'
import { canonicalOrigin } from './matchOrigin'
import type { Project } from './project'

/**
 * Reads a projects file:
 * `{ "projects": [ { "key", "readKey", "name"?, "origins"?, "revoked"? } ] }`
 * (a bare array is accepted too).
 *
 * @throws Error naming every invalid field (`projects[1].readKey: expected a string`) or the
 *   file that could not be read: a bad projects file must stop the server from starting.
 */
export async function loadProjectsFile(path: string): Promise<Project[]> {
  let input: unknown
  let text = ''
  try {
    text = await readFile(path, 'utf8')
    input = JSON.parse(text)
  } catch (cause) {
    throw new Error(`${path}: ${describeJsonError(text, cause)}`)
  }
  return readProjects(input, path)
}

/** What a project key may be: so no request naming anything else can be one. */
export const projectKeyPattern = /^[A-Za-z0-9_-]{1,128}$/

/** Checks parsed projects-file content; see {@link loadProjectsFile}. */
export function readProjects(input: unknown, source = 'projects'): Project[] {
  const list = Array.isArray(input) ? input : (input as { projects?: unknown } | null)?.projects
  if (!Array.isArray(list)) throw new Error(`${source}: expected { "projects": [...] }`)
  const errors: string[] = []
  const keys = new Set<string>()
  const projects = list.flatMap((item, i) => {
    const project = readProject(item, `projects[${i}]`, errors)
    if (project && keys.has(project.key)) errors.push(`projects[${i}].key: duplicate key`)
    if (project) keys.add(project.key)
    return project ? [project] : []
  })
  if (errors.length > 0) throw new Error(`${source}:\n  ${errors.join('\n  ')}`)
  return projects
}

function readProject(item: unknown, path: string, errors: string[]): Project | null {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    errors.push(`${path}: expected an object`)
    return null
  }
  const fields = item as Record<string, unknown>
  const before = errors.length
  const key = fields.key
  const readKey = fields.readKey
  if (typeof key !== 'string' || !projectKeyPattern.test(key)) {
    errors.push(`${path}.key: expected 1–128 letters, digits, _ or -`)
  }
  if (typeof readKey !== 'string' || readKey.length < 16) {
    errors.push(`${path}.readKey: expected a secret string of at least 16 characters`)
  }
  const origins = fields.origins ?? []
  if (!Array.isArray(origins) || origins.some((origin) => typeof origin !== 'string')) {
    errors.push(`${path}.origins: expected an array of origins`)
  } else {
    // One that no request's Origin can equal (no scheme, a wildcard host) would refuse the
    // site's every batch and config while the server starts as if all were well.
    origins.forEach((origin: string, i) => {
      if (origin !== '*' && origin !== 'null' && canonicalOrigin(origin) === null)
        errors.push(
          `${path}.origins[${i}]: expected an origin such as "https://app.example.com", "*" or "null", got ${JSON.stringify(origin)}`,
        )
    })
  }
  if (fields.name !== undefined && typeof fields.name !== 'string') {
    errors.push(`${path}.name: expected a string`)
  }
  if (fields.revoked !== undefined && typeof fields.revoked !== 'boolean') {
    errors.push(`${path}.revoked: expected true or false`)
  }
  if (errors.length > before) return null
  return {
    key: key as string,
    readKey: readKey as string,
    ...(typeof fields.name === 'string' ? { name: fields.name } : {}),
    origins: origins as string[],
    revoked: fields.revoked === true,
  }
}
