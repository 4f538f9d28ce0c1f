# ProcNano boot script: run once by the shell at boot (nf.config: boot_script), before the console opens.
# One command line per line, exactly as typed at the nsh> prompt; '#' starts a comment.
# Output and errors go to the kernel log, each command traced first ("rc: + CMD"): `dmesg` shows what
# boot did, and the console stays clean. `procnano-sim --bare` skips this file.
#
# The demo programs are built-in routines named by the program files in /bin (romfs). Each maps its
# memory and then sleeps until killed, so /proc has something to show right after boot.
# (Program names and arguments follow the lead's programs: hold, shmdemo, mapfile.)

# Two tasks running one program file from /bin: romfs maps in place (DIRECT), so both share one text
# region at its ROM address, which costs no RAM. /proc/maps lists it once; both /proc/<pid>/maps point at it.
exec /bin/hold 1
exec /bin/hold 2

# The same program copied to /flash (COPY only: its bytes have no address, so text cannot run in place).
# The first exec copies the text into RAM; the second maps the same read-only copy, so it counts once in
# MmapCopy. /proc/maps shows that copy (/flash/hold) next to the in-place text of /bin/hold.
cp /bin/hold /flash/hold
exec /flash/hold 1
exec /flash/hold 1

# A SysV shm segment created and attached by the demo: /proc/sysvipc/shm lists it, the task's maps show
# the attachment (every shmat of the segment, in any task, gets the same address).
exec /bin/shmdemo

# A file on /flash (COPY only: every map is a copy). Two read-only private maps of the same range share
# one copy, which /proc/maps shows as a single region with the file's path.
echo "ProcNano: a file on flash, mapped by /bin/mapfile" > /flash/demo.txt
exec /bin/mapfile /flash/demo.txt
exec /bin/mapfile /flash/demo.txt
