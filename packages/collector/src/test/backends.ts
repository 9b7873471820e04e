import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Database } from '../db/database'
import { migrate, migrations } from '../db/migrations'
import { createPgliteTemplate, openPglite } from '../db/pglite'
import { openPostgres } from '../db/postgres'

/** A database the API suite runs against. */
export interface Backend {
  name: string
  /** Opens a fresh, migrated database; closing it removes whatever the tests stored. */
  open(): Promise<Database>
}

const url = process.env.SONDE_TEST_DATABASE_URL

/**
 * In-memory PGlite always; a real PostgreSQL too when SONDE_TEST_DATABASE_URL is set (CI starts
 * one with scripts/postgres.sh). Each suite gets its own schema there, so test files can run in
 * parallel on one server.
 */
export const backends: Backend[] = [
  { name: 'pglite', open: openMigratedPglite },
  ...(url ? [{ name: 'postgres', open: () => openTestSchema(url) }] : []),
]

const cacheDir = fileURLToPath(new URL('../../../../node_modules/.cache/sonde/', import.meta.url))

// A fresh PGlite runs initdb (5–10 s on a busy CI machine); loading a migrated copy takes a
// fraction of that. The copy is cached under a name that changes with the migrations.
async function openMigratedPglite(): Promise<Database> {
  const digest = createHash('sha256').update(JSON.stringify(migrations)).digest('hex')
  const path = join(cacheDir, `pglite-template-${digest.slice(0, 16)}.tar`)
  const cached = await readFile(path).catch(() => null)
  const template = cached ? new Blob([new Uint8Array(cached)]) : await createPgliteTemplate()
  if (!cached) {
    // Written then renamed: test files start in parallel and must never read half a file.
    await mkdir(cacheDir, { recursive: true })
    const partial = `${path}.${process.pid}.tmp`
    await writeFile(partial, new Uint8Array(await template.arrayBuffer()))
    await rename(partial, path)
  }
  const db = await openPglite(undefined, { template })
  await migrate(db)
  return db
}

async function openTestSchema(serverUrl: string): Promise<Database> {
  const schema = `sonde_test_${randomBytes(6).toString('hex')}`
  const admin = await openPostgres(serverUrl, { max: 1 })
  await admin.exec(`create schema ${schema}`)
  const db = await openPostgres(serverUrl, { schema, max: 20 })
  await migrate(db)
  return {
    ...db,
    async close() {
      await db.close()
      await admin.exec(`drop schema ${schema} cascade`)
      await admin.close()
    },
  }
}
