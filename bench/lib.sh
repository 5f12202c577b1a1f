# SPDX-License-Identifier: Apache-2.0
# What the side-by-side benchmarks share; sourced by bench/*-bench.sh from the project root.
#
#   bench_netns "$0" "$@"   re-runs the calling script inside a private network namespace with only
#                           loopback, after building the jar while the network is there
#   bench_workdir           sets $work (KEEP_WORK=DIR keeps it) and $pids; on exit, every process
#                           in $pids is stopped and the folder removed
#   cpu_ticks PID           user+sys clock ticks of a process and its children ($hz per second)
#   start_kamailio CFG      starts Kamailio with its best settings (tlsf allocators, 4 workers,
#                           512 MB shared, 64 MB private); sets $kam, adds it to $pids
#   wait_ready PORT         waits until the server on PORT answers an OPTIONS (probe from port 5064)
#   print_ratios FILE COL UNIT      Switchboard/Kamailio ratios of achieved rate (column 3) and CPU
#                                   (column COL) per offered rate (column 2) of a results file
#   print_sustained FILE SECONDS    the highest offered rate each server held (< 0.1 % failed,
#                                   column 4, and >= 95 % of the offered rate achieved)

bench_netns() {
  if [ "${SWITCHBOARD_NETNS:-}" != 1 ]; then
    bin/switchboard --version >/dev/null # build the jar while the network is there
    exec unshare -rn env SWITCHBOARD_NETNS=1 bash -c 'ip link set lo up && exec "$0" "$@"' "$@"
  fi
}

bench_workdir() {
  work=${KEEP_WORK:-$(mktemp -d)}
  mkdir -p "$work"
  pids=()
  trap bench_cleanup EXIT
}

bench_cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"
}

hz=$(getconf CLK_TCK)
cpu_ticks() {
  local total=0 p
  for p in "$1" $(pgrep -P "$1"); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

start_kamailio() { # config-file
  kamailio -f "$1" -DD -E -x tlsf -X tlsf -m 512 -M 64 -n 4 >/dev/null 2>"$work/kamailio.log" &
  kam=$!
  pids+=("$kam")
}

wait_ready() { # port
  for _ in $(seq 1 150); do
    if timeout 5 sipp "127.0.0.1:$1" -sf bench/sipp-options.xml -m 1 -timeout 2 -recv_timeout 1000 \
      -p 5064 -nostdin >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.2
  done
  echo "server on port $1 did not answer; its log:" >&2
  cat "$work"/*.log >&2
  return 1
}

print_ratios() { # results-file cpu-column cpu-label
  echo "# ratios, Switchboard / Kamailio (achieved: higher is better; CPU: lower is better)"
  awk -v col="$2" -v label="$3" '
    { achieved[$1 "|" $2] = $3; cpu[$1 "|" $2] = $col; order[++n] = $2 }
    END {
      printf "%8s %14s %14s\n", "offered", "achieved", label
      for (i = 1; i <= n; i++) {
        r = order[i]; s = "switchboard|" r; k = "kamailio|" r
        if (done[r]++ || !(s in achieved) || !(k in achieved)) continue
        ra = achieved[k] > 0 ? achieved[s] / achieved[k] : 0
        rc = cpu[k] > 0 ? cpu[s] / cpu[k] : 0
        printf "%8d %13.2fx %13.2fx\n", r, ra, rc
      }
    }' "$1"
}

print_sustained() { # results-file seconds-per-step
  echo "# highest sustained offered rate: < 0.1 % failed and >= 95 % of the offered rate achieved"
  for s in $servers; do
    awk -v s="$s" -v secs="$2" '$1 == s {
        calls = $2 * secs
        if ($4 < calls * 0.001 && $3 >= $2 * 0.95 && $2 > best) best = $2
      }
      END { printf "%-11s %s\n", s, best ? best "/s" : "none of the rates" }' "$1"
  done
}
