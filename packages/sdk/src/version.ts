/** The version sent in every batch's `sdk` field. */
export const SDK_VERSION = '0.1.0'
