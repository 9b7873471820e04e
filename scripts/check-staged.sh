#!/usr/bin/env bash
# Lints and typechecks exactly what is staged, the way CI will see it: run before `git commit`.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git diff --cached --name-only --diff-filter=ACMR | grep -E '\.(ts|tsx|json|js|mjs|yaml|md|css)$' || true)
[[ -n $files ]] && pnpm exec biome ci --colors=off $files
pnpm exec tsc -b
