#!/usr/bin/env bash
# The demo: builds Sonde, starts the reference collector (embedded PostgreSQL in demo/.data,
# the demo project and its surveys and tour), seeds 90 days of answers on first start, and
# serves Acme Reports, a small SaaS app that uses Sonde through its script tag only.
# Ctrl-C stops everything. Ports: SONDE_DEMO_PORT (5173), SONDE_COLLECTOR_PORT (8787);
# SONDE_DEMO_DATA (demo/.data) is where the database lives; SONDE_DEMO_SEED=0 skips the seed;
# SONDE_DEMO_ORIGINS adds origins the collector takes pages from (http://localhost:8000).
set -euo pipefail
cd "$(dirname "$0")/.."
SONDE_SKIP_BROWSER=1 source scripts/setup.sh

demo_port=${SONDE_DEMO_PORT:-5173}
collector_port=${SONDE_COLLECTOR_PORT:-8787}
data=${SONDE_DEMO_DATA:-demo/.data}
# The dashboard asks for both keys.
read -r project_key read_key < <(node -e '
  const [p] = require("./demo/collector/projects.json").projects
  console.log(p.key, p.readKey)')

echo '── building the SDK'
pnpm --filter @sonde/sdk run -s build --no-types

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

echo '── starting the collector'
mkdir -p "$data"
# The demo project, allowed from the origin the app is served on, the origins its file lists, and
# those of SONDE_DEMO_ORIGINS (space-separated: pages of your own with the script tag).
node -e '
  const [file, port, out, extra] = process.argv.slice(1)
  const projects = require(require("path").resolve(file))
  const app = [`http://localhost:${port}`, `http://127.0.0.1:${port}`]
  const own = extra.split(/\s+/).filter(Boolean)
  for (const p of projects.projects) p.origins = [...new Set([...app, ...(p.origins ?? []), ...own])]
  require("fs").writeFileSync(out, JSON.stringify(projects, null, 2))
' demo/collector/projects.json "$demo_port" "$data/projects.json" "${SONDE_DEMO_ORIGINS:-}"
# The seed sends 90 days of answers (some 2,900 responses) from this one address today.
pnpm exec tsx packages/collector/src/cli.ts start --port "$collector_port" --host 127.0.0.1 \
  --data-dir "$data/db" --projects "$data/projects.json" --configs demo/collector/configs \
  --responses-per-network 100000 &
collector=$!
pids+=($collector)
# Up when `url` answers; given up on when process `pid` ends or after `tries` looks `pause` s apart.
wait_up() {
  local url=$1 pid=$2 tries=$3 pause=$4
  for _ in $(seq 1 "$tries"); do
    curl -fs "$url" >/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep "$pause"
  done
  curl -fs "$url" >/dev/null
}
# Waited for as long as it runs (up to 2 minutes): a first start creates the database, which on a
# busy machine takes longer than the 30 s once allowed here.
wait_up "http://127.0.0.1:$collector_port/v1/config?key=pk_demo" "$collector" 240 0.5 ||
  { echo "The collector did not start on port $collector_port; see the lines above (SONDE_COLLECTOR_PORT sets another)." >&2; exit 1; }

if [[ ${SONDE_DEMO_SEED:-1} != 0 && ! -f $data/seeded ]]; then
  echo '── seeding 90 days of answers'
  pnpm exec tsx demo/seed.ts "http://127.0.0.1:$collector_port" && touch "$data/seeded"
fi

PORT=$demo_port COLLECTOR="http://127.0.0.1:$collector_port" node demo/server.mjs &
app=$!
pids+=($app)
# Up when it serves Sonde's files: another server on the port (a dev server on 5173) does not.
wait_up "http://127.0.0.1:$demo_port/sonde/stub.js" "$app" 40 0.25 ||
  { echo "Acme Reports could not be served on port $demo_port: set SONDE_DEMO_PORT to a free one." >&2; exit 1; }
# Absolute: the export runs in packages/collector.
data_dir=$(cd "$data" && pwd)
cat <<MSG

  Acme Reports (the host app):  http://localhost:$demo_port/
  Results dashboard:            http://localhost:$collector_port/dashboard/
  Dashboard project key:        $project_key
  Dashboard read key:           $read_key

  Sign in as Ada (Pro), open a few pages, export a report, close a support ticket.
  "Go offline" cuts the app from the collector: answers wait in the outbox, then drain.

  Surveys: demo/collector/configs/pk_demo.json, served as saved; its errors show here when it
  is next asked for (curl -s 'http://127.0.0.1:$collector_port/v1/config?key=$project_key' asks now).
  A page that has it cached asks again 5 minutes later, a private window at once.
  Ctrl-C stops the demo; then the answers export with
  pnpm --filter @sonde/collector export -- --format csv --data-dir $data_dir/db > answers.csv

MSG
wait
