#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL server on 127.0.0.1:$PGPORT
# (Debian's postgresql package), then stops it. Usage: scripts/with-postgres.sh <command…>
set -euo pipefail
PGPORT=${PGPORT:-54329}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || { echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; }
dir=$(mktemp -d /tmp/lintas-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$dir"
as_pg "$bindir/initdb" -D "$dir/data" -U postgres -A trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
cleanup() { as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
export DATABASE_URL="postgresql://postgres@127.0.0.1:$PGPORT/postgres"
# production processes on PostgreSQL refuse to start without one (docs/decisions/0039)
SESSION_SECRET=${SESSION_SECRET:-$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("hex"))')}
export SESSION_SECRET
"$@"
