#!/usr/bin/env bash
# Cold start to the first 200 of the home page (docs/perf.md, "Delivery"): starts the site on a data folder, times the
# first 200 of "/", prints it with the process's CPU at that moment (user + system, less sensitive to the machine's
# load than the wall time), and stops it. Run it twice on a new folder: the first run is the fresh database
# (migrations, seed, index), the second the existing one.
# The folder is either a build output (src/Web/bin/Release/net10.0: run from src/Web, as the README's run command does)
# or a published folder (docs/deploy.md's ReadyToRun publish: run from itself, as systemd does, with this repository's
# seed/ as Site__SeedPath).
# Usage: scripts/delivery-cold-start.sh <folder with CchcSite.Web.dll> <data folder> <port>
set -euo pipefail
bin=$(cd "${1:?build output or published folder, e.g. src/Web/bin/Release/net10.0}" && pwd)
data=$(mkdir -p "${2:?data folder}" && cd "$2" && pwd)
port=${3:?port}
seed=$(cd "$(dirname "$0")/../seed" && pwd)
# A publish copies the web root beside the site; a build output serves it from the project.
if [ -d "$bin/wwwroot" ]; then from=$bin; else from=$bin/../../..; fi
start=$(date +%s.%N)
(cd "$from" && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Cchc="Data Source=$data/site.db" Site__MediaPath="$data/media" \
  Site__SeedPath="$seed" Search__IndexPath="$data/index" Site__PublicUrl="http://127.0.0.1:$port" \
  exec dotnet "$bin/CchcSite.Web.dll" --urls "http://127.0.0.1:$port" >"$data/site.log" 2>&1) &
site=$!
# Wait for the socket to listen without starting a process per poll (a curl every 50 ms made an existing database's
# start read about 0.1 s slower on two cores, docs/perf.md): bash reads the kernel's table of listening sockets and
# sleeps on a pipe that never speaks. Kestrel listens while the database setup may still run; the site holds that
# request until it is ready.
hex=$(printf ':%04X' "$port")
listening() {
  local _ local_address _rem state _rest
  while read -r _ local_address _rem state _rest; do
    [[ $local_address == *"$hex" && $state == 0A ]] && return 0
  done < /proc/net/tcp
  return 1
}
exec {never}<> <(:)
until listening; do read -r -t 0.01 -u "$never" || true; done
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true)" = 200 ]; do read -r -t 0.05 -u "$never" || true; done
end=$(date +%s.%N)
cpu=$(awk -v tick="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / tick}' "/proc/$site/stat")
awk -v s="$start" -v e="$end" -v c="$cpu" 'BEGIN {printf "first 200 after %.2f s, process CPU %s s\n", e - s, c}'
kill "$site"; wait "$site" 2>/dev/null || true
