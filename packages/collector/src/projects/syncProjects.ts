import type { Queryable } from '../db/database'
import type { Project } from './project'
import { hashSecret } from './secrets'

/**
 * Writes projects (from the projects file) into the database, where every replica reads them.
 * Projects missing from the list are left as they are: set `revoked: true` to shut one out.
 */
export async function syncProjects(db: Queryable, projects: readonly Project[]): Promise<void> {
  for (const project of projects) {
    await db.query(
      `insert into projects (key, name, read_key_sha256, origins, revoked, updated_at)
       values ($1, $2, $3, $4::jsonb, $5, now())
       on conflict (key) do update set name = excluded.name,
         read_key_sha256 = excluded.read_key_sha256, origins = excluded.origins,
         revoked = excluded.revoked, updated_at = now()`,
      [
        project.key,
        project.name ?? null,
        hashSecret(project.readKey),
        JSON.stringify(project.origins),
        project.revoked,
      ],
    )
  }
}
