/**
 * Rejects with a `TimeoutError` when `promise` has not settled within `ms`. With `extend`, a
 * promise that is still pending at `ms` but has shown progress (`extend.when()`) gets until
 * `extend.ms` instead: slow, not hung.
 */
export function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  extend?: { ms: number; when: () => boolean },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const expire = () => reject(new DOMException('timed out', 'TimeoutError'))
    let timer = setTimeout(() => {
      if (extend?.when() && extend.ms > ms) timer = setTimeout(expire, extend.ms - ms)
      else expire()
    }, ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}
