#!/usr/bin/env -S node --import tsx
import { eraseCommand } from './cli/eraseCommand'
import { exportCommand } from './cli/exportCommand'
import { readEraseOptions, readExportOptions, readStartOptions } from './cli/options'
import { start } from './cli/start'
import { usage } from './cli/usage'

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
