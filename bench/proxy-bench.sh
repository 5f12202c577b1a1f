#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Proxied calls per second over UDP: Switchboard and Kamailio side by side, in one run, on
# loopback, inside a private network namespace.
#
# One call = one SIPp call of bench/sipp-call-uac.xml through the proxy to a SIPp callee running
# bench/sipp-call-uas.xml: INVITE/100/180/200, ACK, BYE/200, with Record-Route, so the ACK and the
# BYE pass through the proxy too (two proxied transactions plus the end-to-end ACK). The callee is
# one registered user, "callee", registered once per server before the calls
# (bench/sipp-register-callee.xml; Switchboard challenges it with MD5, Kamailio saves it as is).
#
# Authentication of the caller: none on either side. The caller is a trusted peer: Switchboard
# runs with --set proxy.trusted-peers=127.0.0.1 (no 407), Kamailio's bench config has no
# proxy_authenticate. Both servers do the same work per call: location lookup, Record-Route,
# stateful INVITE and BYE transactions, ACK forwarded.
#
# For each server and each offered rate it prints the achieved rate (completed calls per second
# of wall time), failed calls (caller side), p50/p99 time from INVITE to 180 and to 200 (SIPp RTD
# 1 and 2, in ms), the server's CPU time per completed call (user+sys from /proc, Kamailio's
# child processes included) and the CPU share of the two SIPp processes, then the ratios and the
# highest rate each server sustained with < 0.1 % failed calls and >= 95 % of the offered rate.
#
#   bench/proxy-bench.sh [SECONDS_PER_STEP] [RATE ...]
#
# Defaults: 8 s per step, rates 100 200 500 1000 2000. Environment:
#   SERVERS             which servers, default "switchboard kamailio"
#   SWITCHBOARD_FLAGS   extra flags for `switchboard serve`, default
#                       "--set auth.algorithms=MD5 --set proxy.trusted-peers=127.0.0.1"
#   PAUSE_MS            pause between the ACK and the BYE, default 0
#   MAX_CALLS           bound on concurrent calls at the caller (SIPp -l), default 2000
#   WARM_RATE, WARM_SECONDS  the unreported warm-up of each server, default 300/s for 20 s
# Needs sipp (sip-tester) and kamailio. Every SIPp run is bounded by a call count and a timeout;
# every process started is stopped by PID.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

. bench/lib.sh
bench_netns "$0" "$@"

seconds=${1:-8}
shift || true
rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(100 200 500 1000 2000)
servers=${SERVERS:-switchboard kamailio}
sb_flags=${SWITCHBOARD_FLAGS---set auth.algorithms=MD5 --set proxy.trusted-peers=127.0.0.1}
pause_ms=${PAUSE_MS:-0}
max_calls=${MAX_CALLS:-2000}
warm_rate=${WARM_RATE:-300}
warm_seconds=${WARM_SECONDS:-20}
domain=127.0.0.1
sb_port=5062
kam_port=5070
uac_port=5066
uas_port=5080
callee=callee
password=pw-callee

bench_workdir



stat_column() { # stat-file column-name: the last row's value
  tail -1 "$1" | awk -F';' -v col="$(head -1 "$1" | tr ';' '\n' | grep -n "^$2\$" | cut -d: -f1)" '{print $col}'
}

# The callee of one server: registered from the port it then answers calls on, bounded by a
# timeout that outlasts every step. Sets uas.
start_callee() { # name server-port
  local name=$1 port=$2 total_s
  timeout 30 sipp "127.0.0.1:$port" -sf bench/sipp-register-callee.xml -s "$callee" -au "$callee" \
    -ap "$password" -i 127.0.0.1 -p "$uas_port" -m 1 -timeout 20 -timeout_error -recv_timeout 5000 \
    -nostdin >"$work/$name-register.out" 2>&1 || {
    echo "registering the callee at $name failed:" >&2
    cat "$work/$name-register.out" >&2
    return 1
  }
  total_s=$((warm_seconds + ${#rates[@]} * (seconds * 3 + 30) + 60))
  (cd "$work" && exec sipp -sf "$OLDPWD/bench/sipp-call-uas.xml" -i 127.0.0.1 -p "$uas_port" \
    -timeout "$total_s" -nostdin -default_behaviors all,-abortunexp -trace_stat -stf "$name-uas.csv" -fd 1 \
    -trace_err -error_file "$name-uas-errors.log" -max_log_size 2000000 >/dev/null 2>&1) &
  uas=$!
  pids+=("$uas")
  sleep 1
}

# sipp_run NAME PORT RATE CALLS: one bounded caller run; the stat file is $work/NAME.csv and the
# RTD samples (ms) are $work/NAME.rtd1 (INVITE to 180) and $work/NAME.rtd2 (INVITE to 200).
sipp_run() {
  local name=$1 port=$2 rate=$3 calls=$4
  local limit=$((calls / rate * 3 + 20))
  (cd "$work" && { timeout $((limit + 10)) sipp "127.0.0.1:$port" -sf "$OLDPWD/bench/sipp-call-uac.xml" \
    -s "$callee" -i 127.0.0.1 -p "$uac_port" -r "$rate" -m "$calls" -l "$max_calls" -d "$pause_ms" \
    -timeout "$limit" -recv_timeout 5000 -nostdin -trace_stat -stf "$name.csv" \
    -trace_rtt -rtt_freq 1 -default_behaviors all,-abortunexp -trace_err -error_file "$name-errors.log" -max_log_size 2000000 \
    >/dev/null 2>&1 || true; }
    times >"$name.times")
  local rtt
  rtt=$(ls "$work"/sipp-call-uac_*_rtt.csv 2>/dev/null | head -1 || true)
  if [ -n "$rtt" ]; then
    awk -F';' 'NR > 1 && $3 == 1 {print $2}' "$rtt" >"$work/$name.rtd1"
    awk -F';' 'NR > 1 && $3 == 2 {print $2}' "$rtt" >"$work/$name.rtd2"
    mv "$rtt" "$work/$name.rtt.csv"
  else
    : >"$work/$name.rtd1"
    : >"$work/$name.rtd2"
  fi
}

percentiles() { # file: "p50 p99"
  sort -n "$1" | awk '{a[NR] = $1}
    END {
      if (NR == 0) { print "- -"; exit }
      i = int(NR * 0.50); if (i < 1) i = 1
      j = int(NR * 0.99); if (j < 1) j = 1
      print a[i], a[j]
    }'
}

# SIPp 3.6.1 stamps times with a coarse clock (4 ms steps here), so the times are upper bounds at
# 4 ms resolution; CPU per call does not depend on that clock.
run() { # name port server-pid uas-pid rate
  local name=$1 port=$2 pid=$3 uas_pid=$4 rate=$5
  local calls=$((rate * seconds))
  local before after ubefore uafter t0 t1
  before=$(cpu_ticks "$pid")
  ubefore=$(cpu_ticks "$uas_pid")
  t0=$(date +%s.%N)
  sipp_run "$name-$rate" "$port" "$rate" "$calls"
  t1=$(date +%s.%N)
  after=$(cpu_ticks "$pid")
  uafter=$(cpu_ticks "$uas_pid")
  local stat="$work/$name-$rate.csv" ok fail a50 a99 b50 b99
  ok=$(stat_column "$stat" 'SuccessfulCall(C)')
  fail=$(stat_column "$stat" 'FailedCall(C)')
  read -r a50 a99 < <(percentiles "$work/$name-$rate.rtd1")
  read -r b50 b99 < <(percentiles "$work/$name-$rate.rtd2")
  local sipp_cpu
  sipp_cpu=$(awk '{ t = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] } print t }' \
    <(tail -1 "$work/$name-$rate.times"))
  awk -v n="$name" -v r="$rate" -v ok="$ok" -v f="$fail" -v t0="$t0" -v t1="$t1" -v sipp="$sipp_cpu" \
      -v c=$((after - before)) -v u=$((uafter - ubefore)) -v hz="$hz" \
      -v n180="$(wc -l <"$work/$name-$rate.rtd1")" \
      -v unexp="$(cat "$work/$name-$rate-errors.log" 2>/dev/null | grep -c 'Continuing call on unexpected' || true)" -v a50="$a50" -v a99="$a99" -v b50="$b50" -v b99="$b99" 'BEGIN {
    achieved = ok / (t1 - t0); us = ok > 0 ? c / hz * 1e6 / ok : 0
    printf "%-11s %8d %10.0f %7d %7s %7s %7s %7s %11.1f %9.0f %9.0f %7d %7d\n", n, r, achieved, f, a50, a99, b50, b99, us,
      sipp / (t1 - t0) * 100, u / hz / (t1 - t0) * 100, ok - n180, unexp
  }' | tee -a "$work/results.txt"
}

has() { case " $servers " in *" $1 "*) return 0 ;; esac; return 1; }

echo "# $(date -u '+%F %T') UTC; load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
if has switchboard; then
  mkdir -p "$work/data"
  echo "$callee,$password" >"$work/users.csv"
  bin/switchboard user import "$work/users.csv" --data "$work/data" --domain "$domain" >/dev/null
  SWITCHBOARD_LOG_LEVEL=WARN bin/switchboard serve --listen "udp:127.0.0.1:$sb_port" --data "$work/data" \
    --domain "$domain" $sb_flags 2>>"$work/switchboard.log" &
  sb=$!
  pids+=("$sb")
  wait_ready "$sb_port"
fi
if has kamailio; then
  # Kamailio with its best settings: tlsf allocators, 4 workers, 512 MB shared, 64 MB private.
  start_kamailio bench/kamailio-proxy.cfg
  wait_ready "$kam_port"
fi

# One server at a time has a callee: both callees use the same port, one after the other.
# Warm-up, not reported: the JVM compiles its hot paths, Kamailio fills its caches.
bench_server() { # name port pid
  local name=$1 port=$2 pid=$3 rate saved
  start_callee "$name" "$port"
  local uas_pid=$uas
  saved=$seconds
  seconds=$warm_seconds
  run "$name" "$port" "$pid" "$uas_pid" "$warm_rate" >"$work/$name-warm.txt"
  seconds=$saved
  sed -i '$d' "$work/results.txt"
  sleep 2
  for rate in "${rates[@]}"; do
    run "$name" "$port" "$pid" "$uas_pid" "$rate"
    sleep 6 # let the last transactions and the callee's timewait end
  done
  kill "$uas_pid" 2>/dev/null || true
  wait "$uas_pid" 2>/dev/null || true
  echo "# $name callee (SIPp UAS) last stats: successful $(stat_column "$work/$name-uas.csv" 'SuccessfulCall(C)'), failed $(stat_column "$work/$name-uas.csv" 'FailedCall(C)'), unexpected messages ignored $(cat "$work/$name-uas-errors.log" 2>/dev/null | grep -c 'Continuing call on unexpected' || true) (retransmitted INVITEs: $(cat "$work/$name-uas-errors.log" 2>/dev/null | grep -c "received 'INVITE" || true))" >>"$work/notes.txt"
}

: >"$work/results.txt"
: >"$work/notes.txt"
echo "# unit: one call = INVITE/100/180/200, ACK, BYE/200 through the proxy; $seconds s per step, pause before BYE ${pause_ms} ms"
echo "# a = INVITE to 180 (ms), b = INVITE to 200 (ms); sipp% = caller SIPp, uas% = callee SIPp, of one CPU;"
echo "# no180 = completed calls with no INVITE-to-180 sample (their 200 overtook the 180 in the proxy);"
echo "# unexp = unexpected messages the caller ignored (SIPp -default_behaviors all,-abortunexp), mostly a 180 after its 200"
printf "%-11s %8s %10s %7s %7s %7s %7s %7s %11s %9s %9s %7s %7s\n" server offered achieved/s failed a_p50 a_p99 b_p50 b_p99 cpu_us/call sipp% uas% no180 unexp
has switchboard && bench_server switchboard "$sb_port" "$sb"
has kamailio && bench_server kamailio "$kam_port" "$kam"

echo
cat "$work/notes.txt"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
print_ratios "$work/results.txt" 9 cpu_us/call
echo
print_sustained "$work/results.txt" "$seconds"
