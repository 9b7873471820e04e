// A static server for the end-to-end pages: /sdk/* from packages/sdk/dist, /fixtures/* from
// test/fixtures, everything else from test/e2e/pages. Pages named *.csp.html are served with a
// strict Content-Security-Policy and Trusted Types enforced. __COLLECTOR__ in a page is the demo's
// collector, $COLLECTOR. Port: $PORT (default 4173).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const mounts = [
  ['/sdk/', join(root, 'packages/sdk/dist')],
  ['/fixtures/', join(root, 'test/fixtures')],
  ['/', join(root, 'test/e2e/pages')],
]
const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' }
const csp = [
  "default-src 'self'",
  "script-src 'self' 'nonce-e2e'",
  "style-src 'self' 'nonce-e2e'",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
].join('; ')

createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
  const [prefix, dir] = mounts.find(([p]) => path.startsWith(p)) ?? mounts[2]
  const file = normalize(join(dir, path.slice(prefix.length) || 'index.html'))
  if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end('not found')
    return
  }
  const headers = {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  }
  if (file.endsWith('.csp.html')) headers['content-security-policy'] = csp
  res.writeHead(200, headers)
  if (file.endsWith('.html')) {
    const collector = process.env.COLLECTOR ?? 'http://127.0.0.1:18787'
    res.end(readFileSync(file, 'utf8').replaceAll('__COLLECTOR__', collector))
  } else createReadStream(file).pipe(res)
}).listen(Number(process.env.PORT ?? 4173), '127.0.0.1')
