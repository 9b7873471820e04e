import { fileURLToPath } from 'node:url'

// Modules sonde.js has anyway, which the chunks borrow from it instead of bringing a copy (see
// lendModules), resolved from `lentFrom`. Shared by the build and by the tests that link a built
// chunk in Node (validateBuilt.test.ts), which must hand it the loan sonde.js would.
export const lentFrom = fileURLToPath(new URL('../src/script.ts', import.meta.url))

export const lentModules = [
  'idb-keyval',
  './uuidv7',
  './delivery/withTimeout',
  './delivery/openChannel',
  './delivery/hasQueued',
  './delivery/storeName',
  './config/hashText',
  './runtime/createInertSonde',
  './runtime/createLogger',
  './runtime/safe',
  // Where they compress best: each key follows from this order, and moving the others' keys
  // moves bytes in every chunk (measured: all of them at or under their size without these).
  './runtime/openIdbStore',
  './runtime/keyval',
  '../../core/src/targeting/fnv1a',
  '../../core/src/targeting/compileUrlRule',
  '../../core/src/targeting/readOwn',
  '../../core/src/targeting/historyKey',
  './context/keyValue',
  // The validator reads options back from their key (startChecked) as sonde.js does (start).
  './config/optionsKey',
]
