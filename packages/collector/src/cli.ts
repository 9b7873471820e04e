#!/usr/bin/env -S node --import tsx
import { eraseCommand } from './cli/eraseCommand'
import { exportCommand } from './cli/exportCommand'
import { readEraseOptions, readExportOptions, readStartOptions } from './cli/options'
import { start } from './cli/start'

const usage = `sonde-collector: Sonde's reference collector

Usage:
  sonde-collector start  [--port 8787] [--host 0.0.0.0] [--data-dir ./sonde-data]
                         [--projects projects.json] [--configs ./configs] [--trust-proxy]
                         [--database-url postgres://…]
  sonde-collector export [--format csv|ndjson] [--project pk_…] [--survey id]
                         [--from 2026-11-01] [--to 2026-11-30] [--data-dir ./sonde-data]
                         [--database-url postgres://…]
  sonde-collector erase  --project pk_… (--user-id u_42 | --anonymous-id a_42)
                         [--data-dir ./sonde-data] [--database-url postgres://…]
  sonde-collector erase  --project pk_… ([--survey id] [--before 2025-12-01] | --all)
                         [--data-dir ./sonde-data] [--database-url postgres://…]

Storage: PGlite in --data-dir, or PostgreSQL when DATABASE_URL (or --database-url) is set.
Environment: PORT, HOST, DATABASE_URL, SONDE_DATA_DIR, SONDE_PROJECTS, SONDE_CONFIGS,
SONDE_TRUST_PROXY=<proxies appending to X-Forwarded-For>. Configs are <configs>/<project key>.json (default: beside the projects file).
`

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv
  switch (command) {
    case 'start':
      return start(readStartOptions(args, process.env))
    case 'export':
      return exportCommand(readExportOptions(args, process.env))
    case 'erase':
      return eraseCommand(readEraseOptions(args, process.env))
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(usage)
      return
    default:
      throw new Error(`unknown command "${command}"\n\n${usage}`)
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`[sonde-collector] ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
