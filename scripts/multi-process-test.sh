#!/usr/bin/env bash
# The multi-process test (issue 13): a throw-away PostgreSQL and Redis on free 127.0.0.1 ports,
# then tests/multi/*.test.ts, which start two production processes (server/start.ts) on them.
# Run by .ci/run after the PostgreSQL pass (not by `npm test`). Needs Debian's postgresql and
# redis-server, and a production build (built here when build/ is missing).
set -euo pipefail
cd "$(dirname "$0")/.."

free_port() {
  node -e 'const s = require("node:net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'
}

command -v redis-server >/dev/null || { echo "Redis is not installed (apt-get install -y redis-server)" >&2; exit 1; }
if [ ! -f build/server/index.js ] || [ ! -f build/start/start.mjs ]; then
  echo "No production build: building"
  npx prisma generate >/dev/null
  npx remix vite:build >/dev/null && node scripts/build-server.mjs
fi

REDIS_PORT=$(free_port)
redis_dir=$(mktemp -d /tmp/lintas-redis.XXXXXX)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$redis_dir" \
  --logfile "$redis_dir/log" --daemonize no &
redis_pid=$!
stop_redis() { kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true; rm -rf "$redis_dir"; }
trap stop_redis EXIT
for _ in $(seq 1 50); do
  redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
  sleep 0.1
done
echo "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) on 127.0.0.1:$REDIS_PORT"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT"

PGPORT=${PGPORT:-$(free_port)} scripts/with-postgres.sh npx vitest run --config vitest.multi.config.ts "$@"
