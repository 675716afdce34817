#!/usr/bin/env bash
# Throughput of `claimex extract` on a large batch, beside `wc -m` on the
# same bytes as the reference.
#
# Builds a corpus of at least 20 MB by repeating corpus/ (one file per copy,
# so the batch runner sees many documents), then times extraction at one
# thread and at all cores. Prints MB/s of wall time and of CPU time; ratios
# measured in the same run are what to quote, since absolute times on a
# shared machine are noisy. At -j 1 the calling thread writes the output
# while the one worker analyses, so wall time can be below CPU time.
#
#   scripts/bench.sh            # 20 MB
#   MB=50 scripts/bench.sh      # another size
#   BASE=old/claimex scripts/bench.sh   # also time another build, same run
#   ONE_FILE=0 scripts/bench.sh # skip the whole batch as one document
set -euo pipefail
cd "$(dirname "$0")/.."
target_mb=${MB:-20}
cargo build --release -q
bin=target/release/claimex
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/batch"
i=0
bytes=0
per_round=$(cat corpus/*.txt | wc -c)
while [ $((bytes)) -lt $((target_mb * 1000 * 1000)) ]; do
    for f in corpus/*.txt; do
        cp "$f" "$work/batch/$(printf '%05d' "$i")_$(basename "$f")"
    done
    i=$((i + 1))
    bytes=$((bytes + per_round))
done
cat "$work"/batch/*.txt > "$work/all.txt"
total=$(wc -c < "$work/all.txt")
cores=$(nproc)

# Run a command 3 times; print "<best wall s> <CPU s of that run>" (CPU is
# user + system of the process and its threads: on a shared machine it
# moves less than the wall time).
best() {
    python3 - "$@" <<'PY'
import resource, subprocess, sys, time
best = None
for _ in range(3):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    if best is None or wall < best[0]:
        best = (wall, cpu)
print(f"{best[0]:.4f} {best[1]:.4f}")
PY
}
rate() { # label, then "wall cpu"
    python3 -c "
import sys
label, wall, cpu = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
mb = $total / 1e6
print(f'{label:<32}{mb / wall:8.1f} MB/s  ({wall:.3f} s wall, {cpu:.3f} s CPU = {mb / cpu:.1f} MB/s per CPU-second)')
" "$1" $2
}

echo "input: $((total / 1000000)) MB in $(ls "$work/batch" | wc -l) files, $cores cores"
rate "wc -m (reference)" "$(best wc -m "$work/all.txt")"
rate "claimex extract -j 1" "$(best "$bin" extract -j 1 "$work/batch")"
rate "claimex extract -j $cores" "$(best "$bin" extract -j "$cores" "$work/batch")"
if [ -n "${BASE:-}" ]; then
    rate "base extract -j 1" "$(best "$BASE" extract -j 1 "$work/batch")"
    rate "base extract -j $cores" "$(best "$BASE" extract -j "$cores" "$work/batch")"
fi
if [ "${ONE_FILE:-1}" != 0 ]; then
    rate "claimex extract -j 1, one file" "$(best "$bin" extract -j 1 "$work/all.txt")"
fi
