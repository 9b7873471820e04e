// Starts the demo exactly as `npm run demo` wires it — the collector on a fresh embedded
// database and the Acme Reports server in front of it — on the ports the e2e run chose, with no
// seed data, so the full-loop test can count what it answered. Stops both on SIGTERM.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const demoPort = process.env.SONDE_E2E_DEMO_PORT ?? '15173'
const collectorPort = process.env.SONDE_E2E_COLLECTOR_PORT ?? '18787'
const dir = mkdtempSync(join(tmpdir(), 'sonde-demo-e2e-'))

// The demo project, allowed from the port this run serves the demo on.
const projects = JSON.parse(readFileSync(join(root, 'demo/collector/projects.json'), 'utf8'))
for (const project of projects.projects) {
  project.origins = [`http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`]
}
writeFileSync(join(dir, 'projects.json'), JSON.stringify(projects))

const children = [
  spawn(
    'pnpm',
    [
      'exec',
      'tsx',
      'packages/collector/src/cli.ts',
      'start',
      '--port',
      collectorPort,
      '--host',
      '127.0.0.1',
      '--data-dir',
      join(dir, 'db'),
      '--projects',
      join(dir, 'projects.json'),
      '--configs',
      join(root, 'demo/collector/configs'),
    ],
    { cwd: root, stdio: 'inherit' },
  ),
  spawn('node', ['demo/server.mjs'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: demoPort, COLLECTOR: `http://127.0.0.1:${collectorPort}` },
  }),
]
const stop = () => {
  for (const child of children) child.kill('SIGTERM')
  setTimeout(() => process.exit(0), 2_000).unref()
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
