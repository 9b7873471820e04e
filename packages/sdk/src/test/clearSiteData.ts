import { cdp } from 'vitest/browser'

/**
 * Clears the page's IndexedDB as the user does from the browser's settings or DevTools while the
 * page is open (the DevTools protocol's Storage.clearDataForOrigin): Chromium deletes every
 * database and closes each open connection by force, with a `close` event. Resolves once the
 * databases there were are gone.
 */
export async function clearSiteData(): Promise<void> {
  // The protocol answers once the clearing has begun, not ended: an operation after that answer
  // could still open a database about to be deleted and meet a second forced close (a race the
  // full suite lost under load). A connection of the test's own to each database tells when its
  // deletion came: an open after that waits for the delete and opens a database made anew.
  const probes = await Promise.all(
    (await indexedDB.databases()).map(
      ({ name }) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name as string)
          request.onsuccess = () => resolve(request.result)
          request.onerror = () => reject(request.error)
        }),
    ),
  )
  const closed = Promise.all(
    probes.map((db) => new Promise((resolve) => db.addEventListener('close', resolve))),
  )
  // The protocol's types come with @vitest/browser-playwright, whose Node types this package's
  // browser tests do not take.
  const session = cdp() as unknown as { send(method: string, params: object): Promise<unknown> }
  await session.send('Storage.clearDataForOrigin', {
    origin: location.origin,
    storageTypes: 'indexeddb',
  })
  await closed
  // Then the deletions themselves, which Chromium ends after the forced closes: a database opened
  // before they end is closed by force again. Sonde opens nothing while idle, so they are seen
  // gone; 2 s bounds the wait should a timer of Sonde's reopen one at once.
  const names = new Set(probes.map((db) => db.name))
  const until = Date.now() + 2_000
  while (
    Date.now() < until &&
    (await indexedDB.databases()).some(({ name }) => names.has(name as string))
  )
    await new Promise((resolve) => setTimeout(resolve, 5))
}
