import { type MangleOptions, minify } from 'terser'
import type { Plugin } from 'vite'

// Preact's private fields (`__k`, `__e`, `__`…: its own mangled names, read by its devtools,
// which Sonde never loads) get one-letter names in the ES chunks, the same in each chunk of a
// build, so Preact, its hooks and its JSX runtime keep agreeing wherever they land: -75 B of
// the shared chunk. Names of DOM properties are never given (terser's domprops), nor longer
// ones such as `__html` (the public dangerouslySetInnerHTML).
// So do the names of Preact's class components (lifecycle methods, setState) and of the hooks of
// its `options` (vnode, diffed…): Sonde writes function components only and sets no option
// hook, yet Preact reads each name on every component or node it renders: 19 long names written
// 48 times in the shared chunk. Given alike in every chunk of a build, a class component there
// would still work. sonde-shared 10,978 -> 10,868 B brotli (with `__source`, `__self` and
// `props`, 10,860 -> 10,832).
const preact = [
  'getDerivedStateFromProps',
  'getDerivedStateFromError',
  'getSnapshotBeforeUpdate',
  'getChildContext',
  'contextType',
  'componentWillMount',
  'componentDidMount',
  'componentWillReceiveProps',
  'shouldComponentUpdate',
  'componentWillUpdate',
  'componentDidUpdate',
  'componentWillUnmount',
  'componentDidCatch',
  'setState',
  'forceUpdate',
  'vnode',
  'diffed',
  'unmount',
  'debounceRendering',
  // Where a vnode was written, for the devtools: set by Preact's JSX in development only.
  '__source',
  '__self',
  // A vnode's and a component's props, which Sonde's components take as their argument.
  'props',
]
// And the props and context of the survey's components that nothing but them names (the ids the
// title and progress give, the radio group's callbacks…), all through sonde-ui: 6,764 -> 6,722 B brotli.
// None is a DOM property or event (`onSelect`, the radio group's other callback, is one), none
// reaches sonde.js, the survey's JSON or the API. The chunks others import are done first, so
// that the entries' own names leave theirs as they are.
const props = [
  'titleId',
  'langOf',
  'progressId',
  'isLast',
  'labelledBy',
  'describedBy',
  'itemClass',
  'onChoose',
  'onEscape',
]
// And the outbox store's own operations, made in sonde-queue and called there, in sonde-shared
// and in sonde-outbox (never stored, never sonde.js's): 6 names written 33 times.
// sonde-queue 3,982 -> 3,948, sonde-outbox 5,153 -> 5,118 B brotli.
const store = ['getMeta', 'setMeta', 'addMeta', 'takeRemoved', 'keepUnsent', 'degraded']

/** The property names the ES chunks give short names (besides Preact's own `__x` fields). */
export const renamedProperties = [...preact, ...props, ...store]

// sonde.js gives short names of its own to the properties of what it makes and reads alone: the
// parts a running Sonde is wired from (createSonde's, the prompter's, the presenter's, the
// consent's, the config watcher's, the call queue's), targeting's compiled items, audience checks
// and results, the visitor's page view and the runtime's config. None is stored, sent, lent, an
// option, a config field, the API's or read by a chunk (the build fails if a chunk names one).
// Terser leaves DOM property names whole (`load`, `stopped`, `skipped`…): none is listed.
// 24 names written 66 times: sonde.js 9,981 -> 9,889 B brotli.
export const scriptProperties = [
  'whenAllowed',
  'onGranted',
  'persistence',
  'validator',
  'onUpdate',
  'lockName',
  'cancelPending',
  'busy',
  'presenter',
  'prompter',
  'flow',
  'calls',
  'guard',
  'settled',
  'onRoute',
  'teardown',
  'arm',
  'cfg',
  'triggerSkip',
  'eligible',
  'holds',
  'verdict',
  'userId',
  'pageView',
]

/**
 * Which of `names` `code` names as a property. sonde.js keeps the chunks' `renamedProperties`
 * whole and the chunks keep its `scriptProperties` whole: a name one side renames and the other
 * names would stop meaning the same thing in both, and only a page would tell.
 */
export function readsRenamed(code: string, names: readonly string[] = renamedProperties): string[] {
  return names.filter((name) => new RegExp(`[.{,]${name}\\b(?![$])`).test(code))
}

/** What one build asks of the pass beyond the rest (the validator's: see build.ts). */
export interface PassOptions {
  /** Hoist function declarations, as for the classic script. */
  hoistFunctions?: boolean
  /** Keep the bundler's names: no second mangling. */
  keepNames?: boolean
  /** Property names to shorten (sonde.js's `scriptProperties`). */
  ownProperties?: readonly string[]
}

/**
 * A second minification of every chunk with terser (four compress passes, safe options only),
 * after the bundler's own: it folds what one pass leaves (inlined constants, merged declarations,
 * shorter conditionals), 2-4% of each file's brotli size. `banner` goes back on top afterwards.
 */
export function terserPass(banner = '', own: PassOptions = {}): Plugin {
  // `cache` is what terser's `nameCache` sets, without the names of variables it would carry too
  // (it would rename each chunk's variables after the others', and grow them).
  const privateFields = {
    regex: new RegExp(`^(__[A-Za-z]?|${renamedProperties.join('|')})$`),
    cache: {},
  }
  // `cache` (terser's, not in its types) fixes the names of top-level bindings.
  const esMangle = (code: string): MangleOptions =>
    ({ properties: privateFields, cache: { props: linkNames(code) } }) as MangleOptions
  return {
    name: 'sonde-terser-pass',
    async generateBundle(options, bundle) {
      const script = options.format === 'iife'
      const chunks = Object.values(bundle).filter((chunk) => chunk.type === 'chunk')
      for (const chunk of chunks.sort((a, b) => Number(a.isEntry) - Number(b.isEntry))) {
        const { code } = await minify(chunk.code, {
          module: options.format === 'es',
          ecma: 2020,
          // Hoisting function declarations (a safe transform, off by default) takes 0.7% off
          // sonde.js, the one IIFE script that matters, but adds 0.4-1.1% to the ES chunks, all
          // but sonde-validate.js, zod's and the schemas' code, which it takes 0.6% off (its
          // build asks for it: 14,471 -> 14,380 B brotli).
          // There, too, a function expression becomes an arrow (the functions terser inlines
          // where they are called once, `(function(e,t){…})(a,b)`): "unsafe" only for one called
          // with `new` or read for its prototype, which none of sonde.js's is, and terser keeps
          // those that read `this` or `arguments` (9,997 -> 9,987 B brotli).
          // And terser's other "unsafe" folds, which assume the built-ins are the browser's:
          // in sonde.js they write a template of one value as a concatenation (`"[sonde] "+e`
          // for `\`[sonde] ${e}\``, the storage prefixes and names, the config's HTTP error),
          // `String(x)` as `x+""` and `new RegExp(x)` as `RegExp(x)`. A concatenation differs
          // only for an object with its own valueOf, and what each joins is a string or a number
          // (a trait rule's value has been checked to be one, an event's name is Sonde's own); a
          // RegExp of a string is a new one, with or without `new` (9,889 -> 9,870 B brotli).
          // Statements are left apart rather than joined by commas (`a(),b()`): the commas cost
          // the parentheses and braces of what they join more than their semicolons, 21 B of
          // sonde.js and 8 B of its brotli size (9,964 -> 9,956), and brotli takes the chunks
          // at 24 B less (sonde-shared 10,954 -> 10,938, sonde-tour 11,330 -> 11,317).
          // In the ES chunks an object's function becomes a method (`b(e){…}` for `b:e=>{…}`, the
          // props and callbacks each component and store hands on): unsafe only for a function
          // called with `new` or read for its prototype, which no arrow can be and none of the
          // chunks' few function expressions is (Preact's options hook, floating-ui's platform,
          // zod's accessors); an arrow that reads `this` stays, and no chunk reads `arguments`.
          // The survey's path 31,692 -> 31,658 B brotli, the tour's 36,524 -> 36,473.
          compress: {
            passes: 4,
            hoist_funs: script || own.hoistFunctions === true,
            unsafe_arrows: script,
            unsafe: script,
            unsafe_methods: !script,
            sequences: false,
          },
          // The validator's build keeps the bundler's names, which brotli takes better there
          // (12,909 -> 12,869 B); elsewhere terser's give about 1% less (sonde-shared 11,115 ->
          // 10,997 B, sonde-tour 11,709 -> 11,607): names between chunks, Preact's fields.
          mangle: own.keepNames
            ? false
            : options.format === 'es'
              ? esMangle(chunk.code)
              : own.ownProperties
                ? { properties: { regex: exactly(own.ownProperties) } }
                : true,
          // Each string keeps the quotes the bundler gave it (double): terser's choice of the
          // fewest escapes put the 25 messages of sonde-validate that quote what they speak of
          // ('such as "fr-CA"', '"**"') in single quotes among a thousand double-quoted strings,
          // which brotli took at 29 B more than the escapes (14,344 -> 14,315 B brotli, 34 B
          // more before it); no other file changes.
          format: { comments: false, quote_style: 3 },
        })
        if (code === undefined) throw new Error(`terserPass: no output for ${chunk.fileName}`)
        chunk.code = banner ? `${banner}\n${code}` : code
      }
    },
  }
}

const exactly = (names: readonly string[]) => new RegExp(`^(${names.join('|')})$`)

const IDENTIFIER = /^[A-Za-z_$][\w$]?$/
const RESERVED = new Set(['do', 'if', 'in'])

/**
 * Top-level names for terser to give (its mangle cache): each binding a chunk imports is named
 * as the chunk that exports it names it, and each it exports as it is exported, where one or two
 * letters, each name once. Mangled apart, every import and export between chunks was spelt twice
 * (`import{A as e}`, `export{on as A}`): sonde-ui.js imports 35 names from the shared chunk, 70 B
 * of its brotli size and as much in the shared chunk's list.
 */
export function linkNames(code: string): Map<string, string> {
  const names = new Map<string, string>()
  const given = new Set<string>()
  const lists = [
    ...code.matchAll(/\bimport\{([^}]*)\}/g),
    ...code.matchAll(/\bexport\{([^}]*)\}(?!from)/g),
  ]
  for (const [clause, list = ''] of lists) {
    for (const spec of list.split(',')) {
      const [a = '', b = a] = spec.trim().split(/\s+as\s+/)
      // `import{A as e}`: e is to be A; `export{on as A}`: on is to be A (a re-export,
      // `export{…}from`, has no binding of its own).
      const [local, wanted] = clause.startsWith('import') ? [b, a] : [a, b]
      if (names.has(local) || given.has(wanted)) continue
      if (!IDENTIFIER.test(wanted) || RESERVED.has(wanted)) continue
      names.set(local, wanted)
      given.add(wanted)
    }
  }
  return names
}
