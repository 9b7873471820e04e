import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Takes `<dataDir>/sonde.lock` for this process. PGlite is a single-process database: a second
 * process opening the same directory (an export while the server runs) would corrupt it, so
 * that is refused here with a clear message instead.
 *
 * The file is created exclusively: two processes starting together both found no lock when it
 * was read, then written, and both opened the database.
 *
 * @param pid the process taking the lock (tests).
 * @returns a function that releases the lock.
 * @throws Error when a live process holds the directory.
 */
export async function lockDataDir(
  dataDir: string,
  pid = process.pid,
): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true })
  const path = join(dataDir, 'sonde.lock')
  const release = () => rm(path, { force: true })
  for (let attempt = 0; ; attempt++) {
    const created = await writeFile(path, String(pid), { flag: 'wx' }).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') return false
        throw error
      },
    )
    if (created) return release
    const holder = await readFile(path, 'utf8').catch(() => null)
    // Created but not written yet by the process that holds it, or just released.
    if (holder === null || (holder === '' && attempt < 20)) {
      await new Promise((resolve) => setTimeout(resolve, 25))
      continue
    }
    const holderPid = Number(holder)
    if (holderPid === pid) return release
    if (holderPid > 0 && isAlive(holderPid)) {
      throw new Error(
        `${dataDir} is in use by process ${holderPid}: stop it first, or use PostgreSQL (DATABASE_URL)` +
          ' to run several processes on one database',
      )
    }
    await removeStale(path, holder, pid)
  }
}

// Moved aside before it is removed, so that of two processes finding the same stale lock, the
// second does not delete the lock the first has just taken: what it moved is put back.
async function removeStale(path: string, stale: string, pid: number): Promise<void> {
  const aside = `${path}.${pid}`
  const moved = await rename(path, aside).then(
    () => true,
    () => false,
  )
  if (!moved) return
  if ((await readFile(aside, 'utf8').catch(() => stale)) === stale) await rm(aside, { force: true })
  else await rename(aside, path)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
