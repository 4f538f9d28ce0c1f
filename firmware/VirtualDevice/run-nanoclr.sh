#!/usr/bin/env bash
# Runs the kernel on nanoCLR, the nanoFramework runtime built for Linux: the virtual device (see README.md).
#   firmware/VirtualDevice/run-nanoclr.sh [--board NAME] [--heap BYTES] [--script boot|demo|maps|selftest]
#                                         [--no-build] [--build-only] [--loader]
# Builds the kernel and the virtual device for nanoFramework (dotnet build -c Release), converts them to .pe with
# nanoCLR's mdp.sh, compiles the run's board and script into ProcNano.VirtualDevice.Run.pe, and runs
#   nanoclr --heap N mscorlib.pe nanoFramework.Runtime.Native.pe ProcNano.Kernel.pe ProcNano.Shell.pe [ProcNano.SelfTest.pe]
#           ProcNano.VirtualDevice.Run.pe ProcNano.VirtualDevice.pe
# (ProcNano.SelfTest.pe, the self-test suite, only for --script selftest: the firmware deploys it only when asked.)
# printing the device's console and its HEAP/OOM/END lines (the loader's tables only with --loader, or when the
# runtime stops before it is ready). nanoCLR's folder: $PROCNANO_NANOCLR, else shared/nanoclr beside the checkout.
# Needs qemu-user libc6-i386 lib32stdc++6 lib32gcc-s1 (apt-get) on machines that cannot run i386 code.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

board=esp32-devkitc
heap=""
script=demo
build=1
run=1
loader=0
while [ $# -gt 0 ]; do
    case "$1" in
        --board) board="$2"; shift 2 ;;
        --heap) heap="$2"; shift 2 ;;
        --script) script="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        --build-only) run=0; shift ;;
        --loader) loader=1; shift ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run-nanoclr: unknown option '$1' (try --help)" >&2; exit 2 ;;
    esac
done

case "$script" in boot|demo|maps|selftest) ;; *) echo "run-nanoclr: --script must be boot, demo, maps or selftest" >&2; exit 2 ;; esac
case "$board" in *[!a-z0-9-]*|"") echo "run-nanoclr: bad board name '$board'" >&2; exit 2 ;; esac
if [ ! -f "$root/boards/$board.board" ]; then echo "run-nanoclr: no board '$board' in boards/" >&2; exit 2; fi

# The managed heap each board's firmware leaves (shared/NANO.md, NANO-ECOSYSTEM.md; boards/*.board):
# ESP32_REV0 ~80 KB free at Main (--heap 90000 gives 79.9 KB there), ESP32_C3 with BLE 54,472 B of heap,
# ESP32_S3_QUAD ~800 KB, a WROVER's 4 MB PSRAM ~3.7 MB.
if [ -z "$heap" ]; then
    case "$board" in
        esp32-devkitc) heap=90000 ;;
        esp32-c3) heap=54472 ;;
        esp32-s3) heap=800000 ;;
        esp32-wrover) heap=3700000 ;;
        *) heap=10485760 ;;
    esac
fi
case "$heap" in *[!0-9]*|"") echo "run-nanoclr: --heap takes a number of bytes" >&2; exit 2 ;; esac

nanoclr_dir="${PROCNANO_NANOCLR:-$root/../shared/nanoclr}"
if [ ! -x "$nanoclr_dir/nanoclr" ] || [ ! -x "$nanoclr_dir/mdp.sh" ]; then
    echo "run-nanoclr: no nanoCLR at $nanoclr_dir (set PROCNANO_NANOCLR to its folder)" >&2
    exit 3
fi
nanoclr_dir="$(cd "$nanoclr_dir" && pwd)"
native_dll="$nanoclr_dir/ref/nanoFramework.Runtime.Native.dll"
native_pe="$nanoclr_dir/ref/nanoFramework.Runtime.Native.pe"

packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
corelib="$packages/nanoframework.corelibrary/1.17.11/lib"

# Release: mdp cannot convert a Debug kernel ("Byte code table overflow", over 64 KiB of IL).
bin="$here/bin/Release/netstandard2.0"
shell_dll="$root/firmware/Shell.Nano/bin/Release/netstandard2.0/ProcNano.Shell.dll"
selftest_dll="$root/firmware/SelfTest.Nano/bin/Release/netstandard2.0/ProcNano.SelfTest.dll"
out="$here/bin/nanoclr"
pe="$out/pe"

# mdp LOG IN.dll OUT.pe ...: converts, keeping the converter's chatter in LOG (shown on failure).
mdp() {
    local log="$1"; shift
    "$nanoclr_dir/mdp.sh" "$@" >"$log" 2>&1 || { cat "$log" >&2; echo "run-nanoclr: mdp failed on $1" >&2; exit 4; }
}

mkdir -p "$pe"
if [ "$build" = "1" ]; then
    dotnet build "$here/ProcNano.VirtualDevice.csproj" -c Release -nologo -v:q -p:NanoClrDir="$nanoclr_dir/" >"$out/build.log" 2>&1 \
        || { cat "$out/build.log" >&2; echo "run-nanoclr: dotnet build failed" >&2; exit 4; }
    if [ ! -f "$corelib/mscorlib.pe" ]; then echo "run-nanoclr: $corelib/mscorlib.pe missing (dotnet restore)" >&2; exit 4; fi
    cp "$corelib/mscorlib.pe" "$native_pe" "$pe/"
    mdp "$out/mdp.log" "$bin/ProcNano.Kernel.dll" "$pe/ProcNano.Kernel.pe" false mscorlib="$corelib/mscorlib.dll"
    mdp "$out/mdp.log" "$shell_dll" "$pe/ProcNano.Shell.pe" false mscorlib="$corelib/mscorlib.dll" \
        ProcNano.Kernel="$bin/ProcNano.Kernel.dll"
    mdp "$out/mdp.log" "$selftest_dll" "$pe/ProcNano.SelfTest.pe" false mscorlib="$corelib/mscorlib.dll" \
        ProcNano.Kernel="$bin/ProcNano.Kernel.dll" ProcNano.Shell="$shell_dll"
    mdp "$out/mdp.log" "$bin/ProcNano.VirtualDevice.dll" "$pe/ProcNano.VirtualDevice.pe" false mscorlib="$corelib/mscorlib.dll" \
        nanoFramework.Runtime.Native="$native_dll" ProcNano.Kernel="$bin/ProcNano.Kernel.dll" \
        ProcNano.Shell="$shell_dll" ProcNano.VirtualDevice.Run="$bin/ProcNano.VirtualDevice.Run.dll"
fi
for f in mscorlib.pe nanoFramework.Runtime.Native.pe ProcNano.Kernel.pe ProcNano.Shell.pe ProcNano.SelfTest.pe ProcNano.VirtualDevice.pe; do
    if [ ! -f "$pe/$f" ]; then echo "run-nanoclr: $pe/$f missing (run without --no-build)" >&2; exit 4; fi
done
[ "$run" = "1" ] || exit 0

# This run's board and script: RunConfig.cs with those values, compiled alone against mscorlib (the main
# assemblies stay as built). Each run has its own folder, so runs may go side by side.
run_dir="$out/run/$board-$script"
mkdir -p "$run_dir"
sed -e "s/return \"esp32-devkitc\";/return \"$board\";/" -e "s/return \"boot\";/return \"$script\";/" \
    "$here/Run/RunConfig.cs" >"$run_dir/RunConfig.cs"
if [ ! -f "$run_dir/ProcNano.VirtualDevice.Run.pe" ] || ! cmp -s "$run_dir/RunConfig.cs" "$run_dir/built.cs"; then
    sdk_dir="$(dotnet --list-sdks | awk -v v="$(dotnet --version)" '$1 == v { gsub(/[\[\]]/, "", $2); print $2 "/" v }' | head -n 1)"
    csc="$sdk_dir/Roslyn/bincore/csc.dll"
    if [ ! -f "$csc" ]; then echo "run-nanoclr: the C# compiler is not at $csc" >&2; exit 4; fi
    dotnet exec "$csc" -nologo -noconfig -nostdlib+ -target:library -langversion:10 -optimize+ -deterministic+ \
        -out:"$run_dir/ProcNano.VirtualDevice.Run.dll" -reference:"$corelib/mscorlib.dll" "$run_dir/RunConfig.cs" >"$run_dir/csc.log" 2>&1 \
        || { cat "$run_dir/csc.log" >&2; echo "run-nanoclr: compiling the run config failed" >&2; exit 4; }
    mdp "$run_dir/mdp.log" "$run_dir/ProcNano.VirtualDevice.Run.dll" "$run_dir/ProcNano.VirtualDevice.Run.pe" false mscorlib="$corelib/mscorlib.dll"
    cp "$run_dir/RunConfig.cs" "$run_dir/built.cs"
fi

echo "run-nanoclr: board $board, heap $heap bytes, script $script"
set +e
# The self-test suite only where it runs: the firmware deploys it only when asked (docs/ESP32.md).
extra=""
if [ "$script" = "selftest" ]; then extra="$pe/ProcNano.SelfTest.pe"; fi
"$nanoclr_dir/nanoclr" --heap "$heap" "$pe/mscorlib.pe" "$pe/nanoFramework.Runtime.Native.pe" "$pe/ProcNano.Kernel.pe" "$pe/ProcNano.Shell.pe" $extra \
    "$run_dir/ProcNano.VirtualDevice.Run.pe" "$pe/ProcNano.VirtualDevice.pe" 2>&1 \
    | awk -v all="$loader" '
        all == 1 || ready { print; fflush(); next }
        { held[n++] = $0 }
        /^Ready\.\r?$/ { ready = 1 }
        END { if (!ready) for (i = 0; i < n; i++) print held[i] }'
status=${PIPESTATUS[0]}
exit "$status"
