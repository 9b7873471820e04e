/** What `sonde-collector --help` prints: the README's CLI section shows the same commands. */
export const usage = `sonde-collector: Sonde's reference collector

Usage:
  sonde-collector start  [--port 8787] [--host 0.0.0.0] [--data-dir ./sonde-data]
                         [--projects projects.json] [--configs ./configs] [--trust-proxy]
                         [--responses-per-network 2000] [--database-url postgres://…]
  sonde-collector export [--format csv|ndjson] [--project pk_…] [--survey id]
                         [--from 2026-11-01] [--to 2026-11-30] [--data-dir ./sonde-data]
                         [--database-url postgres://…]
  sonde-collector erase  --project pk_… (--user-id u_42 | --anonymous-id a_42)
                         [--data-dir ./sonde-data] [--database-url postgres://…]
  sonde-collector erase  --project pk_… ([--survey id] [--before 2025-12-01] | --all)
                         [--data-dir ./sonde-data] [--database-url postgres://…]

Storage: PGlite in --data-dir, or PostgreSQL when DATABASE_URL (or --database-url) is set.
Environment: PORT, HOST, DATABASE_URL, SONDE_DATA_DIR, SONDE_PROJECTS, SONDE_CONFIGS,
SONDE_TRUST_PROXY=<proxies appending to X-Forwarded-For>, SONDE_RESPONSES_PER_NETWORK=<new
responses a client network may start per project and UTC day> (flags win). Configs are <configs>/<project key>.json (default: beside the projects file).
`
