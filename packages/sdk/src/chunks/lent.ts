// What sonde.js lends the chunks it imports: scripts/build.ts fills this with the functions the
// chunks borrow from it (scripts/lendModules.ts), so a page downloads each only once, and `$`, the
// release they were built in: a chunk of another refuses the loan. Empty in the npm build, where
// the bundler shares modules itself.
export const lent: Record<string, (...args: never[]) => unknown> = {}
