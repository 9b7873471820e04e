import { createHash } from 'node:crypto'
import type { Plugin } from 'vite'

/** The two halves of `lendModules`: one for the chunks' build, one for sonde.js's, run after it. */
export interface Lending {
  /** Replaces each lent module in the chunks with calls to the copy sonde.js hands over. */
  borrow: Plugin
  /** Fills `src/chunks/lent.ts` in sonde.js with exactly the functions the chunks borrowed. */
  lend: Plugin
}

const BORROWED = '\0sonde-borrowed:'
const LINK = '\0sonde-link'

/**
 * sonde.js is a classic script and the chunks it imports are ES modules of another build, so a
 * module both use would be downloaded twice. Each module in `lent` (package names or paths,
 * resolved from `from`) is left out of the chunks: there it becomes functions that call sonde.js's
 * copy, which the script passes to every chunk it imports (`link(lent)`). Lent modules must
 * export functions only, and sonde.js must use them anyway, or lending would grow it.
 *
 * The loan is stamped (`lent.$`) with the release's `version` (a string sonde.js has already, so
 * it costs it 2 B), or without one a hash of the key table: a chunk refuses, by throwing from
 * `link`, the loan of a script of another release (a CDN serving a cached sonde.js beside newer
 * chunks, or the reverse), whose `lent.<key>` may be another function or none. The script's
 * loader then fails as for a chunk that could not be fetched: one console error, nothing shown.
 */
export function lendModules(
  lent: readonly string[],
  from: string,
  entries: readonly string[],
  version = '',
) {
  // Each lent module's resolved id and exports, in the order of `lent`, and a short key per
  // function that both builds spell `lent.<key>`: fixed by that order alone, so that the same
  // sources always build the same bytes (the SRI hashes depend on it).
  const modules = new Map<string, string[]>()
  const keys = new Map<string, string>()
  const used = new Map<string, Set<string>>()
  const keyOf = (id: string, name: string) => keys.get(`${id}#${name}`) as string
  // What a chunk and the script that links it must agree on.
  let stamp = ''

  const borrow: Plugin = {
    name: 'sonde-borrow',
    enforce: 'pre',
    async buildStart() {
      // Several builds may borrow (each sonde.js lends to): the keys stay those of the first.
      if (modules.size > 0) return
      const table: string[] = []
      for (const spec of lent) {
        const resolved = await this.resolve(spec, from)
        if (!resolved) throw new Error(`lendModules: cannot resolve ${spec}`)
        const exported = (await import(resolved.id)) as Record<string, unknown>
        const names = Object.keys(exported).sort()
        // A borrowed export is a function that calls sonde.js's copy: a value cannot be one.
        const values = names.filter((name) => typeof exported[name] !== 'function')
        if (values.length > 0)
          throw new Error(`lendModules: ${spec} exports ${values.join(', ')}, not functions`)
        modules.set(resolved.id, names)
        for (const name of names) keys.set(`${resolved.id}#${name}`, keys.size.toString(36))
        table.push(`${spec}:${names.join()}`)
      }
      stamp =
        version || createHash('sha256').update(table.join(';')).digest('base64url').slice(0, 6)
    },
    async resolveId(source, importer, options) {
      if (source === LINK) return LINK
      if (!importer || importer.startsWith('\0')) return null
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
      return resolved && modules.has(resolved.id) ? BORROWED + resolved.id : null
    },
    load(id) {
      if (id === LINK) {
        const own = JSON.stringify(stamp)
        const refuse = `throw Error("sonde.js and its chunks are of different builds: "+given.$+" and "+${own})`
        return `export let lent;export function link(given){if(given.$!==${own})${refuse};lent=given}`
      }
      if (!id.startsWith(BORROWED)) return null
      const real = id.slice(BORROWED.length)
      const names = modules.get(real) ?? []
      return [
        `import{lent}from${JSON.stringify(LINK)}`,
        ...names.map(
          (n) => `export const ${n}=(...a)=>lent[${JSON.stringify(keyOf(real, n))}](...a)`,
        ),
      ].join('\n')
    },
    transform(code, id) {
      // Every entry hands `link` to the script, which calls it before using the chunk.
      if (entries.includes(id)) return `${code}\nexport{link}from${JSON.stringify(LINK)}`
      return null
    },
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue
        for (const [id, module] of Object.entries(chunk.modules)) {
          if (!id.startsWith(BORROWED)) continue
          const real = id.slice(BORROWED.length)
          const names = used.get(real) ?? new Set<string>()
          for (const name of module.renderedExports) names.add(name)
          used.set(real, names)
        }
      }
    },
  }

  const lend: Plugin = {
    name: 'sonde-lend',
    load(id) {
      if (!/[\\/]src[\\/]chunks[\\/]lent\.ts$/.test(id)) return null
      // An empty loan would leave every borrowing chunk calling nothing.
      if (modules.size === 0) throw new Error('lendModules: build the chunks (borrow) first')
      const imports: string[] = []
      const fields: string[] = []
      let n = 0
      for (const real of modules.keys()) {
        const names = [...(used.get(real) ?? [])].sort()
        if (names.length === 0) continue
        const local = names.map((name) => [name, `l${n++}`] as const)
        imports.push(
          `import{${local.map(([name, as]) => `${name} as ${as}`).join(',')}}from${JSON.stringify(real)}`,
        )
        for (const [name, as] of local) fields.push(`${JSON.stringify(keyOf(real, name))}:${as}`)
      }
      // `$` is no key of a function: those are base-36 numbers.
      fields.push(`$:${JSON.stringify(stamp)}`)
      return `${imports.join('\n')}\nexport const lent={${fields.join(',')}}`
    },
  }

  return { borrow, lend } satisfies Lending
}
