# Sourced by the demo and test commands: makes sure pnpm, the dependencies and (when asked for)
# Chromium are here, installing what is missing or saying exactly what is.

need_pnpm() {
  command -v pnpm >/dev/null 2>&1 && return 0
  echo 'pnpm not found: installing pnpm 12 with npm…'
  npm install -g pnpm@12 >/dev/null || { echo 'Could not install pnpm: run `npm install -g pnpm@12`.' >&2; return 1; }
}

need_chromium() {
  local chromium=${SONDE_CHROMIUM:-/usr/bin/chromium}
  [[ -x $chromium ]] && return 0
  if [[ -n ${SONDE_CHROMIUM:-} ]]; then
    echo "SONDE_CHROMIUM points at $chromium, which is not an executable." >&2
    return 1
  fi
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Chromium not found: installing Debian's chromium package…"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null &&
      [[ -x /usr/bin/chromium ]] && return 0
  fi
  echo 'No Chromium found for the browser tests. Install one (Debian: `apt-get install chromium`)' >&2
  echo 'or set SONDE_CHROMIUM to the path of a Chromium or Chrome binary.' >&2
  return 1
}

need_pnpm || return 1
[[ -n ${SONDE_SKIP_BROWSER:-} ]] || need_chromium || return 1
pnpm install --frozen-lockfile --reporter=silent || { echo 'pnpm install failed.' >&2; return 1; }
