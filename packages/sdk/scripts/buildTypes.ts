// Writes dist/esm/index.d.ts: the npm entry's declarations in one file, with the types it uses
// from @sonde/core and @sonde/ui inlined (the ESM build bundles their code, so the package does
// not depend on them). tsc -b emits per-file declarations; API Extractor rolls them up. It brings
// its own TypeScript (6.x), since TypeScript 7 has no compiler API yet, and reads only .d.ts
// files, so the workspace's source-pointing package.json files are swapped for a staging folder
// where @sonde/core and @sonde/ui resolve to their emitted declarations.
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const packageDir = (name: string) => join(root, 'packages', name)

// Where tsc -b put a package's declarations: its tsconfig's outDir, holding index.d.ts at the top
// or under src/ depending on the project's root.
function declarationsOf(name: string): string {
  const config = JSON.parse(readFileSync(join(packageDir(name), 'tsconfig.json'), 'utf8')) as {
    compilerOptions: { outDir: string }
  }
  const outDir = join(packageDir(name), config.compilerOptions.outDir)
  return existsSync(join(outDir, 'index.d.ts')) ? outDir : join(outDir, 'src')
}

// The folder of an installed package, as `from` (a workspace package) resolves it.
function installed(name: string, from: string): string {
  const require = createRequire(join(packageDir(from), 'package.json'))
  return dirname(require.resolve(`${name}/package.json`))
}

function stagePackage(stage: string, name: string, declarations: string): void {
  const dir = join(stage, 'node_modules', name)
  cpSync(declarations, dir, { recursive: true, filter: (path) => !path.endsWith('.test.d.ts') })
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name, version: '0.0.0', types: 'index.d.ts' }),
  )
}

function link(stage: string, name: string, target: string): void {
  const path = join(stage, 'node_modules', name)
  mkdirSync(dirname(path), { recursive: true })
  symlinkSync(target, path, 'dir')
}

/**
 * Builds the declarations and rolls them up into `${dist}/esm/index.d.ts`, with the script tag's
 * global beside it (`${dist}/esm/global.d.ts`).
 */
export function buildTypes(dist: string): void {
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-b', packageDir('sdk')], { stdio: 'inherit' })
  const stage = mkdtempSync(join(tmpdir(), 'sonde-types-'))
  try {
    cpSync(declarationsOf('sdk'), join(stage, 'src'), {
      recursive: true,
      filter: (path) => !path.endsWith('.test.d.ts'),
    })
    stagePackage(stage, '@sonde/core', declarationsOf('core'))
    stagePackage(stage, '@sonde/ui', declarationsOf('ui'))
    // What the declarations import and the package does not bundle as types.
    link(stage, 'zod', installed('zod', 'core'))
    link(stage, 'preact', installed('preact', 'ui'))
    link(stage, '@floating-ui/dom', installed('@floating-ui/dom', 'ui'))
    const packageJson = join(stage, 'package.json')
    writeFileSync(packageJson, JSON.stringify({ name: '@sonde/sdk', version: '0.0.0' }))
    writeFileSync(
      join(stage, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          strict: true,
          skipLibCheck: true,
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: [],
        },
        files: ['src/index.d.ts'],
      }),
    )
    const config = ExtractorConfig.prepare({
      configObjectFullPath: join(stage, 'api-extractor.json'),
      packageJsonFullPath: packageJson,
      configObject: {
        projectFolder: stage,
        mainEntryPointFilePath: '<projectFolder>/src/index.d.ts',
        bundledPackages: ['@sonde/core', '@sonde/ui'],
        compiler: { tsconfigFilePath: '<projectFolder>/tsconfig.json' },
        apiReport: { enabled: false },
        docModel: { enabled: false },
        tsdocMetadata: { enabled: false },
        dtsRollup: { enabled: true, untrimmedFilePath: join(dist, 'esm/index.d.ts') },
        messages: {
          extractorMessageReporting: {
            default: { logLevel: 'warning' as never },
            // Release tags (@public, @beta) are not how this package marks its API.
            'ae-missing-release-tag': { logLevel: 'none' as never },
          },
        },
      },
    })
    const result = Extractor.invoke(config, {
      localBuild: true,
      messageCallback: (message) => {
        // Core's types are inferred from its zod schemas (`z.infer<typeof surveySchema>`): the
        // schema's declaration comes along, unexported, which is what a consumer needs.
        if (message.messageId === 'ae-forgotten-export' && /"\w+Schema"/.test(message.text)) {
          message.logLevel = 'none' as never
        }
      },
    })
    // A warning is an exported type that names a type the entry does not export: fix it there.
    if (!result.succeeded || result.warningCount > 0) {
      throw new Error(
        `declarations: ${result.errorCount} errors, ${result.warningCount} warnings (above)`,
      )
    }
    // `@sonde/sdk/global`: `window.sonde`'s type, beside the entry whose types it names.
    cpSync(join(stage, 'src/global.d.ts'), join(dist, 'esm/global.d.ts'))
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}
