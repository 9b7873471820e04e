import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Takes `<dataDir>/sonde.lock` for this process. PGlite is a single-process database: a second
 * process opening the same directory (an export while the server runs) would corrupt it, so
 * that is refused here with a clear message instead.
 *
 * @returns a function that releases the lock.
 * @throws Error when a live process holds the directory.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true })
  const path = join(dataDir, 'sonde.lock')
  const holder = Number(await readFile(path, 'utf8').catch(() => ''))
  if (holder > 0 && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `${dataDir} is in use by process ${holder}: stop it first, or use PostgreSQL (DATABASE_URL)` +
        ' to run several processes on one database',
    )
  }
  await writeFile(path, String(process.pid))
  return () => rm(path, { force: true })
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
