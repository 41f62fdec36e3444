#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the test suite.
#   scripts/pg-test-cluster.sh start DIR   -> prints postgres://postgres@127.0.0.1:PORT/postgres
#   scripts/pg-test-cluster.sh stop DIR
# Only the URL goes to stdout; all diagnostics go to stderr.
set -uo pipefail

die() { echo "pg-test-cluster: $*" >&2; exit 1; }

[ $# -eq 2 ] || die "usage: $0 start|stop DIR"
cmd=$1
mkdir -p "$2" || die "cannot create $2"
DIR=$(cd "$2" && pwd) || die "cannot resolve $2"

# Highest installed PostgreSQL major version (Debian layout).
initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
[ -n "$initdb" ] || die "no /usr/lib/postgresql/*/bin/initdb found (install the Debian package postgresql)"
bindir=$(dirname "$initdb")

# initdb/postgres refuse to run as root, so as root we run them as the postgres user.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user"
  as_pg() { (cd / && runuser -u postgres -- "$@"); }
else
  as_pg() { (cd / && "$@"); }
fi

case "$cmd" in
  stop)
    [ -d "$DIR/data" ] && as_pg "$bindir/pg_ctl" -D "$DIR/data" -m immediate stop >&2
    exit 0 ;;
  start) ;;
  *) die "unknown command '$cmd' (use start or stop)" ;;
esac

[ ! -e "$DIR/data" ] || die "$DIR/data already exists"
mkdir -p "$DIR/sock"
if [ "$(id -u)" -eq 0 ]; then
  chown -R postgres: "$DIR" || die "cannot chown $DIR to postgres"
  # The postgres user must be able to reach DIR (e.g. not under /root).
  runuser -u postgres -- test -w "$DIR" || die "user postgres cannot write to $DIR; use a directory under /tmp"
fi

# C.UTF-8 gives deterministic collation with UTF-8; fall back if the locale is absent.
if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then loc=(--locale=C.UTF-8); else loc=(--no-locale); fi

as_pg "$bindir/initdb" -D "$DIR/data" -A trust -U postgres --no-sync -E UTF8 "${loc[@]}" >"$DIR/initdb.log" 2>&1 \
  || { tail -n 30 "$DIR/initdb.log" >&2; die "initdb failed (log: $DIR/initdb.log)"; }

# Pick a free port by letting the kernel choose one; retry in case another process grabs it first.
for attempt in 1 2 3; do
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port)+"\n");s.close()})') \
    || die "could not pick a free port with node"
  if as_pg "$bindir/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -t 60 start \
       -o "-c listen_addresses=127.0.0.1 -p $port -k $DIR/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >&2; then
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    exit 0
  fi
  echo "pg-test-cluster: start attempt $attempt on port $port failed" >&2
  as_pg "$bindir/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1
done
echo "---- tail of $DIR/log ----" >&2
tail -n 30 "$DIR/log" >&2 2>/dev/null
die "could not start PostgreSQL ($bindir)"
