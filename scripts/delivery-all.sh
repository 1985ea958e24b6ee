#!/usr/bin/env bash
# Every row of issue 16's table in one run (docs/perf.md, "Delivery"): the cold starts (a fresh data folder, then the
# same folder three times more), then the site started again on that folder in Production and
# scripts/delivery-bench.sh against it, with an empty ASP.NET Core app beside it as the idle reference.
# Usage: scripts/delivery-all.sh <published folder> [<reference app's published folder>]
#   published folder: `dotnet publish src/Web -c Release -r linux-x64 --self-contained -o <folder>` (docs/deploy.md)
#   reference app:    `dotnet new web -o /tmp/hello && dotnet publish /tmp/hello -c Release -o /tmp/hello/pub`
# Run it on a quiet machine: the idle and CPU rows measure fractions of a millisecond. Needs wrk, curl and python3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$(cd "${1:?published folder}" && pwd)
reference=${2:-}
data=$(mktemp -d)
port=5147
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$data"' EXIT

echo "== cold start: fresh data folder, then existing (three times)"
for run in fresh existing existing existing; do
  printf '%-9s' "$run"; "$here/delivery-cold-start.sh" "$bin" "$data" "$port"
done

start_site() {
  (cd "$bin" && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Cchc="Data Source=$data/site.db" \
    Site__MediaPath="$data/media" Site__SeedPath="$here/../seed" Search__IndexPath="$data/index" \
    Site__PublicUrl="http://127.0.0.1:$port" exec dotnet CchcSite.Web.dll --urls "http://127.0.0.1:$port" >>"$data/site.log" 2>&1) &
  site=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz/ready" || true)" = 200 ]; do sleep 0.2; done
}
# What the seed has still to do: its later parts and the surveys' and contests' sample data.
seed_left() {
  python3 -c 'import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); print(sum(db.execute(q).fetchone()[0] for q in (
    "select count(*) from PendingSeedStages", "select count(*) from Surveys where SampleDataPending",
    "select count(*) from Contests where SampleDataPending")))' "$data/site.db"
}
# The cold starts stop each process at its first 200, before the seed's later parts and sample data are in (they follow
# the first answer). A production node seeds once, at installation, and restarts on a complete database, and a process
# that seeded keeps that work's code and memory (docs/perf.md, "Idle CPU and resident memory"): one process finishes the
# seed and stops, and the bench runs on a new one.
start_site
until [ "$(seed_left)" = 0 ]; do sleep 1; done
kill "$site"; wait "$site" 2>/dev/null || true
echo "== the seed finished by a process of its own; the bench on a new process"
start_site

reference_pid=
if [ -n "$reference" ]; then
  dll=$(cd "$reference" && ls ./*.runtimeconfig.json | head -1 | sed 's/\.runtimeconfig\.json$/.dll/')
  (cd "$reference" && ASPNETCORE_ENVIRONMENT=Production exec dotnet "$dll" --urls http://127.0.0.1:$((port + 1)) >/dev/null 2>&1) &
  reference_pid=$!
fi
"$here/delivery-bench.sh" "http://127.0.0.1:$port" "$site" $reference_pid
