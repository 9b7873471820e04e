declare const __SONDE_MESSAGES__: boolean | undefined

/**
 * Whether verdicts carry their `message`, the reason in words. The script-tag build defines
 * `__SONDE_MESSAGES__` false and the words leave sonde.js (about 360 B of the 10 KB every page
 * loads): the reason code is the contract, the words are for a developer reading the npm build.
 */
export const EXPLAINED: boolean = typeof __SONDE_MESSAGES__ !== 'boolean' || __SONDE_MESSAGES__
