import * as z from 'zod/mini'
import { settingsSchema } from './frequency'
import { surveySchema } from './survey'
import { tourSchema } from './tour'

/** A project's surveys and tours: the JSON file product teams author, or the remote config. */
export const configSchema = z.strictObject({
  $schema: z.optional(z.string()),
  settings: z.optional(settingsSchema),
  surveys: z.optional(z.array(surveySchema)),
  tours: z.optional(z.array(tourSchema)),
})

/** A project's surveys, tours and `settings`: what `init({ config })` takes, or its URL serves. */
export type Config = z.infer<typeof configSchema>
