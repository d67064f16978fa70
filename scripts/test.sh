#!/usr/bin/env bash
# npm test: typecheck, lint, formatting, unit and integration tests, then the browser journeys
# against the production build. Each step prints its time; the first failing step stops the run.
set -euo pipefail
cd "$(dirname "$0")/.."

bold=$'\033[1m' red=$'\033[31m' green=$'\033[32m' reset=$'\033[0m'
if [ ! -t 1 ] || [ -n "${NO_COLOR:-}" ]; then bold="" red="" green="" reset=""; fi

started=$SECONDS
summary=()
current=""
step() {
  local name=$1
  shift
  current=$name
  printf '\n%s▶ %s%s\n' "$bold" "$name" "$reset"
  local begin=$SECONDS
  "$@"
  local took=$((SECONDS - begin))
  summary+=("$(printf '  %-28s %4d s' "$name" "$took")")
  printf '%s✓ %s (%d s)%s\n' "$green" "$name" "$took" "$reset"
  current=""
}
# runs a chatty command and shows its output only when it fails
quietly() {
  local log
  log=$(mktemp)
  if "$@" >"$log" 2>&1; then
    rm -f "$log"
  else
    local status=$?
    cat "$log" >&2
    rm -f "$log"
    return "$status"
  fi
}
on_exit() {
  local status=$?
  if [ "$status" -ne 0 ] && [ -n "$current" ]; then
    printf '\n%s✗ npm test failed at step "%s" after %d s%s\n' "$red" "$current" $((SECONDS - started)) "$reset" >&2
  fi
}
trap on_exit EXIT

# the browser journeys need Debian's Chromium: find out in the first second, not after 12 minutes
browser() {
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && return 0
  local install="apt-get update && apt-get install -y chromium"
  if [ "$(id -u)" = 0 ] && [ "${LINTAS_INSTALL_BROWSER:-yes}" != no ] && command -v apt-get >/dev/null; then
    echo "Chromium is missing: installing it with apt-get (root on a Debian machine)"
    if DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; then
      return 0
    fi
  fi
  printf '%sChromium is missing at %s; the browser journeys need it. Install it with:\n  sudo %s%s\n' \
    "$red" "${CHROMIUM_PATH:-/usr/bin/chromium}" "$install" "$reset" >&2
  return 1
}
step "browser (Chromium)" browser
step "prisma generate" quietly npm run --silent db:generate
# the three checks and the production build read the same files and each uses about one core: all
# four side by side (~92 CPU-seconds: 58 s one step after the other, ~48 s together). The build comes
# before the tests: the integration tests that render whole pages load its server build
# (tests/fixtures/app-build.ts: ~2.5 s of CPU a file where a Vite dev server took ~11 s), and the
# journeys serve it. Not beside the tests: on two cores that slowed them more than it saved
# (decision 0052, rounds 9 and 11)
checks_and_build() {
  local dir status=0 name
  dir=$(mktemp -d)
  local -A jobs=()
  npm run --silent typecheck >"$dir/typecheck" 2>&1 &
  jobs[typecheck]=$!
  npm run --silent lint >"$dir/lint" 2>&1 &
  jobs[lint]=$!
  npm run --silent format:check >"$dir/format" 2>&1 &
  jobs[format]=$!
  sh -c "npx remix vite:build && node scripts/build-server.mjs" >"$dir/build" 2>&1 &
  jobs[build]=$!
  for name in typecheck lint format build; do
    wait "${jobs[$name]}" || { cat "$dir/$name" >&2; echo "$name failed" >&2; status=1; }
  done
  rm -rf "$dir"
  return "$status"
}
step "typecheck, lint, format, build" checks_and_build
step "unit and integration tests" npx vitest run
step "browser journeys" npx vitest run --config vitest.e2e.config.ts

printf '\n%sAll steps passed in %d s%s\n' "$bold" $((SECONDS - started)) "$reset"
printf '%s\n' "${summary[@]}"
