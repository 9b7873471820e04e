import type { Plugin } from 'vite'

/**
 * What of zod the validator chunk never runs, taken out of its copy (sonde-validate.js only):
 * every zod/mini schema carries methods for the app that holds it (parse, which throws,
 * parseAsync, safeParseAsync, brand, register, apply and `with`, an alias of check) and the
 * Standard Schema surface ("~standard") for libraries that take any schema, and a run of its
 * checks for z.encode (a codec's "backward" direction). The chunk's schemas never leave it: Sonde
 * calls safeParse, check and clone, and nothing else reads them. Each cut is the exact text of
 * the zod release in the lockfile; another release fails the build here, to be looked at again,
 * rather than ship its code whole or cut wrong.
 */
const cuts: ReadonlyArray<readonly [file: string, text: string, kept: string]> = [
  [
    '/zod/v4/mini/schemas.js',
    `    // \`with\` is an alias for \`check\`: the same function object, not a wrapper.
    get with() {
        return this.check;
    },
    set with(value) {
        util.own(this, "with", value);
    },
    parse(data, params) {
        return parse.parse(this, data, params, { callee: this.parse });
    },
    parseAsync(data, params) {
        return parse.parseAsync(this, data, params, { callee: this.parseAsync });
    },
    safeParse(data, params) {
        return parse.safeParse(this, data, params);
    },
    safeParseAsync(data, params) {
        return parse.safeParseAsync(this, data, params);
    },
`,
    `    safeParse(data, params) {
        return parse.safeParse(this, data, params);
    },
`,
  ],
  [
    '/zod/v4/mini/schemas.js',
    `    brand() {
        return this;
    },
    register(reg, meta) {
        reg.add(this, meta);
        return this;
    },
    apply(fn, ...args) {
        return args.length === 0 ? fn(this) : fn(this, ...args);
    },
`,
    '',
  ],
  [
    '/zod/v4/core/schemas.js',
    `}, {
    // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
    get "~standard"() {
        return util.hide(this, "~standard", standardProps(this));
    },
    set "~standard"(value) {
        util.own(this, "~standard", value);
    },
});`,
    '});',
  ],
  [
    '/zod/v4/core/schemas.js',
    `            if (ctx.direction === "backward") {
                // run canary initial pass (no checks)
                const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx, skipChecks: true });
                if (canary instanceof Promise) {
                    return canary.then((canary) => {
                        return handleCanaryResult(canary, payload, ctx);
                    });
                }
                return handleCanaryResult(canary, payload, ctx);
            }
`,
    '',
  ],
]

/** Cuts `cuts` out of a zod module's code; throws when one is not found there exactly once. */
export function trimZodModule(id: string, code: string): string | null {
  const own = cuts.filter(([file]) => id.replaceAll('\\', '/').endsWith(file))
  if (own.length === 0) return null
  let trimmed = code
  for (const [file, text, kept] of own) {
    const at = trimmed.indexOf(text)
    if (at < 0 || trimmed.indexOf(text, at + 1) >= 0)
      throw new Error(`trimZod: ${file} is not the zod this cut was written for: look at it again`)
    trimmed = trimmed.slice(0, at) + kept + trimmed.slice(at + text.length)
  }
  return trimmed
}

/** The validator's build: zod's modules with `cuts` taken out. */
export function trimZod(): Plugin {
  return {
    name: 'sonde-trim-zod',
    transform(code, id) {
      const trimmed = trimZodModule(id, code)
      return trimmed === null ? null : { code: trimmed, map: null }
    },
  }
}
