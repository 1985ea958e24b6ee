#!/usr/bin/env bash
# Delivery figures of a running site (docs/perf.md, "Delivery"), the rows of issue 16's table: idle CPU, static file
# against cached home throughput and p99 at 128 connections, server CPU per uncached post and per uncached and repeated
# search, the home page's bytes on the wire, and the RSS growth after 10,000 distinct junk query strings spread over every
# public page. CPU is read from /proc/<pid>/stat (user + system ticks) around each wrk run; idle CPU also exactly.
# Usage: scripts/delivery-bench.sh <base url> <pid of the site> [<pid of a reference app>]   (needs wrk, curl, python3)
# A reference app's idle CPU is measured in the same window as the site's: an empty ASP.NET Core app (`dotnet new web`,
# Release, Production) shows the runtime's and Kestrel's own floor on this machine.
# Cold start is timed by scripts/delivery-cold-start.sh.
set -euo pipefail
base=${1:?base url, e.g. http://127.0.0.1:5147}
pid=${2:?pid of the site process}
reference=${3:-}
rss() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$pid/status"; }
ticks() { awk '{print $14 + $15}' "/proc/${1:-$pid}/stat"; }
hz=$(getconf CLK_TCK)
enc='Accept-Encoding: br, gzip'
# Any request with credentials passes the output cache by (ASP.NET's default policy), and the site has no bearer scheme:
# the page is rendered as on a cache miss.
bypass='Authorization: Bearer bench'

# cpu_per_request <label> <wrk arguments...>: server CPU per request over an 8 s run on 4 connections.
cpu_per_request() {
  local label=$1; shift
  local before after out
  before=$(ticks)
  out=$(wrk -t1 -c4 -d8s "$@")
  after=$(ticks)
  awk -v b="$before" -v a="$after" -v hz="$hz" -v label="$label" '/requests in/ {r=$1} /Non-2xx/ {bad=$NF}
    END {printf "%-44s %.2f ms CPU/request (%d requests%s)\n", label, (a-b)/hz*1000/r, r, bad ? ", " bad " not 2xx" : ""}' <<<"$out"
}

home=$(curl -s "$base/")
css=$(grep -o '/_content/[^"]*\.css' <<<"$home" | head -1)
js=$(grep -o '/_content/[^"]*\.js' <<<"$home" | head -1)
post=$(grep -o 'href="/[a-z0-9-]*/tin-tuc/[a-z0-9-]*"' <<<"$home" | head -1 | cut -d'"' -f2)
unit=${post%%/tin-tuc/*}

echo "== warm-up (20 s per measured page: tiered compilation reaches its optimised code only after tens of seconds of load)"
for u in / "$css" "$js" "$post"; do curl -s -o /dev/null -H "$enc" "$base$u"; done
wrk -t2 -c16 -d5s -H "$enc" "$base/" >/dev/null
wrk -t1 -c4 -d20s -H "$bypass" -H "$enc" "$base$post" >/dev/null

echo "== server CPU per request (wrk -t1 -c4 -d8s)"
cpu_per_request "uncached post ($post)" -H "$bypass" -H "$enc" "$base$post"
cpu_per_request "cached post" -H "$enc" "$base$post"
search_lua=$(mktemp --suffix=.lua)
cat >"$search_lua" <<'LUA'
-- A distinct query per request: four words of the seed's vocabulary, the request's number written in base 16 with the
-- words as digits (65,536 queries, each finding posts, so the page renders a full page of results). None is in the
-- result cache: the warm-up counts from 0, the measured run from 40,000, and each runs fewer requests than that.
local words = {"cai", "cach", "hanh", "chinh", "thu", "tuc", "van", "ban", "ke", "hoach", "giao", "duc", "so", "dan", "tinh", "phuong"}
local n = 0
init = function(args) n = tonumber(args[1]) or 0 end
request = function()
  n = n + 1
  local q = {}
  for i = 0, 3 do q[#q + 1] = words[math.floor(n / 16 ^ i) % 16 + 1] end
  return wrk.format(nil, "/tim-kiem?q=" .. table.concat(q, "+"))
end
LUA
wrk -t1 -c4 -d20s -s "$search_lua" -H "$enc" "$base" -- 0 >/dev/null
cpu_per_request "uncached search (a new query each time)" -s "$search_lua" -H "$enc" "$base" -- 40000
rm -f "$search_lua"
cpu_per_request "repeated search (cai cach hanh chinh)" -H "$enc" "$base/tim-kiem?q=cai+cach+hanh+chinh"

echo "== cached home at 128 connections: wrk -t2 -c128 -d8s"
wrk -t2 -c128 -d8s --latency -H "$enc" "$base/" | awk '/Requests\/sec/ {r=$2} /99%/ {p=$2} END {print "home " r " req/s, p99 " p}'

echo "== static file ($css, br) vs cached home (br): wrk -t2 -c64 -d8s"
for u in "$css" / "$css" /; do
  printf '%-60s ' "$u"
  wrk -t2 -c64 -d8s --latency -H "$enc" "$base$u" | awk '/Requests\/sec/ {r=$2} /99%/ {p=$2} END {print r " req/s, p99 " p}'
done

echo "== home on the wire (br, gzip accepted): HTML + CSS + JS"
total=0
for u in / "$css" "$js"; do
  b=$(curl -s -o /dev/null -w '%{size_download}' -H "$enc" "$base$u"); total=$((total + b)); echo "$u $b B"
done
echo "total $total B (plain HTML: $(curl -s -o /dev/null -w '%{size_download}' "$base/") B)"

echo "== RSS after 10,000 distinct junk query strings over every public page"
# Each page with each kind of junk and each encoding once first (requests 0–359): the growth measured after that is the
# junk's, not the first run of a code path (a second round of 10,000 on the same site grew nothing, 5 Dec 2026).
junk_requests() {
python3 - "$base" "$unit" "$post" "$1" "$2" <<'PY'
import sys, urllib.request, concurrent.futures
base, unit, post = sys.argv[1:4]
first, count = int(sys.argv[4]), int(sys.argv[5])
pages = ["/", unit, unit + "/tin-tuc", unit + "/van-ban", post, post + "/in", "/hoi-dap", unit + "/hoi-dap", "/linh-vuc",
         "/api/v1/units", "/api/v1/posts", "/api/v1/questions"]
junk = ["x={}", "trang={}", "utm_source=a{}", "fbclid={}", "trang=abc{}", "trang=0{}"]
def get(i):
    page = pages[i % len(pages)]
    url = f"{base}{page}?{junk[(i // len(pages)) % len(junk)].format(i)}"
    req = urllib.request.Request(url, headers={"Accept-Encoding": ["br, gzip", "gzip", "identity"][i % 3]})
    try:
        with urllib.request.urlopen(req) as r: r.read()
    except urllib.error.HTTPError as e: e.read()
with concurrent.futures.ThreadPoolExecutor(8) as pool: list(pool.map(get, range(first, first + count)))
PY
}
junk_requests 0 360
sleep 2
before=$(rss)
junk_requests 360 10000
sleep 2
echo "RSS before ${before} MB, after $(rss) MB"

# Two windows: just after the burst, and settled. On this virtual machine the same heartbeat, in the same process with the
# same resident memory, costs about twice as much in the first minutes after a burst of requests as five minutes later
# (docs/perf.md, "Idle CPU: the cost of a wake-up decays after a burst"); a site at rest spends the settled figure.
threads_ns() { for t in /proc/"$1"/task/*; do echo "${t##*/} $(cut -d' ' -f1 "$t/schedstat" 2>/dev/null)"; done 2>/dev/null || true; }
exact() { awk 'NR == FNR {b[$1] = $2; next} ($1 in b) && $2 != "" {s += $2 - b[$1]} END {printf "%.2f", s / 1e6 / 120}' "$1" "$2"; }
idle() { awk -v e="$2" -v tb="$3" -v ta="$4" -v hz="$hz" -v who="$1" 'BEGIN {printf "%sidle %.2f ms CPU/s exact, %.2f by ticks\n", who, e, (ta-tb)/hz*1000/120}'; }
# idle_window <label>: 120 s with no request. The exact figure is the kernel's run time of each thread alive at both ends
# of the window (schedstat, nanoseconds: a thread pool worker retiring in the window would take its whole past with it);
# the other, the utime+stime ticks of /proc/<pid>/stat, charged to whoever runs at a tick.
idle_window() {
  local window before_ticks after_ticks reference_before_ticks reference_after_ticks
  window=$(mktemp -d)
  threads_ns "$pid" > "$window/site.before"; before_ticks=$(ticks)
  if [ -n "$reference" ]; then threads_ns "$reference" > "$window/reference.before"; reference_before_ticks=$(ticks "$reference"); fi
  sleep 120
  threads_ns "$pid" > "$window/site.after"; after_ticks=$(ticks)
  if [ -n "$reference" ]; then threads_ns "$reference" > "$window/reference.after"; reference_after_ticks=$(ticks "$reference"); fi
  idle "$1: " "$(exact "$window/site.before" "$window/site.after")" "$before_ticks" "$after_ticks"
  if [ -n "$reference" ]; then
    idle "$1, reference app: " "$(exact "$window/reference.before" "$window/reference.after")" "$reference_before_ticks" "$reference_after_ticks"
  fi
  rm -r "$window"
}
echo "== idle CPU: 120 s windows with no request, 60 s and 6 min after the last one"
sleep 60
idle_window "after the burst (1-3 min)"
sleep 180
idle_window "settled (6-8 min)"
echo "RSS at rest $(rss) MB"
