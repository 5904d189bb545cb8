#!/usr/bin/env bash
# Runs every test: installs prerequisites if needed, builds with warnings as errors, runs the
# test projects (integration tests start their own PostgreSQL unless CRMSYNC_TEST_POSTGRES is set).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

./scripts/setup.sh
dotnet build CrmSync.sln -c Release -warnaserror --nologo -v quiet -clp:Summary

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test CrmSync.sln -c Release --no-build --nologo 2>&1 | tee "$log" || status=$?

# One closing line over all test projects.
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
