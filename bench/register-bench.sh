#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Registrations per second with digest authentication over UDP: Switchboard and Kamailio side by
# side, in one run, on loopback, inside a private network namespace.
#
# One registration = one SIPp call of bench/sipp-register-auth.xml = two transactions:
# REGISTER -> 401 (challenge), REGISTER with Authorization -> 200. Every call registers a distinct
# user (users are never reused across steps), so every 200 creates a new binding.
#
# For each server and each offered rate it prints the achieved rate (completed registrations per
# second of wall time), failed registrations, p50/p99 time of a whole registration (first REGISTER
# to 200, two round trips) and the server's CPU time per completed registration (user+sys from
# /proc, Kamailio's worker processes included), then the ratios and the highest rate each server
# sustained with < 0.1 % failures.
#
# Then, unless HEAP_USERS=0, it measures Switchboard's heap per binding on a fresh server: live
# heap (jcmd GC.class_histogram, which collects first) before, and after HEAP_USERS registrations
# once the server transactions have ended (HEAP_SETTLE seconds; Timer J is 64*T1 = 32 s).
#
#   bench/register-bench.sh [SECONDS_PER_STEP] [RATE ...]
#
# Defaults: 5 s per step, rates 1000 2000 5000 10000 20000. Environment:
#   SERVERS             which servers, default "switchboard kamailio"
#   SWITCHBOARD_FLAGS   extra flags for `switchboard serve`, default "--set auth.algorithms=MD5": SIPp
#                       3.6.1 answers MD5 challenges only and gives up on the first SHA-256 one
#   HEAP_USERS          bindings for the heap measurement, default 100000 (0 skips it)
#   HEAP_RATE           the rate they are registered at, default 1000
#   HEAP_SETTLE         seconds to wait before the second histogram, default 40
#   WARM_RATE, WARM_SECONDS  the unreported warm-up of each server, default 1000/s for 20 s: the
#                       JVM is still compiling after 10,000 registrations
# Needs sipp (sip-tester), kamailio and a JDK (jcmd). Every SIPp run is bounded by a call count
# and a timeout; every process started is stopped by PID.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

. bench/lib.sh
bench_netns "$0" "$@"

seconds=${1:-5}
shift || true
rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(1000 2000 5000 10000 20000)
servers=${SERVERS:-switchboard kamailio}
sb_flags=${SWITCHBOARD_FLAGS---set auth.algorithms=MD5}
heap_users=${HEAP_USERS:-100000}
heap_rate=${HEAP_RATE:-1000}
heap_settle=${HEAP_SETTLE:-40}
warm_rate=${WARM_RATE:-1000}
warm_seconds=${WARM_SECONDS:-20}
domain=127.0.0.1
sb_port=5062
kam_port=5070

bench_workdir

# Users u0000001 ... with password pw-<name>: the rule bench/kamailio-register.cfg applies, so
# Kamailio needs no user database. Step k's users follow step k-1's, the heap run's are the first.
total=$((warm_rate * warm_seconds))
for rate in "${rates[@]}"; do total=$((total + rate * seconds)); done
[ "$heap_users" -le "$total" ] || total=$heap_users
awk -v n="$total" 'BEGIN { for (i = 1; i <= n; i++) printf "u%07d,pw-u%07d\n", i, i }' >"$work/users.csv"
next_user=1
# slice FILE COUNT: a SIPp injection file of the next COUNT users.
slice() {
  { echo SEQUENTIAL; sed -n "${next_user},$((next_user + $2 - 1))p" "$work/users.csv" | tr , ';'; } >"$1"
  next_user=$((next_user + $2))
}


start_switchboard() { # data-dir; sets sb
  SWITCHBOARD_LOG_LEVEL=WARN bin/switchboard serve --listen "udp:127.0.0.1:$sb_port" --data "$1" \
    --domain "$domain" $sb_flags 2>>"$work/switchboard.log" &
  sb=$!
  pids+=("$sb")
}

import_users() { # data-dir count
  mkdir -p "$1"
  head -n "$2" "$work/users.csv" >"$work/import.csv"
  local t0 t1
  t0=$(date +%s.%N)
  bin/switchboard user import "$work/import.csv" --data "$1" --domain "$domain" >/dev/null
  t1=$(date +%s.%N)
  awk -v n="$2" -v t0="$t0" -v t1="$t1" 'BEGIN { printf "# imported %d users into Switchboard in %.1f s\n", n, t1 - t0 }'
}


stat_column() { # stat-file column-name: the last row's value
  tail -1 "$1" | awk -F';' -v col="$(head -1 "$1" | tr ';' '\n' | grep -n "^$2\$" | cut -d: -f1)" '{print $col}'
}

# sipp_run NAME PORT RATE CALLS INF: one bounded SIPp run; the stat file is $work/NAME.csv and
# the registration times (RTD 1, in ms) are in $work/NAME.rtt.
sipp_run() {
  local name=$1 port=$2 rate=$3 calls=$4 inf=$5
  local limit=$((calls / rate * 3 + 20))
  # `times` in the subshell: the CPU time of its children, that is of SIPp (and timeout).
  (cd "$work" && { timeout $((limit + 10)) sipp "127.0.0.1:$port" -sf "$OLDPWD/bench/sipp-register-auth.xml" \
    -inf "$inf" -r "$rate" -m "$calls" -l 100000 -timeout "$limit" -recv_timeout 5000 -nostdin \
    -p 5066 -trace_stat -stf "$name.csv" -trace_rtt -rtt_freq 1000 >/dev/null 2>&1 || true; }
    times >"$name.times")
  local rtt
  rtt=$(ls "$work"/sipp-register-auth_*_rtt.csv 2>/dev/null | head -1)
  if [ -n "$rtt" ]; then
    awk -F';' 'NR > 1 {print $2}' "$rtt" >"$work/$name.rtt"
    rm -f "$rtt"
  else
    : >"$work/$name.rtt"
  fi
}

# SIPp 3.6.1 stamps times with a coarse clock (4 ms steps here), so the times below are upper
# bounds at 4 ms resolution; CPU per registration does not depend on that clock.
run() { # name port pid rate inf
  local name=$1 port=$2 pid=$3 rate=$4 inf=$5
  local calls=$((rate * seconds))
  local before after t0 t1
  before=$(cpu_ticks "$pid")
  t0=$(date +%s.%N)
  sipp_run "$name-$rate" "$port" "$rate" "$calls" "$inf"
  t1=$(date +%s.%N)
  after=$(cpu_ticks "$pid")
  local stat="$work/$name-$rate.csv" ok fail p50 p99
  ok=$(stat_column "$stat" 'SuccessfulCall(C)')
  fail=$(stat_column "$stat" 'FailedCall(C)')
  read -r p50 p99 < <(sort -n "$work/$name-$rate.rtt" | awk '{a[NR] = $1}
    END {
      if (NR == 0) { print "- -"; exit }
      i = int(NR * 0.50); if (i < 1) i = 1
      j = int(NR * 0.99); if (j < 1) j = 1
      print a[i], a[j]
    }')
  local sipp_cpu
  sipp_cpu=$(awk '{ t = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] } print t }' \
    <(tail -1 "$work/$name-$rate.times"))
  awk -v n="$name" -v r="$rate" -v ok="$ok" -v f="$fail" -v t0="$t0" -v t1="$t1" -v sipp="$sipp_cpu" \
      -v c=$((after - before)) -v hz="$hz" -v p50="$p50" -v p99="$p99" 'BEGIN {
    achieved = ok / (t1 - t0); us = ok > 0 ? c / hz * 1e6 / ok : 0
    printf "%-11s %8d %10.0f %8d %8s %8s %12.1f %10.0f\n", n, r, achieved, f, p50, p99, us,
      sipp / (t1 - t0) * 100
  }' | tee -a "$work/results.txt"
}

has() { case " $servers " in *" $1 "*) return 0 ;; esac; return 1; }

if has switchboard; then
  import_users "$work/data" "$total"
  start_switchboard "$work/data"
  sb_bench=$sb
  wait_ready "$sb_port"
fi
if has kamailio; then
  # Kamailio with its best settings: tlsf allocators, 4 workers, 512 MB shared, 64 MB private.
  start_kamailio bench/kamailio-register.cfg
  wait_ready "$kam_port"
fi

# Warm-up, not reported: the JVM compiles its hot paths, Kamailio fills its caches.
slice "$work/warm.inf" $((warm_rate * warm_seconds))
saved=$seconds
seconds=$warm_seconds
has switchboard && run switchboard "$sb_port" "$sb_bench" "$warm_rate" "$work/warm.inf" >/dev/null
has kamailio && run kamailio "$kam_port" "$kam" "$warm_rate" "$work/warm.inf" >/dev/null
seconds=$saved
: >"$work/results.txt"

echo "# unit: one registration = REGISTER/401 + REGISTER/200 (2 transactions); $seconds s per step"
printf "%-11s %8s %10s %8s %8s %8s %12s %10s\n" server offered achieved/s failed p50ms p99ms cpu_us/reg sipp_cpu%
for rate in "${rates[@]}"; do
  slice "$work/step-$rate.inf" $((rate * seconds))
  has switchboard && run switchboard "$sb_port" "$sb_bench" "$rate" "$work/step-$rate.inf"
  has kamailio && run kamailio "$kam_port" "$kam" "$rate" "$work/step-$rate.inf"
done

echo
print_ratios "$work/results.txt" 7 cpu_us/reg
echo
print_sustained "$work/results.txt" "$seconds"

[ "$heap_users" -gt 0 ] && has switchboard || exit 0

# Heap per binding: a fresh Switchboard, its own data folder, HEAP_USERS users.
kill "$sb_bench"
wait "$sb_bench" 2>/dev/null || true
echo
import_users "$work/heap-data" "$heap_users"
start_switchboard "$work/heap-data"
wait_ready "$sb_port"
histogram() { # file: live objects after a full collection
  jcmd "$sb" GC.class_histogram >"$1"
}
histogram "$work/heap-before.txt"
next_user=1
slice "$work/heap.inf" "$heap_users"
sipp_run heap "$sb_port" "$heap_rate" "$heap_users" "$work/heap.inf"
registered=$(stat_column "$work/heap.csv" 'SuccessfulCall(C)')
failed=$(stat_column "$work/heap.csv" 'FailedCall(C)')
sleep "$heap_settle"
histogram "$work/heap-after.txt"
jcmd "$sb" GC.heap_info | sed 's/^/#   /' | head -6
awk -v reg="$registered" -v failed="$failed" -v settle="$heap_settle" \
    -v binding=dev.switchboard.core.location.Binding '
  $1 ~ /^[0-9]+:$/ { if (FILENAME == ARGV[1]) { b[$4] = $3; bi[$4] = $2 } else { a[$4] = $3; ai[$4] = $2 } }
  $1 == "Total" { if (FILENAME == ARGV[1]) tb = $3; else ta = $3 }
  END {
    printf "# Switchboard heap: %d registrations (%d failed), histogram %d s after the last\n", reg, failed, settle
    # Per binding the server holds (a registration SIPp timed out on may still have made one).
    n = ai[binding] - bi[binding]
    per = n > 0 ? (ta - tb) / n : 0
    printf "#   bindings held: %d; live heap before %d bytes, after %d bytes: %.0f bytes per binding\n", n, tb, ta, per
    printf "#   %-60s %12s %14s %10s\n", "class (grown by more than 1 byte/binding)", "instances", "bytes", "B/binding"
    for (c in a) { d = a[c] - b[c]; if (n > 0 && d > n) printf "#   %-60s %12d %14d %10.1f\n", c, ai[c] - bi[c], d, d / n | "sort -k4,4nr" }
  }' "$work/heap-before.txt" "$work/heap-after.txt"
