import { cdp } from 'vitest/browser'

/**
 * Clears the page's IndexedDB as the user does from the browser's settings or DevTools while the
 * page is open (the DevTools protocol's Storage.clearDataForOrigin): Chromium deletes every
 * database and closes each open connection by force, with a `close` event.
 */
export async function clearSiteData(): Promise<void> {
  // The protocol's types come with @vitest/browser-playwright, whose Node types this package's
  // browser tests do not take.
  const session = cdp() as unknown as { send(method: string, params: object): Promise<unknown> }
  await session.send('Storage.clearDataForOrigin', {
    origin: location.origin,
    storageTypes: 'indexeddb',
  })
}
