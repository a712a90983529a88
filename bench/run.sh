#!/usr/bin/env bash
# Benchmark dilemmaspil on synthetic decks of 100 and 1,000 cases.
#
# Builds the release binary, generates the decks with bench/make_deck.py in a
# temporary folder, and measures with GNU time (/usr/bin/time, Debian package
# `time`):
#   - `build` (both PDFs) on each deck, 5 runs;
#   - `proof CASE_ID` on each deck, 10 runs, where CASE_ID is the case with
#     the longest challenge plus solution, because long texts take the most
#     steps to fit;
# and reports the median wall time, its range, the median CPU time (user plus
# system) and the max RSS. Other load on the machine raises the wall time
# more than the CPU time, so a high wall time with an unchanged CPU time
# points at the machine rather than the program.
# Each measured command runs once unmeasured first, so that every run reads
# warm files. The generated decks and their output are deleted on exit. Apart
# from cargo's target/ folder, nothing in the repository is written.
#
# Usage: bench/run.sh
set -euo pipefail

readonly BUILD_RUNS=5
readonly PROOF_RUNS=10
readonly SIZES=(100 1000)
# Targets, as documented in BENCHMARKS.md.
readonly BUILD_TARGET_SECONDS=1.5
readonly BUILD_TARGET_MB=500
readonly PROOF_TARGET_SECONDS=0.25

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
binary="$repo/target/release/dilemmaspil"

if [[ ! -x /usr/bin/time ]]; then
    echo "error: /usr/bin/time not found. Install GNU time with \`apt-get install -y time\`." >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs a command RUNS times under GNU time and appends "wall_seconds
# max_rss_kilobytes user_seconds system_seconds" per run to FILE. Stops the script with the command's output if a run fails.
measure() {
    local runs=$1 file=$2
    shift 2
    "$@" >"$work/warmup.log" 2>&1 || fail "$work/warmup.log" "$@"
    for ((run = 1; run <= runs; run++)); do
        /usr/bin/time -f '%e %M %U %S' -a -o "$file" "$@" >"$work/run.log" 2>&1 || fail "$work/run.log" "$@"
    done
}

fail() {
    local log=$1
    shift
    echo "error: \`$*\` failed; its output:" >&2
    cat "$log" >&2
    exit 1
}

# Prints a table row from a file written by measure: the median and range of
# the wall time, the median CPU time, the max RSS in MB (10^6 bytes), and
# whether wall time and RSS are within target.
# An empty max_mb means no memory target.
report() {
    local name=$1 file=$2 max_seconds=$3 max_mb=$4
    python3 - "$name" "$file" "$max_seconds" "$max_mb" <<'EOF'
import statistics
import sys

name, path, max_seconds, max_mb = sys.argv[1:]
rows = [line.split() for line in open(path) if line.strip()]
times = [float(row[0]) for row in rows]
seconds = statistics.median(times)
cpu = statistics.median(float(row[2]) + float(row[3]) for row in rows)
megabytes = max(int(row[1]) for row in rows) * 1024 / 1e6
met = seconds < float(max_seconds) and (not max_mb or megabytes < float(max_mb))
target = f"< {max_seconds} s" + (f", < {max_mb} MB" if max_mb else "")
spread = f"{min(times):.2f}–{max(times):.2f}"
print(f"| {name:<22} | {len(rows):>4} | {seconds:>9.2f} | {spread:>10} | {cpu:>6.2f} | {megabytes:>11.0f} | {target:<18} | {'yes' if met else 'no':<3} |")
EOF
}

echo "building the release binary …" >&2
cargo build --release --quiet --manifest-path "$repo/Cargo.toml"

declare -A proof_case
for size in "${SIZES[@]}"; do
    echo "generating a deck of $size cases …" >&2
    proof_case[$size]=$(python3 "$repo/bench/make_deck.py" "$repo" "$work/deck-$size" "$size")
done

for size in "${SIZES[@]}"; do
    echo "measuring build on $size cases ($BUILD_RUNS runs) …" >&2
    measure "$BUILD_RUNS" "$work/build-$size.txt" "$binary" --project "$work/deck-$size" build
done

for size in "${SIZES[@]}"; do
    echo "measuring proof ${proof_case[$size]} on $size cases ($PROOF_RUNS runs) …" >&2
    measure "$PROOF_RUNS" "$work/proof-$size.txt" "$binary" --project "$work/deck-$size" proof "${proof_case[$size]}"
done

echo
echo "commit $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- src layouts || echo ' with uncommitted changes in src/ or layouts/'), $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p')"
echo
echo "| Measurement            | Runs | Median, s |   Range, s | CPU, s | Max RSS, MB | Target             | Met |"
echo "|------------------------|-----:|----------:|-----------:|-------:|------------:|--------------------|-----|"
# The build targets are set for 1,000 cases, so a smaller deck must meet them too.
for size in "${SIZES[@]}"; do
    report "build, $size cases" "$work/build-$size.txt" "$BUILD_TARGET_SECONDS" "$BUILD_TARGET_MB"
done
for size in "${SIZES[@]}"; do
    report "proof, $size cases" "$work/proof-$size.txt" "$PROOF_TARGET_SECONDS" ""
done
