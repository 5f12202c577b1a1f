#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# OPTIONS per second over UDP: Switchboard and Kamailio side by side, in one run, on loopback,
# inside a private network namespace. For each server and each offered rate it prints the
# achieved rate, failures, p50/p99 response time and the server's CPU time per answered OPTIONS
# (user+sys from /proc), then the ratios.
#
#   bench/options-bench.sh [SECONDS_PER_STEP] [RATE ...]
#
# Defaults: 10 s per step, rates 5000 10000 20000 30000 40000. Needs sipp (sip-tester) and
# kamailio from Debian. Every SIPp run is bounded by a call count and a timeout.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

. bench/lib.sh
bench_netns "$0" "$@"

seconds=${1:-10}
shift || true
rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(5000 10000 20000 30000 40000)

bench_workdir


# Kamailio with its best settings: tlsf allocators, 4 workers, 512 MB shared, 64 MB private.
start_kamailio bench/kamailio-options.cfg

SWITCHBOARD_LOG_LEVEL=WARN bin/switchboard serve --listen udp:127.0.0.1:5062 --data "$work/data" \
  2>"$work/switchboard.log" &
sb=$!
pids+=("$sb")

wait_ready 5070
wait_ready 5062

# SIPp 3.6.1 stamps times with a coarse clock (4 ms steps here), so response times below are
# upper bounds at 4 ms resolution; CPU per operation does not depend on that clock.
run() { # name port pid rate
  local name=$1 port=$2 pid=$3 rate=$4
  local calls=$((rate * seconds))
  local before after t0 t1
  before=$(cpu_ticks "$pid")
  t0=$(date +%s.%N)
  (cd "$work" && timeout $((seconds * 3 + 20)) sipp "127.0.0.1:$port" -sf "$OLDPWD/bench/sipp-options.xml" -r "$rate" -m "$calls" \
    -l 100000 -timeout $((seconds * 3 + 10)) -recv_timeout 5000 -nostdin \
    -trace_stat -stf "$name-$rate.csv" -trace_rtt -rtt_freq 1000 >/dev/null 2>&1) || true
  t1=$(date +%s.%N)
  after=$(cpu_ticks "$pid")
  local stat="$work/$name-$rate.csv"
  local ok fail
  ok=$(tail -1 "$stat" | awk -F';' -v col="$(head -1 "$stat" | tr ';' '\n' | grep -n '^SuccessfulCall(C)$' | cut -d: -f1)" '{print $col}')
  fail=$(tail -1 "$stat" | awk -F';' -v col="$(head -1 "$stat" | tr ';' '\n' | grep -n '^FailedCall(C)$' | cut -d: -f1)" '{print $col}')
  local rtt
  rtt=$(ls "$work"/*_rtt.csv 2>/dev/null | head -1)
  local p50=- p99=-
  if [ -n "$rtt" ]; then
    read -r p50 p99 < <(awk -F';' 'NR > 1 {print $2}' "$rtt" | sort -n | awk '{a[NR] = $1}
      END {
        if (NR == 0) { print "- -"; exit }
        i = int(NR * 0.50); if (i < 1) i = 1
        j = int(NR * 0.99); if (j < 1) j = 1
        print a[i], a[j]
      }')
    rm -f "$rtt"
  fi
  awk -v n="$name" -v r="$rate" -v ok="$ok" -v f="$fail" -v t0="$t0" -v t1="$t1" \
      -v c=$((after - before)) -v hz="$hz" -v p50="$p50" -v p99="$p99" 'BEGIN {
    achieved = ok / (t1 - t0); us = ok > 0 ? c / hz * 1e6 / ok : 0
    printf "%-11s %8d %10.0f %8d %8s %8s %10.1f\n", n, r, achieved, f, p50, p99, us
  }'
}

# Warm-up, not reported: the JVM compiles its hot paths, Kamailio fills its caches.
warm=$seconds
seconds=5
run switchboard 5062 "$sb" 2000 >/dev/null
run kamailio 5070 "$kam" 2000 >/dev/null
seconds=$warm

printf "%-11s %8s %10s %8s %8s %8s %10s\n" server offered achieved failed p50ms p99ms cpu_us/op
for rate in "${rates[@]}"; do
  run switchboard 5062 "$sb" "$rate"
  run kamailio 5070 "$kam" "$rate"
done
