/**
 * Keeps every IndexedDB connection the page opens from now on, for a test to close under Sonde as
 * Safari does now and then (an app brought back after a while in the background): closed with no
 * `close` event, so that the next transaction on it throws an InvalidStateError ("The database
 * connection is closing"). `undo` puts `indexedDB.open` back.
 */
export function keepConnections() {
  const connections: IDBDatabase[] = []
  const open = IDBFactory.prototype.open
  IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
    const request = open.call(this, name, version)
    request.addEventListener('success', () => connections.push(request.result))
    return request
  }
  return {
    connections,
    /** Closes every connection kept so far; resolves to how many there were. */
    closeAll: () => {
      for (const connection of connections) connection.close()
      return connections.length
    },
    undo: () => {
      IDBFactory.prototype.open = open
    },
  }
}
