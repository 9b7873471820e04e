import * as z from 'zod/mini'

// An object form of a tagged union: its tag field is a literal of one or more values.
type Form = z.ZodMiniObject<{ [field: string]: z.core.$ZodType }>
type Tag = z.core.util.Literal
interface TaggedDef extends z.core.$ZodUnionDef {
  discriminator: string
}

// z.discriminatedUnion's parse, for the unions Sonde writes (each form's tag a literal, no tag
// shared, none optional) and without what zod builds to allow the others (the tag values of any
// object, optional, union or pipe, gathered lazily and merged): a plain union, whose forms are
// told apart by the tag before any is tried. Clones (`check`) are made by this constructor too.
const ZodMiniTagged: z.core.$constructor<z.ZodMiniUnion, TaggedDef> = z.core.$constructor(
  'ZodMiniTagged',
  (inst, def) => {
    const union: z.core.$constructor<z.ZodMiniUnion> = z.ZodMiniUnion
    union.init(inst, def)
    const forms = new Map<unknown, z.core.$ZodType>()
    for (const form of def.options as Form[]) {
      const tag = form._zod.def.shape[def.discriminator] as z.ZodMiniLiteral<Tag>
      for (const value of tag._zod.def.values) forms.set(value, form)
    }
    inst._zod.parse = (payload, ctx) => {
      const input = payload.value
      const object = z.util.isObject(input)
      const form = object && forms.get(input[def.discriminator])
      if (form) return form._zod.run(payload, ctx)
      // The issues zod's own makes: the value is no object, or its tag is none of the forms'.
      payload.issues.push(
        object
          ? {
              code: 'invalid_union',
              errors: [],
              discriminator: def.discriminator,
              options: [...forms.keys()] as Tag[],
              input,
              path: [def.discriminator],
              inst,
            }
          : { code: 'invalid_type', expected: 'object', input, inst },
      )
      return payload
    }
  },
)

/**
 * A union of object forms told apart by the value of one field, their `discriminator` (a
 * question's `type`, a trait rule's `op`), as `z.discriminatedUnion` makes one: an object is
 * checked by the form its tag names alone, and a tag of no form is told with every value the
 * forms take (`expected one of "nps", "rating", …`). Exclusive, as the published schemas say
 * (`oneOf`).
 */
export function tagged<const T extends readonly [Form, ...Form[]]>(
  discriminator: string,
  options: T,
): z.ZodMiniUnion<T> {
  return new ZodMiniTagged({ type: 'union', options, discriminator, inclusive: false }) as never
}
