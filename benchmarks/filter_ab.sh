#!/bin/bash
# The filter stage alone at two commits, interleaved, on a gigabyte subset's crawl output (A/B of a filter change).
#
#   bash benchmarks/filter_ab.sh BASE NEW [SIZE] [ROUNDS]      # e.g. b4d5436 main 1GB 2
#
# Needs a clean working tree: it checks out BASE and NEW in turn in this tree (the .venv's editable install runs
# whatever is checked out; the native kernels stay built) and returns to the branch it started on. Each run gets
# its own copy (hard links) of <subset>/out/docs under .bench/filter-ab/<label>/, `lemur-data filter --force` on
# local[2]; prints per run the load average before, the manifest's duration and timings, and the output
# fingerprint (equal fingerprints: the same files, byte for byte). Across a change of the write layout the
# fingerprints differ by design: compare the rows with benchmarks/filter_same_rows.py .bench/filter-ab/{base,new}.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=$1 NEW=$2 SIZE=${3:-1GB} ROUNDS=${4:-2}
test -z "$(git status --porcelain --untracked-files=no)" || { echo "commit or stash your changes first"; exit 1; }
START=$(git rev-parse --abbrev-ref HEAD)
SUBSET=.bench/gigabyte/subsets/$SIZE
trap 'git checkout -q "$START"' EXIT
for label in base new; do
  rm -rf ".bench/filter-ab/$label" && mkdir -p ".bench/filter-ab/$label"
  cp -al "$SUBSET/out/docs" ".bench/filter-ab/$label/"
done
for round in $(seq "$ROUNDS"); do
  for label in base new; do
    commit=$([ $label = base ] && echo "$BASE" || echo "$NEW")
    git checkout -q "$commit"
    echo "$label $(git rev-parse --short HEAD) round $round, $(date -u +%T) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
    .venv/bin/lemur-data filter "$SUBSET/dataset.yaml" --output "$PWD/.bench/filter-ab/$label" --master 'local[2]' --force -q
    .venv/bin/python -c "import json, sys; m = json.load(open(sys.argv[1])); \
print(' ', 'duration_s', m['duration_s'], m['timings'], 'fingerprint', m['fingerprint'][:16])" \
      ".bench/filter-ab/$label/filtered/_manifest.json"
  done
done
