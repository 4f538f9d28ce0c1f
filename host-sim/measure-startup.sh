#!/usr/bin/env bash
# Startup time of procnano-sim to its first prompt, over N runs.
#
#   host-sim/measure-startup.sh [-n RUNS] [-c Debug|Release] [--bare] [--publish jit|r2r|aot]
#
# --publish: jit (default) runs the built dll with `dotnet`; r2r publishes a self-contained ReadyToRun build, aot a
# Native AOT binary (needs clang and zlib1g-dev), into a temporary folder, and measures that (always Release).
#
# Per run (one process, `echo exit | procnano-sim -i --timing`):
#  - "to prompt, outside": from just before the process is started until "nsh> " arrives on its stdout pipe;
#    what a user waits for (runtime start, kernel boot, boot script, first prompt).
#  - the simulator's own --timing report: kernel boot and first prompt (Stopwatch from Main), and first prompt
#    from the process's start time as the OS records it.
# Then "wall": `procnano-sim -c exit`, start to exit, with hyperfine when it is installed, else a loop with
# date +%s%N.
# Runs in a fresh temporary folder (its own ./flash-sim), with the build in host-sim/bin/CONFIG (built first).
# The machine's load shows in the numbers: compare medians, and run it on a quiet machine.
set -euo pipefail

runs=10
config=Debug
bare=()
publish=jit
while [ $# -gt 0 ]; do
    case "$1" in
        -n) runs="$2"; shift 2 ;;
        -c) config="$2"; shift 2 ;;
        --bare) bare=(--bare); shift ;;
        --publish) publish="$2"; shift 2 ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "measure-startup: unknown option '$1'" >&2; exit 2 ;;
    esac
done

here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
case "$publish" in
    jit)
        dotnet build "$here" -c "$config" -v q -nologo >/dev/null
        sim=(dotnet "$here/bin/$config/net10.0/procnano-sim.dll") ;;
    r2r|aot)
        config=Release
        if [ "$publish" = r2r ]; then flags=(--self-contained -p:PublishReadyToRun=true); else flags=(-p:PublishAot=true); fi
        dotnet publish "$here" -c Release -r linux-x64 "${flags[@]}" -o "$work/out" -v q -nologo >/dev/null
        sim=("$work/out/procnano-sim") ;;
    *) echo "measure-startup: --publish is jit, r2r or aot" >&2; exit 2 ;;
esac
mkdir "$work/run"
cd "$work/run"

# One warm-up run: the first start after a build also pays for disk caches.
"${sim[@]}" "${bare[@]}" -c exit >/dev/null

# stats: min / median / mean / max of the numbers on stdin (one per line).
stats() {
    sort -n | awk '{ v[NR] = $1; s += $1 } END {
        if (NR == 0) { print "no samples"; exit }
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "min %d  median %d  mean %.0f  max %d ms (%d runs)\n", v[1], m, s / NR, v[NR], NR }'
}

echo "procnano-sim startup, $publish $config build, ${bare[*]:-with boot script}, $(nproc) cores"
: >"$work/outside.txt"
: >"$work/boot.txt"
: >"$work/main.txt"
: >"$work/start.txt"
for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N)
    # The prompt is written before stdin is read, so "exit" may be waiting already.
    echo exit | "${sim[@]}" "${bare[@]}" -i --timing 2>"$work/timing.txt" \
        | { head -c 5 >/dev/null; t1=$(date +%s%N); echo $(((t1 - t0) / 1000000)) >>"$work/outside.txt"; cat >/dev/null; }
    line=$(cat "$work/timing.txt")
    echo "$line" | sed -n 's/.*kernel boot \([0-9]*\) ms.*/\1/p' >>"$work/boot.txt"
    echo "$line" | sed -n 's/.*first prompt \([0-9]*\) ms after Main.*/\1/p' >>"$work/main.txt"
    echo "$line" | sed -n 's/.* \([0-9]*\) ms after process start.*/\1/p' >>"$work/start.txt"
done
printf '  to prompt, outside:          '
stats <"$work/outside.txt"
printf '  --timing kernel boot:        '
stats <"$work/boot.txt"
printf '  --timing prompt after Main:  '
stats <"$work/main.txt"
printf '  --timing prompt after start: '
stats <"$work/start.txt"

if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 1 --runs "$runs" "${sim[*]} ${bare[*]} -c exit"
else
    : >"$work/wall.txt"
    for ((i = 0; i < runs; i++)); do
        t0=$(date +%s%N)
        "${sim[@]}" "${bare[@]}" -c exit >/dev/null
        t1=$(date +%s%N)
        echo $(((t1 - t0) / 1000000)) >>"$work/wall.txt"
    done
    printf '  wall (-c exit):               '
    stats <"$work/wall.txt"
fi
