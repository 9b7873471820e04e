/**
 * The key, in the outbox's localStorage namespace (`<database>:`), of the shared copy of what
 * pages going away could not be sure were stored (unsentCopy.ts): what sonde.js looks for
 * (hasQueued) and an opt-out removes. Each page's own copy is under `unsent.<page>`.
 */
export const UNSENT = 'unsent'
