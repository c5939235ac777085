#!/usr/bin/env bash
# Make sure headless Chromium (Debian's `chromium` package) is installed; print its path.
# Used by tests/test_report.py (and so by `make test` / .ci/run). Installing needs root and the Debian mirror,
# which CI and the developers' machines have; nothing is downloaded when Chromium is already there.
set -euo pipefail
find_chromium() { command -v chromium || command -v chromium-browser || true; }
bin="$(find_chromium)"
if [ -z "$bin" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
  bin="$(find_chromium)"
fi
[ -n "$bin" ] || { echo "chromium is not installed and could not be installed" >&2; exit 1; }
echo "$bin"
