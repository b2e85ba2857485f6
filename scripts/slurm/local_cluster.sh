#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for trying and testing the
# scripts of scripts/slurm/ (docs/scale-out.md).
#
# Usage: scripts/slurm/local_cluster.sh start|stop|status
#
#   start   installs Debian's slurm-wlm daemons and munge when missing (apt-get),
#           writes slurm.conf for this node's CPUs and memory (`slurmd -C`), and
#           starts munged, slurmctld and slurmd; a daemon already running is left
#           as it is, so start can be repeated. Prints the line that points
#           sbatch/squeue at the cluster: export SLURM_CONF=<state>/slurm.conf
#   stop    cancels the cluster's jobs and stops the three daemons
#   status  says which daemons run and shows sinfo; exit 0 when all three run, 3 otherwise
#
# Everything it writes lives in the state folder $QGOLD_SLURM_DIR (default
# build/slurm of this checkout): config, munge key and socket, spool, state,
# logs and pid files. The daemons run as root (slurmd starts each job as the
# user who submitted it) and are started directly, without systemd, on ports
# $QGOLD_SLURM_PORT (slurmctld, default 16817) and the one after it (slurmd).
# The partition is "local"; no accounting database, no cgroups.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
dir=${QGOLD_SLURM_DIR:-$repo/build/slurm}
port=${QGOLD_SLURM_PORT:-16817}
conf=$dir/slurm.conf
daemons=(munged slurmctld slurmd)

say() { echo "local_cluster: $*" >&2; }
die() {
  say "$1"
  exit "${2:-1}"
}

# The pid of a running daemon, from its pid file; nothing when it does not run.
pid_of() {
  local file=$dir/run/$1.pid pid
  [ -s "$file" ] || return 0
  pid=$(cat "$file")
  # The pid must still be that daemon, not a process that reused the number.
  if [ -r "/proc/$pid/comm" ] && [[ $(cat "/proc/$pid/comm") == "$1"* ]]; then
    echo "$pid"
  fi
}

install_packages() {
  local missing=() p
  for p in slurmctld slurmd slurm-client munge; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

write_config() {
  local host node
  host=$(hostname -s)
  # "NodeName=<host> CPUs=2 Boards=1 SocketsPerBoard=1 CoresPerSocket=2 ThreadsPerCore=1 RealMemory=24105"
  node=$(slurmd -C | head -n 1)
  [[ $node == NodeName=* ]] || die "slurmd -C did not describe this node: $node"
  cat >"$conf.tmp" <<EOF
# Written by scripts/slurm/local_cluster.sh; rewritten at every start while slurmctld is stopped.
ClusterName=qgold
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/run/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
# No cgroups (containers rarely allow them) and no accounting database.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
# Cores are the consumable resource, so 1-CPU array tasks run side by side.
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
# Schedule at once rather than every few seconds: the jobs here are short.
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=local Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
  mv "$conf.tmp" "$conf"
}

start_munged() {
  [ -z "$(pid_of munged)" ] || return 0
  if [ ! -s "$dir/munge/munge.key" ]; then
    dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
    chmod 400 "$dir/munge/munge.key"
  fi
  munged --socket="$dir/run/munge.socket" --key-file="$dir/munge/munge.key" \
    --pid-file="$dir/run/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed" ||
    die "munged did not start; see $dir/log/munged.log"
}

# wait_for SECONDS COMMAND...: retries COMMAND every 0.5 s; false when it never succeeds.
wait_for() {
  local tries=$(($1 * 2))
  shift
  until "$@" >/dev/null 2>&1; do
    ((--tries > 0)) || return 1
    sleep 0.5
  done
}

node_ready() { sinfo -h -N -o %T | grep -qE '^(idle|mixed|allocated)'; }

start() {
  [ "$(id -u)" -eq 0 ] || die "start needs root: it installs packages and slurmd runs jobs as their users" 2
  # munged and slurmd make UNIX sockets in the state folder, whose paths may not exceed 107 bytes.
  ((${#dir} <= 70)) || die "the state folder $dir is too long for UNIX socket paths; set QGOLD_SLURM_DIR shorter" 2
  install_packages
  mkdir -p "$dir"/{munge,state,spool,log,run}
  chmod 700 "$dir/munge"
  export SLURM_CONF=$conf
  [ -n "$(pid_of slurmctld)" ] || write_config
  start_munged
  wait_for 10 munge -s "" -S "$dir/run/munge.socket" ||
    die "munged does not answer on $dir/run/munge.socket; see $dir/log/munged.log"
  if [ -z "$(pid_of slurmctld)" ]; then
    slurmctld -f "$conf" || die "slurmctld did not start; see $dir/log/slurmctld.log"
  fi
  wait_for 30 scontrol ping || die "slurmctld does not answer; see $dir/log/slurmctld.log"
  if [ -z "$(pid_of slurmd)" ]; then
    slurmd -f "$conf" || die "slurmd did not start; see $dir/log/slurmd.log"
  fi
  if ! wait_for 30 node_ready; then
    # A node left down by an earlier run comes back on request.
    scontrol update NodeName="$(hostname -s)" State=RESUME >/dev/null 2>&1 || true
    wait_for 10 node_ready ||
      die "the node is not up ($(sinfo -h -N -o '%T %E')); see $dir/log/slurmd.log and slurmctld.log"
  fi
  say "up: $(sinfo -h -N -o '%N, %c CPUs, %m MB, partition %P')"
  echo "export SLURM_CONF=$conf"
}

stop() {
  export SLURM_CONF=$conf
  if [ -n "$(pid_of slurmctld)" ]; then
    local jobs=()
    mapfile -t jobs < <(squeue -h -o %A 2>/dev/null || true)
    ((${#jobs[@]} == 0)) || scancel "${jobs[@]}" 2>/dev/null || true
  fi
  local daemon pid
  for daemon in slurmd slurmctld munged; do
    pid=$(pid_of "$daemon")
    [ -n "$pid" ] || continue
    kill "$pid"
    wait_for 15 bash -c "! kill -0 $pid" || kill -KILL "$pid" 2>/dev/null || true
    say "stopped $daemon ($pid)"
  done
}

status() {
  local daemon pid running=0
  for daemon in "${daemons[@]}"; do
    pid=$(pid_of "$daemon")
    if [ -n "$pid" ]; then
      echo "$daemon: running (pid $pid)"
      running=$((running + 1))
    else
      echo "$daemon: stopped"
    fi
  done
  if [ -n "$(pid_of slurmctld)" ]; then
    SLURM_CONF=$conf sinfo -N -o '%N %T %c %m %P' || true
  fi
  echo "state folder: $dir"
  [ "$running" -eq "${#daemons[@]}" ] || return 3
}

case ${1:-} in
start) start ;;
stop) stop ;;
status) status ;;
*) die "usage: $0 start|stop|status (state folder \$QGOLD_SLURM_DIR, default build/slurm)" 2 ;;
esac
