/**
 * Deletes the IndexedDB database `name` as a host's logout does, resolving to how it ended within
 * 2 s: a delete waits for every open connection to close, so one Sonde keeps open would hold it
 * (and the logout awaiting it) as long as the page lives.
 */
export const deleteDatabase = (name: string) =>
  new Promise<'deleted' | 'failed' | 'still pending'>((resolve) => {
    const request = indexedDB.deleteDatabase(name)
    request.onsuccess = () => resolve('deleted')
    request.onerror = () => resolve('failed')
    setTimeout(() => resolve('still pending'), 2_000)
  })
