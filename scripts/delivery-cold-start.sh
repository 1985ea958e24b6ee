#!/usr/bin/env bash
# Cold start to the first 200 of the home page (docs/perf.md, "Delivery"): starts the site from a build output on a data
# folder, as the README's run command does, times the first 200 of "/", and stops it. Run it twice on a new folder: the
# first run is the fresh database (migrations, seed, index), the second the existing one.
# Usage: scripts/delivery-cold-start.sh <folder with CchcSite.Web.dll> <data folder> <port>
set -euo pipefail
bin=$(cd "${1:?build output, e.g. src/Web/bin/Release/net10.0}" && pwd)
data=$(mkdir -p "${2:?data folder}" && cd "$2" && pwd)
port=${3:?port}
mkdir -p "$data"
start=$(date +%s.%N)
(cd "$bin/../../.." && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Cchc="Data Source=$data/site.db" Site__MediaPath="$data/media" \
  Search__IndexPath="$data/index" Site__PublicUrl="http://127.0.0.1:$port" exec dotnet "$bin/CchcSite.Web.dll" --urls "http://127.0.0.1:$port" \
  >"$data/site.log" 2>&1) &
site=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true)" = 200 ]; do sleep 0.05; done
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN {printf "first 200 after %.2f s\n", e - s}'
kill "$site"; wait "$site" 2>/dev/null || true
