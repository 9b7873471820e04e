// The collector bench's HTTP: requests on a keep-alive agent, and latencies of GET requests.
import { Agent, request } from 'node:http'

/** Sends a request (a POST when there is a body); resolves with its status and text. */
export function send(agent: Agent, url: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(url, { method: body ? 'POST' : 'GET', headers, agent }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * GETs `paths` in turn, one request at a time, `warmUp` then `runs` of them; returns the
 * latencies of the runs in ms, sorted. A reply other than 200 throws.
 */
export async function latencies(
  base: string,
  paths: readonly string[],
  readKey: string,
  warmUp: number,
  runs: number,
): Promise<number[]> {
  const headers = { authorization: `Bearer ${readKey}` }
  const agent = new Agent({ keepAlive: true })
  const times: number[] = []
  for (let i = 0; i < warmUp + runs; i++) {
    const start = performance.now()
    const res = await send(agent, `${base}${paths[i % paths.length]}`, headers)
    if (res.status !== 200) throw new Error(`${paths[i % paths.length]}: ${res.status} ${res.text}`)
    if (i >= warmUp) times.push(performance.now() - start)
  }
  agent.destroy()
  return times.sort((a, b) => a - b)
}

/** The `q` quantile of sorted times. */
export const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
