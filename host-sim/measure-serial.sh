#!/usr/bin/env bash
# Serial-line throughput of the simulator's shell over a pty pair (socat), as a user's terminal reaches it:
#   host-sim/measure-serial.sh [-c Debug|Release]
#  - echo: 20 KB of typed input (comment lines, so the shell runs nothing) written while reading the echo back;
#    KiB/s of echo received.
#  - cat: `cat /flash/big` of a 64 KiB file; KiB/s received.
# Compare with a 115200-baud UART: 11.25 KiB/s. Needs socat and python3.
set -euo pipefail
config=Debug
[ "${1:-}" = "-c" ] && config="$2"
here="$(cd "$(dirname "$0")" && pwd)"
dotnet build "$here" -c "$config" -v q -nologo >/dev/null
dll="$here/bin/$config/net10.0/procnano-sim.dll"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/flash"
head -c 65536 /dev/zero | tr '\0' 'x' | fold -w 63 >"$work/flash/big"
socat pty,raw,echo=0,link="$work/sim" pty,raw,echo=0,link="$work/user" &
for _ in $(seq 50); do [ -e "$work/sim" ] && [ -e "$work/user" ] && break; sleep 0.1; done
(cd "$work" && exec dotnet "$dll" --bare --serial "$work/sim" --flash "$work/flash" >/dev/null 2>&1) &
python3 - "$work/user" <<'PY'
import os, sys, time, select
fd = os.open(sys.argv[1], os.O_RDWR | os.O_NOCTTY)
def read_until(marker, limit):
    got = b""; end = time.time() + limit
    while marker not in got and time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r: got += os.read(fd, 65536)
    return got
read_until(b"nsh> ", 30)
line = b"#" + b"y" * 198 + b"\r"            # 200 bytes a line, a comment: nothing runs
data = line * 100                           # 20 000 bytes
t0 = time.time(); sent = 0; got = 0
while sent < len(data) or got < len(data):
    w = [fd] if sent < len(data) else []
    r, w, _ = select.select([fd], w, [], 5)
    if not r and not w: break
    if w: sent += os.write(fd, data[sent:sent + 512])
    if r: got += len(os.read(fd, 65536))
t = time.time() - t0
print("echo: %d bytes typed, %d bytes back in %.2f s: %.1f KiB/s" % (sent, got, t, got / 1024 / t))
while select.select([fd], [], [], 0.5)[0]: os.read(fd, 65536)   # the last echoes and prompts
os.write(fd, b"cat /flash/big\r")
t0 = time.time(); got = b""
while len(got) < 65536 or not got.endswith(b"nsh> "):
    r, _, _ = select.select([fd], [], [], 10)
    if not r: break
    got += os.read(fd, 65536)
t = time.time() - t0
print("cat: %d bytes in %.2f s: %.1f KiB/s" % (len(got), t, len(got) / 1024 / t))
os.write(fd, b"exit\r")
PY
