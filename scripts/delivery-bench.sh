#!/usr/bin/env bash
# Delivery figures of a running site (docs/perf.md, "Delivery"): static file against cached home throughput, the home
# page's bytes on the wire, and the RSS growth after 10,000 distinct junk query strings spread over every public page.
# Usage: scripts/delivery-bench.sh <base url> <pid of the site>   (needs wrk, curl, python3)
set -euo pipefail
base=${1:?base url, e.g. http://127.0.0.1:5147}
pid=${2:?pid of the site process}
rss() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$pid/status"; }
enc='Accept-Encoding: br, gzip'

home=$(curl -s "$base/")
css=$(grep -o '/_content/[^"]*\.css' <<<"$home" | head -1)
js=$(grep -o '/_content/[^"]*\.js' <<<"$home" | head -1)
post=$(grep -o 'href="/[a-z0-9-]*/tin-tuc/[a-z0-9-]*"' <<<"$home" | head -1 | cut -d'"' -f2)
unit=${post%%/tin-tuc/*}

echo "== warm-up"
for u in / "$css" "$js" "$post"; do curl -s -o /dev/null -H "$enc" "$base$u"; done
wrk -t2 -c16 -d3s -H "$enc" "$base/" >/dev/null

echo "== static file ($css, br) vs cached home (br): wrk -t2 -c64 -d8s"
for u in "$css" / "$css" /; do
  printf '%-60s ' "$u"
  wrk -t2 -c64 -d8s --latency -H "$enc" "$base$u" | awk '/Requests\/sec/ {r=$2} /99%/ {p=$2} END {print r " req/s, p99 " p}'
done

echo "== home on the wire (br): HTML + CSS + JS"
total=0
for u in / "$css" "$js"; do
  b=$(curl -s -o /dev/null -w '%{size_download}' -H "$enc" "$base$u"); total=$((total + b)); echo "$u $b B"
done
echo "total $total B (plain HTML: $(curl -s -o /dev/null -w '%{size_download}' "$base/") B)"

echo "== RSS after 10,000 distinct junk query strings over every public page"
before=$(rss)
python3 - "$base" "$unit" "$post" <<'PY'
import sys, urllib.request, concurrent.futures
base, unit, post = sys.argv[1:]
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
with concurrent.futures.ThreadPoolExecutor(8) as pool: list(pool.map(get, range(10000)))
PY
sleep 2
echo "RSS before ${before} MB, after $(rss) MB"
