#!/usr/bin/env bash
# The one command that runs the whole test suite (unit, web and browser tests) on a fresh Debian
# machine that has only the .NET 10 SDK:   bash scripts/test.sh
# Runs everything on SQLite, then the database-facing suites (Content.Tests, Web.Tests) again on a throwaway
# PostgreSQL cluster that it installs and starts itself (scripts/postgres.sh).
# Ends with one line "N passed, M failed[, K skipped]" and exits non-zero if the build or any test failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# No telemetry or first-run banners: the machines reach nothing but the package registries.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# What the run needs from Debian, installed with one apt-get update. The browser tests drive Debian's chromium:
# Playwright's own browser download cannot work here (no internet), so the system package is the browser; DejaVu gives
# it Vietnamese glyphs. ffmpeg transcodes uploaded videos (and makes the small clip the video tests upload). PostgreSQL
# runs the second pass; python3 picks its port and adds up the results.
source scripts/packages.sh
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
install_packages "${missing[@]}"

# The PostgreSQL suites, and the several-node tests in every run, need a server; it is stopped when this script exits,
# whether the tests passed or not, and the run fails with the reason when it cannot start.
source scripts/postgres.sh

# Each test project writes its own TestResults/results.trx; one shared folder would let two projects
# that finish in the same second overwrite each other's file. Old ones go first so none is counted twice.
find tests -path '*/TestResults/results*.trx' -delete

# Keep going after a failure so that the counts below are always printed.
status=0
started=$SECONDS
# The several-node tests always run on PostgreSQL (tests/Web.Tests/Nodes): they run once, in the second pass.
dotnet test CchcSite.sln -c Release --filter "FullyQualifiedName!~CchcSite.Web.Tests.Nodes" --logger "trx;LogFileName=results.trx" || status=$?
sqlite_seconds=$((SECONDS - started))

started=$SECONDS
for project in tests/Content.Tests tests/Web.Tests; do
  CCHC_TEST_DATABASE=Postgres dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=results-postgres.trx" || status=$?
done
postgres_seconds=$((SECONDS - started))
echo "Time: build and every suite on SQLite ${sqlite_seconds} s; Content.Tests and Web.Tests (with the several-node tests) on PostgreSQL ${postgres_seconds} s."

# One .trx per test project; add up their counters. Errors, time-outs and aborts count as failures, and so does a run
# whose summary says "Failed" although every test passed: a test class's cleanup that threw (a site's disposal
# rethrowing a background failure) is recorded only there, and dotnet test still exits 0.
summary="$(python3 - <<'PY'
import glob, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
unclean = []
for trx in glob.glob("tests/*/TestResults/results*.trx"):
    summary = ET.parse(trx).find(".//t:ResultSummary", ns)
    c = summary.find("t:Counters", ns)
    n = lambda name: int(c.get(name, 0))
    passed += n("passed")
    failed += n("failed") + n("error") + n("timeout") + n("aborted")
    skipped += n("notExecuted")
    if summary.get("outcome") in ("Failed", "Error", "Aborted", "Timeout"):
        unclean.append(f"{trx}: {summary.get('outcome')}")
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
for run in unclean:
    print(f"not a clean run (a class cleanup or the test host failed; see its messages): {run}")
PY
)"
if grep -q "^not a clean run" <<<"$summary" && [ "$status" -eq 0 ]; then
  status=1
fi

if [ "$status" -ne 0 ]; then
  echo "dotnet test exited with $status: a build error, a failed test or a crashed test host (see above)."
fi
echo "$summary"
exit "$status"
