import type { StoredProject } from '../projects/project'

/** A project as the allowances see it: its key, and how many times its data was erased. */
export type ProjectData = Pick<StoredProject, 'key' | 'erasures'>

/**
 * What a collector found stored of each project (its surveys, a survey's questions), so that a
 * batch costs a query only for what was not found yet; forgotten for a project whose data was
 * erased since (its `erasures` changed), some of it being gone: counted anew from the database.
 */
export function createFoundStored<T>(empty: () => T): (project: ProjectData) => T {
  const found = new Map<string, { erasures: number; value: T }>()
  return (project) => {
    const erasures = project.erasures ?? 0
    let entry = found.get(project.key)
    if (entry?.erasures !== erasures) {
      entry = { erasures, value: empty() }
      found.set(project.key, entry)
    }
    return entry.value
  }
}
