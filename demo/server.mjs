// The demo host app's own server: serves Acme Reports (public/), Sonde's built files under
// /sonde/, and forwards /v1/* to the collector, so the app and its endpoint share an origin.
// POST /demo/network?down=1 cuts that link (requests fail like a dropped connection) to show
// the outbox holding answers and draining when the link is back.
// Env: PORT (5173), COLLECTOR (http://127.0.0.1:8787).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, request } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))
const publicDir = join(here, 'public')
const sdkDir = join(here, '../packages/sdk/dist')
const collector = new URL(process.env.COLLECTOR ?? 'http://127.0.0.1:8787')
const port = Number(process.env.PORT ?? 5173)
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
}
let networkDown = false

function sendFile(res, file, status = 200) {
  res.writeHead(status, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  })
  createReadStream(file).pipe(res)
}

function sendApp(res) {
  // The inline stub, exactly as a product team pastes it.
  const stub = readFileSync(join(sdkDir, 'stub.js'), 'utf8').trim()
  const html = readFileSync(join(publicDir, 'index.html'), 'utf8').replace(
    '<!--SONDE_STUB-->',
    `<script>${stub}</script>`,
  )
  res.writeHead(200, { 'content-type': types['.html'], 'cache-control': 'no-cache' })
  res.end(html)
}

function forward(req, res) {
  if (networkDown) {
    req.socket.destroy()
    return
  }
  const upstream = request(
    {
      host: collector.hostname,
      port: collector.port,
      path: req.url,
      method: req.method,
      headers: { ...req.headers, host: collector.host },
    },
    (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers)
      reply.pipe(res)
    },
  )
  upstream.on('error', () => {
    res.writeHead(502).end('collector unreachable')
  })
  req.pipe(upstream)
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://demo')
  if (url.pathname.startsWith('/v1/')) return forward(req, res)
  if (url.pathname === '/demo/network') {
    if (req.method === 'POST') networkDown = url.searchParams.get('down') === '1'
    res.writeHead(200, { 'content-type': 'application/json' })
    return res.end(JSON.stringify({ down: networkDown }))
  }
  const [dir, rest] = url.pathname.startsWith('/sonde/')
    ? [sdkDir, url.pathname.slice(7)]
    : [publicDir, url.pathname.slice(1)]
  const file = normalize(join(dir, rest))
  if (file.startsWith(dir) && rest && existsSync(file) && statSync(file).isFile())
    return sendFile(res, file)
  if (extname(url.pathname)) return res.writeHead(404).end('not found')
  return sendApp(res)
})
  // A port already taken (a dev server on 5173) is said in one line, not as a stack trace.
  .on('error', (error) => {
    console.error(`[demo] cannot serve Acme Reports on port ${port}: ${error.message}`)
    process.exit(1)
  })
  .listen(port, '127.0.0.1', () => {
    console.error(
      `[demo] Acme Reports on http://localhost:${port}/ (collector ${collector.origin})`,
    )
  })
