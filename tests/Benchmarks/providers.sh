#!/usr/bin/env bash
# The seeded site on SQLite and on PostgreSQL side by side: start-up time (migrate, seed, build the index, first 200)
# and wrk throughput of public pages and uncached API calls, the two providers measured in turn, path by path, twice.
#   bash tests/Benchmarks/providers.sh            (uses $CCHC_TEST_POSTGRES if set, else starts a throwaway cluster)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
repo="$PWD"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
if [ -z "${CCHC_TEST_POSTGRES:-}" ]; then source scripts/postgres.sh; fi

work="$(mktemp -d /tmp/cchc-bench.XXXXXX)"
dotnet publish src/Web -c Release -o "$work/pub" >/dev/null
database="cchc_bench_$$"
psql_conn() { python3 - "$CCHC_TEST_POSTGRES" "$1" <<'PY'
import sys; parts = dict(p.split("=", 1) for p in sys.argv[1].split(";") if p)
print(f"host={parts['Host']} port={parts['Port']} user={parts['Username']} dbname={sys.argv[2]}")
PY
}
psql "$(psql_conn postgres)" -qc "CREATE DATABASE $database" 
pg_conn="${CCHC_TEST_POSTGRES/Database=postgres/Database=$database}"

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; psql "$(psql_conn postgres)" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true; rm -rf "$work"; }
trap cleanup EXIT

# start NAME PORT [settings...]: runs the published site in Production and prints the seconds to its first 200 on /.
start() {
  local name=$1 port=$2; shift 2
  mkdir -p "$work/$name"
  local began=$(date +%s.%N)
  (cd "$work/pub" && exec env ASPNETCORE_ENVIRONMENT=Production Site__PublicUrl=http://127.0.0.1:$port Site__SeedPath="$repo/seed" \
     Site__MediaPath="$work/$name/media" Search__IndexPath="$work/$name/index" "$@" \
     dotnet CchcSite.Web.dll --urls "http://127.0.0.1:$port" >"$work/$name.log" 2>&1) &
  pids+=($!)
  until curl -fso /dev/null "http://127.0.0.1:$port/"; do sleep 0.1; done
  echo "$name: first 200 on / after $(echo "$(date +%s.%N) - $began" | bc) s (fresh database: migrate, seed, index)"
}
start sqlite 5191 ConnectionStrings__Cchc="Data Source=$work/sqlite/cchc.db"
start postgres 5192 Database__Provider=Postgres ConnectionStrings__Cchc="$pg_conn"

paths=(
  "/"
  "/so-gddt-soc-trang"
  "/so-gddt-soc-trang/van-ban/ke-hoach-86-kh-sgddt-cchc-2022"
  "/tim-kiem?q=cai+cach+hanh+chinh"
  "/api/v1/search?q=duong+day+nong"
  "/api/v1/reports/so-gddt-soc-trang?period=Year&year=2022"
)
rate() { wrk -t2 -c16 -d${DURATION:-5}s "$1" | awk '/Requests\/sec/ {print $2}'; }
echo
echo "| path | SQLite req/s (run 1, run 2) | PostgreSQL req/s (run 1, run 2) |"
echo "| --- | --- | --- |"
for path in "${paths[@]}"; do
  curl -fso /dev/null "http://127.0.0.1:5191$path"; curl -fso /dev/null "http://127.0.0.1:5192$path"
  s1=$(rate "http://127.0.0.1:5191$path"); p1=$(rate "http://127.0.0.1:5192$path")
  s2=$(rate "http://127.0.0.1:5191$path"); p2=$(rate "http://127.0.0.1:5192$path")
  echo "| \`$path\` | $s1, $s2 | $p1, $p2 |"
done
