import type { Plugin } from 'vite'

/**
 * What of zod the validator chunk never runs, taken out of its copy (sonde-validate.js only):
 * every zod/mini schema carries methods for the app that holds it (parse, which throws,
 * parseAsync, safeParseAsync, brand, register, apply and `with`, an alias of check) and the
 * Standard Schema surface ("~standard") for libraries that take any schema, and a run of its
 * checks for z.encode (a codec's "backward" direction). The chunk's schemas never leave it: Sonde
 * calls safeParse, check and clone, and nothing else reads them. Then what no Sonde schema
 * reaches: a record keyed by a set of values (an enum's; Sonde's records are keyed by strings),
 * the patterns of unions, literals, optionals, strings, numbers, booleans and null (read by
 * z.templateLiteral alone), the values of objects' fields, unions, optionals, literals and null
 * (read by z.discriminatedUnion, whose place core's tagged() takes), and a ZodError's message and
 * toString (JSON of its issues; Sonde reads the issues); and the checks of a developer's
 * mistakes in making a schema, which Sonde's tests meet with zod whole. Each cut is the exact
 * text of the zod release in the lockfile; another release fails the build here, to be looked
 * at again, rather than ship its code whole or cut wrong.
 */
const cuts: ReadonlyArray<readonly [file: string, text: string, kept: string, times?: number]> = [
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
  [
    '/zod/v4/core/schemas.js',
    `        const values = def.keyType._zod.values;
        if (values && !def.partial) {
`,
    // The branches no longer taken are left to the minifier.
    `        const values = undefined;
        if (false) {
`,
  ],
  // A record's key refused by its key schema is tried again as a number, for a record keyed by
  // numbers (Sonde's are keyed by strings: a key refused as a string is refused as a number),
  // and taken as it is by z.looseRecord, which Sonde has not; a key schema of async checks,
  // which Sonde has not either (its schemas are parsed by safeParse), is refused there too.
  // A record, unlike any other of zod's schemas Sonde uses, is checked for those on each key.
  [
    '/zod/v4/core/schemas.js',
    `                if (keyResult instanceof Promise) {
                    throw new Error("Async schemas not supported in object keys currently");
                }
                // Numeric string fallback: if key is a numeric string and failed, retry with Number(key). This handles z.number(), z.literal([1, 2, 3]), and unions containing numeric literals
                const checkNumericKey = typeof key === "string" && regexes.number.test(key) && keyResult.issues.length;
                if (checkNumericKey) {
                    const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx);
                    if (retryResult instanceof Promise) {
                        throw new Error("Async schemas not supported in object keys currently");
                    }
                    if (retryResult.issues.length === 0) {
                        keyResult = retryResult;
                    }
                }
`,
    '',
  ],
  [
    '/zod/v4/core/schemas.js',
    `                    if (def.mode === "loose") {
                        // Pass through unchanged
                        payload.value[key] = input[key];
                    }
                    else if (values) {
`,
    `                    if (values) {
`,
  ],
  [
    '/zod/v4/core/schemas.js',
    `    util.defineLazyInternal(inst, "pattern", (zod) => {
        if (zod.def.options.every((o) => o._zod.pattern)) {
            const patterns = zod.def.options.map((o) => o._zod.pattern);
            return new RegExp(\`^(\${patterns.map((p) => util.cleanRegex(p.source)).join("|")})$\`);
        }
        return undefined;
    });
`,
    '',
  ],
  [
    '/zod/v4/core/schemas.js',
    `    util.defineLazyInternal(inst, "pattern", (zod) => {
        const vals = zod.def.values;
        // unmatchable fallback, RE2-safe: an empty alternation would compile to /^()$/, which matches ""
        return new RegExp(vals.length
            ? \`^(\${vals
                .map((o) => typeof o === "string" ? util.escapeRegex(o) : o ? util.escapeRegex(o.toString()) : String(o))
                .join("|")})$\`
            : "^[^\\\\s\\\\S]$");
    });
`,
    '',
  ],
  [
    '/zod/v4/core/schemas.js',
    `    util.defineLazyInternal(inst, "pattern", (zod) => {
        const pattern = zod.def.innerType._zod.pattern;
        return pattern ? new RegExp(\`^(\${util.cleanRegex(pattern.source)})?$\`) : undefined;
    });
`,
    '',
  ],
  // And a string's, number's, boolean's and null's own pattern, read by the same alone.
  ['/zod/v4/core/schemas.js', '    inst._zod.pattern = def.pattern ?? regexes.anyString;\n', ''],
  ['/zod/v4/core/schemas.js', '    inst._zod.pattern = regexes.number;\n', ''],
  ['/zod/v4/core/schemas.js', '    inst._zod.pattern = regexes.boolean;\n', ''],
  ['/zod/v4/core/schemas.js', '    inst._zod.pattern = regexes.null;\n', ''],
  [
    '/zod/v4/core/errors.js',
    `    Object.defineProperty(inst, "message", _messageDesc);
    /* \`toString\` lives as a non-enumerable lazy getter on the shared
     * prototype; on first access it caches a per-instance closure so
     * detached usage still works. */
    const proto = Object.getPrototypeOf(inst);
    if (!_installedToString.has(proto)) {
        _installedToString.add(proto);
        Object.defineProperty(proto, "toString", {
            configurable: true,
            enumerable: false,
            get() {
                const value = () => this.message;
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
                return value;
            },
            set(value) {
                Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
            },
        });
    }
`,
    '',
  ],
  // A developer's mistakes, told when a schema is made: a shape's field that is no schema, a
  // message given twice, a schema made without zod's constructor. Sonde's schemas are made the
  // same way on every page, and its tests run them with zod whole, which throws there.
  [
    '/zod/v4/core/schemas.js',
    `    for (const k of allKeys) {
        if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) {
            throw new Error(\`Invalid element at key "\${String(k)}": expected a Zod schema\`);
        }
    }
`,
    '',
  ],
  [
    '/zod/v4/core/util.js',
    `    if (params?.message !== undefined) {
        if (params?.error !== undefined)
            throw new Error("Cannot specify both \`message\` and \`error\` params");
        params.error = params.message;
    }
`,
    `    if (params?.message !== undefined) {
        params.error = params.message;
    }
`,
  ],
  [
    '/zod/v4/mini/schemas.js',
    `    if (!inst._zod)
        throw new Error("Uninitialized schema in ZodMiniType.");
`,
    '',
  ],
  // The values a schema can take, which zod gathers for what tells objects apart by a field
  // (z.discriminatedUnion: each object's fields' values, lazily, through unions and optionals)
  // and for a record keyed by a set of values; Sonde's tagged unions are core's tagged(), which
  // reads its forms' literals itself, and its records are keyed by strings. A discriminated
  // union would find no values here: made in the chunk, it says so.
  [
    '/zod/v4/core/schemas.js',
    `    util.defineLazyInternal(inst, "propValues", (zod) => {
        const shape = zod.def.shape;
        const propValues = {};
        for (const key in shape) {
            const field = shape[key]._zod;
            if (field.values) {
                if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
                    util.assignProp(propValues, key, new Set());
                }
                for (const v of field.values)
                    propValues[key].add(v);
                // An omittable slot reads back as undefined at a discriminator lookup, so it has to claim undefined: two options that can both omit the key are not discriminable on it.
                if (field.optin !== undefined)
                    propValues[key].add(undefined);
            }
        }
        return propValues;
    });
`,
    '',
  ],
  [
    '/zod/v4/core/schemas.js',
    `    util.defineLazyInternal(inst, "values", (zod) => {
        if (zod.def.options.every((o) => o._zod.values)) {
            return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
        }
        return undefined;
    });
`,
    '',
  ],
  [
    '/zod/v4/core/schemas.js',
    `    util.defineLazyInternal(inst, "values", (zod) => {
        const values = zod.def.innerType._zod.values;
        return values ? new Set([...values, undefined]) : undefined;
    });
`,
    '',
  ],
  [
    '/zod/v4/core/schemas.js',
    `    const values = new Set(def.values);
    inst._zod.values = values;
`,
    `    const values = new Set(def.values);
`,
  ],
  ['/zod/v4/core/schemas.js', '    inst._zod.values = new Set([null]);\n', ''],
  [
    '/zod/v4/core/schemas.js',
    `core.$constructor("$ZodDiscriminatedUnion", (inst, def) => {
`,
    `core.$constructor("$ZodDiscriminatedUnion", (inst, def) => {
    throw new Error("trimZod: no discriminated union in the validator chunk: use core's tagged()");
`,
  ],
  // What only z.config({ memoizer }) and z.coerce turn on, neither of which Sonde uses: each
  // array, object and record asks for the memoizer, each string, number and boolean whether it
  // coerces, and each run of checks whether a memoized value skips them.
  [
    '/zod/v4/core/schemas.js',
    'const memo = core.globalConfig.memoizer;',
    'const memo = undefined;',
    7,
  ],
  ['/zod/v4/core/schemas.js', 'if (def.coerce)', 'if (false)', 5],
  [
    '/zod/v4/core/schemas.js',
    `            if (payload.memo)
                return payload;
`,
    '',
  ],
]

/**
 * Cuts `cuts` out of a zod module's code; throws when one is not found there exactly as many
 * times as it was written for (once unless it says).
 */
export function trimZodModule(id: string, code: string): string | null {
  const own = cuts.filter(([file]) => id.replaceAll('\\', '/').endsWith(file))
  if (own.length === 0) return null
  let trimmed = code
  for (const [file, text, kept, times = 1] of own) {
    const parts = trimmed.split(text)
    if (parts.length !== times + 1)
      throw new Error(`trimZod: ${file} is not the zod this cut was written for: look at it again`)
    trimmed = parts.join(kept)
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
