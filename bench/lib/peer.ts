// Where the peers' files are: the versions pinned in bench/package.json, read offline.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** A peer package's folder, with a trailing slash. */
export const peer = (name: string) =>
  fileURLToPath(new URL(`../node_modules/${name}/`, import.meta.url))

export function versionOf(dir: string): string {
  return (JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as { version: string }).version
}

// PostHog's snippet (and dist/loader.js) inject <asset host>/static/array.js; array.js then
// fetches the surveys extension as /static/surveys.js (loadExternalDependency(…, 'surveys')).
export const POSTHOG_SURVEY_FILES = ['dist/array.js', 'dist/surveys.js']
