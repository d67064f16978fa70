#!/usr/bin/env bash
# npm test: typecheck, lint, formatting, unit and integration tests, then the browser journeys
# against the production build.
set -euo pipefail
step() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }
step "prisma generate"; npm run --silent db:generate >/dev/null
step "typecheck"; npm run --silent typecheck
step "lint"; npm run --silent lint
step "format"; npm run --silent format:check
step "unit and integration tests"; npx vitest run
step "production build"; npx remix vite:build >/dev/null
step "browser journeys"; npx vitest run --config vitest.e2e.config.ts
