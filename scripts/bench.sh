#!/usr/bin/env bash
# Throughput of `claimex extract` on a large batch, beside `wc -m` on the
# same bytes as the reference.
#
# Builds a corpus of at least 20 MB by repeating corpus/ (one file per copy,
# so the batch runner sees many documents), then times extraction at one
# thread and at all cores. Prints MB/s; ratios measured in the same run are
# what to quote, since absolute times on a shared machine are noisy.
#
#   scripts/bench.sh            # 20 MB
#   MB=50 scripts/bench.sh      # another size
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

secs() { # run a command 3 times, print the best wall time in seconds
    local best=""
    for _ in 1 2 3; do
        local s e
        s=$(date +%s.%N)
        "$@" > /dev/null
        e=$(date +%s.%N)
        best=$(python3 -c "import sys; a=float(sys.argv[1]); b=sys.argv[2]; print(a if b=='' or a<float(b) else b)" "$(python3 -c "print($e-$s)")" "$best")
    done
    echo "$best"
}
rate() { python3 -c "print(f'{$total/1e6/$1:8.1f} MB/s  ({$1:.3f} s)')"; }

echo "input: $((total / 1000000)) MB in $(ls "$work/batch" | wc -l) files, $cores cores"
t=$(secs wc -m "$work/all.txt");                        echo "wc -m (reference)          $(rate "$t")"
t=$(secs "$bin" extract -j 1 "$work/batch");            echo "claimex extract -j 1       $(rate "$t")"
t=$(secs "$bin" extract -j "$cores" "$work/batch");     echo "claimex extract -j $cores       $(rate "$t")"
t=$(secs "$bin" extract -j 1 "$work/all.txt");          echo "claimex extract -j 1, one file $(rate "$t")"
