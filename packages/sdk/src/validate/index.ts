// The validator chunk (dist/sonde-validate.js): zod and every schema, loaded only when options or
// a config have not been seen valid before, so most pages never download or evaluate it.
export { checkConfig, checkStart, type StartCheck } from './checkStart'
export { type Launch, startChecked } from './startChecked'
