#!/bin/sh
# CPU time the server process spends per request during one wrk run (less sensitive to a shared machine
# than latency). Usage:
#   cpu-per-request.sh PID URL QUERIES_FILE MODE [DURATION]
# PID is the server's java process; prints wrk's output, then "MODE: N requests, C ms CPU = X ms CPU/request".
set -eu
pid=$1 url=$2 queries=$3 mode=$4 duration=${5:-20s}
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }   # utime + stime, in clock ticks
hz=$(getconf CLK_TCK)
t0=$(ticks)
out=$(wrk -t2 -c8 -d"$duration" --latency -s "$here/search.lua" "$url" -- "$queries" "$mode")
t1=$(ticks)
echo "$out"
n=$(echo "$out" | awk '/requests in/ {print $1}')
echo "$out" | grep -q "Non-2xx" && echo "WARNING: non-2xx responses" >&2
awk -v m="$mode" -v n="$n" -v t="$((t1 - t0))" -v hz="$hz" \
    'BEGIN { printf "%s: %d requests, %.0f ms CPU = %.2f ms CPU/request\n", m, n, t * 1000 / hz, t * 1000 / hz / n }'
