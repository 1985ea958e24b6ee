#!/usr/bin/env bash
# Contest figures of docs/perf.md ("Contests (issue 19)"): starts the site from a Release build in Production on a new data
# folder (SQLite, or PostgreSQL when Database__Provider=Postgres and ConnectionStrings__Cchc are set), waits for the first
# 200 of the open contest, runs the contest benchmark of tests/Benchmarks (participants who each enter, save two answers,
# submit and submit again), prints the machine's load, and stops the site. The contest writes limit is raised: every
# participant comes from 127.0.0.1.
# Usage: scripts/contest-load.sh <folder with CchcSite.Web.dll> <data folder> <port> [participants] [at once]
#   build first: dotnet build -c Release src/Web && dotnet build -c Release tests/Benchmarks
set -euo pipefail
bin=$(cd "${1:?build output, e.g. src/Web/bin/Release/net10.0}" && pwd)
data=$(mkdir -p "${2:?data folder}" && cd "$2" && pwd)
port=${3:?port}
participants=${4:-2000}
at_once=${5:-50}
root=$(cd "$(dirname "$0")/.." && pwd)
base="http://127.0.0.1:$port"
(cd "$bin/../../.." && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Cchc="${ConnectionStrings__Cchc:-Data Source=$data/site.db}" \
  Site__MediaPath="$data/media" Search__IndexPath="$data/index" Site__PublicUrl="$base" Contests__WritesPerMinute=1000000 \
  exec dotnet "$bin/CchcSite.Web.dll" --urls "$base" >"$data/site.log" 2>&1) &
site=$!
trap 'kill "$site" 2>/dev/null; wait "$site" 2>/dev/null || true' EXIT
for _ in $(seq 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/hoi-thi/tim-hieu-cai-cach-hanh-chinh" || true)" = 200 ] && break
  sleep 0.5
done
echo "== provider: ${Database__Provider:-Sqlite}; $(nproc) cores; before: $(uptime)"
dotnet "$root/tests/Benchmarks/bin/Release/net10.0/CchcSite.Benchmarks.dll" contest "$base" "$participants" "$at_once"
echo "== after: $(uptime)"
grep -c '^fail:' "$data/site.log" | sed 's/^/errors logged by the site: /' || true
