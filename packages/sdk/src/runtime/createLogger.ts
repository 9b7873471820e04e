/** Console output of Sonde, always prefixed `[sonde]`; `debug` lines only when asked for. */
export interface Logger {
  debug(message: string, ...details: unknown[]): void
  error(message: string, ...details: unknown[]): void
}

export function createLogger(
  debug: boolean,
  sink: Pick<Console, 'debug' | 'error'> = console,
): Logger {
  return {
    // `import.meta.env.DEV` would strip this from production builds, but a host debugging its
    // integration needs it in production too: it stays, behind the flag.
    debug: (message, ...details) => {
      if (debug) sink.debug(`[sonde] ${message}`, ...details)
    },
    error: (message, ...details) => sink.error(`[sonde] ${message}`, ...details),
  }
}
