#!/usr/bin/env bash
# Converges the machine workstation to machines/workstation.yaml.
# Written by `rigctl plan workstation --format shell`; do not edit, change the spec instead.
# Every step checks first and does nothing when the machine already matches.
set -euo pipefail

# --- helpers (the same in every script rigctl writes) ---

# The temporary files this run made (rig_mktemp): removed when the script ends, however it ends (a failed
# step, Ctrl-C, a kill); those a SIGKILL left are swept by the next run's rig_mktemp beside the same file.
RIG_TEMPORARIES=()
rig_cleanup() {
  if ((${#RIG_TEMPORARIES[@]} > 0)); then rm -f -- "${RIG_TEMPORARIES[@]}"; fi
}
trap rig_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# rig_mktemp PATH: a new temporary file beside PATH (so the final mv is a rename), in RIG_TMP, after
# removing the ones an earlier killed run left there.
rig_mktemp() {
  local stale
  for stale in "$1".rigctl-tmp-??????; do
    if [[ -f ${stale} && ! -L ${stale} ]]; then rm -f -- "${stale}"; fi
  done
  RIG_TMP=$(mktemp "$1.rigctl-tmp-XXXXXX")
  RIG_TEMPORARIES+=("${RIG_TMP}")
}

# How many backups of one file rigctl keeps: the oldest (what rigctl first replaced, the user's original)
# and the newest others, so repeated runs cannot pile them up.
RIG_BACKUPS_KEPT=5

# rig_prune_backups PATH: removes the backups of PATH beyond RIG_BACKUPS_KEPT, oldest first, except the very first.
rig_prune_backups() {
  local backups=() candidate i
  for candidate in "$1".rigctl-backup-*; do
    if [[ -f ${candidate} && ! -L ${candidate} ]]; then backups+=("${candidate}"); fi
  done
  for ((i = 1; i < ${#backups[@]} - RIG_BACKUPS_KEPT + 1; i++)); do rm -f -- "${backups[i]}"; done
}

rig_require_root() {
  if [[ ${EUID} -ne 0 ]]; then
    printf 'error: step %s needs root: run this script with sudo\n' "$1" >&2
    exit 1
  fi
}

rig_apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

# Prints "<selection> <status> <version>" for a package dpkg knows, nothing otherwise.
rig_package_state() {
  # shellcheck disable=SC2016 # dpkg-query fields, not shell expansions
  dpkg-query -W -f='${db:Status-Want} ${db:Status-Status} ${Version}\n' "$1" 2>/dev/null || true
}

# rig_package_installed NAME [VERSION_GLOB [hold]]: installed, at a matching version, held if asked.
rig_package_installed() {
  local want status version
  read -r want status version < <(rig_package_state "$1") || return 1
  [[ ${status} == installed ]] || return 1
  if [[ -n ${2:-} ]]; then
    # shellcheck disable=SC2254 # the version glob is meant to match as a pattern
    case ${version} in
      $2) ;;
      *) return 1 ;;
    esac
  fi
  [[ ${3:-} != hold || ${want} == hold ]]
}

# rig_package_at_least NAME VERSION: installed at VERSION or newer.
rig_package_at_least() {
  local status version
  read -r _ status version < <(rig_package_state "$1") || return 1
  [[ ${status} == installed ]] && dpkg --compare-versions "${version}" ge "$2"
}

# rig_driver_branch_installed FLAVOR BRANCH: an Ubuntu nvidia-driver-<n>[-open] with n >= BRANCH is installed.
rig_driver_branch_installed() {
  local suffix='' status name
  if [[ $1 == open ]]; then suffix='-open'; fi
  while read -r status name; do
    if [[ ${status} == installed && ${name} =~ ^nvidia-driver-([0-9]+)${suffix}$ ]] && ((BASH_REMATCH[1] >= $2)); then
      return 0
    fi
  done < <(
    # shellcheck disable=SC2016 # dpkg-query fields, not shell expansions
    dpkg-query -W -f='${db:Status-Status} ${Package}\n' 'nvidia-driver-*' 2>/dev/null || true
  )
  return 1
}

# rig_apt_version NAME GLOB: prints the newest version apt can install that matches GLOB.
rig_apt_version() {
  local version best=''
  while read -r version; do
    # shellcheck disable=SC2254 # the version glob is meant to match as a pattern
    case ${version} in
      $2) ;;
      *) continue ;;
    esac
    if [[ -z ${best} ]] || dpkg --compare-versions "${version}" gt "${best}"; then best=${version}; fi
  done < <(apt-cache madison "$1" | awk -F'|' '{ gsub(/ /, "", $2); print $2 }')
  if [[ -z ${best} ]]; then
    printf 'error: apt has no version of %s matching %s\n' "$1" "$2" >&2
    return 1
  fi
  printf '%s\n' "${best}"
}

# The home directory of the person who ran the script (through sudo too), and the owner for their files.
rig_home() {
  if [[ ${EUID} -eq 0 && -n ${SUDO_USER:-} && ${SUDO_USER} != root ]]; then
    getent passwd "${SUDO_USER}" | cut -d: -f6
  else
    printf '%s\n' "${HOME}"
  fi
}

rig_owner() {
  if [[ ${EUID} -eq 0 && -n ${SUDO_USER:-} && ${SUDO_USER} != root ]]; then printf '%s:\n' "${SUDO_USER}"; fi
}

# Creates the missing parent directories of a path, owned by RIG_OWNER when set.
rig_make_parent() {
  local dir
  dir=$(dirname -- "$1")
  if [[ -d ${dir} ]]; then return 0; fi
  rig_make_parent "${dir}"
  mkdir -- "${dir}"
  if [[ -n ${RIG_OWNER:-} ]]; then chown -- "${RIG_OWNER}" "${dir}"; fi
}

# rig_file_current PATH CONTENTS: the file holds exactly CONTENTS.
rig_file_current() {
  [[ -f $1 ]] && printf '%s' "$2" | cmp -s - "$1"
}

# rig_replace_file TMP PATH MODE: backs up a differing PATH (never over an older backup), then moves TMP over it atomically.
rig_replace_file() {
  local backup
  chmod -- "$3" "$1"
  if [[ -n ${RIG_OWNER:-} ]]; then chown -- "${RIG_OWNER}" "$1"; fi
  if [[ -e $2 ]]; then
    backup="$2.rigctl-backup-$(date +%Y%m%d%H%M%S)"
    if [[ ! -e ${backup} ]]; then cp -p -- "$2" "${backup}"; fi
  fi
  mv -f -- "$1" "$2"
  rig_prune_backups "$2"
}

# rig_install_file PATH CONTENTS MODE
rig_install_file() {
  local tmp
  if rig_file_current "$1" "$2"; then return 0; fi
  rig_make_parent "$1"
  rig_mktemp "$1"
  tmp=${RIG_TMP}
  printf '%s' "$2" >"${tmp}"
  rig_replace_file "${tmp}" "$1" "$3"
}

# rig_with_block PATH BEGIN END BLOCK PREAMBLE: prints PATH with BLOCK between the marker lines,
# replacing the block that is there, or appending one after a blank line (a missing or empty file
# gets PREAMBLE first). Lines outside the block are kept; a damaged block (markers missing, doubled
# or out of order) is an error and nothing is printed.
rig_with_block() {
  local source=/dev/null
  if [[ -f $1 ]]; then source=$1; fi
  RIG_PATH=$1 RIG_BEGIN=$2 RIG_END=$3 RIG_BLOCK=$4 RIG_PREAMBLE=${5:-} awk '
    BEGIN { begin = ENVIRON["RIG_BEGIN"]; end = ENVIRON["RIG_END"] }
    {
      line[++n] = $0
      trimmed = $0
      gsub(/^[ \t]+|[ \t]+$/, "", trimmed)
      if (trimmed == begin) { begins++; first = n }
      if (trimmed == end) { ends++; last = n }
    }
    END {
      if (begins == 0 && ends == 0) {
        for (i = 1; i <= n; i++) print line[i]
        if (n == 0) printf "%s", ENVIRON["RIG_PREAMBLE"]
        else if (line[n] !~ /^[ \t]*$/) print ""
        first = n + 1; last = n
      } else if (begins != 1 || ends != 1 || first > last) {
        printf "error: %s: the rigctl block is damaged (expected one \"%s\" line, then one \"%s\" line); fix or remove it by hand\n", ENVIRON["RIG_PATH"], begin, end > "/dev/stderr"
        exit 3
      } else {
        for (i = 1; i < first; i++) print line[i]
      }
      print begin
      print ENVIRON["RIG_BLOCK"]
      print end
      for (i = last + 1; i <= n; i++) print line[i]
    }
  ' "${source}"
}

# rig_block_current PATH BEGIN END BLOCK PREAMBLE
rig_block_current() {
  [[ -f $1 ]] && rig_with_block "$@" 2>/dev/null | cmp -s - "$1"
}

# rig_install_block PATH BEGIN END BLOCK PREAMBLE: keeps the file's mode, backs it up when it changes.
rig_install_block() {
  local tmp mode=644
  if rig_block_current "$@"; then return 0; fi
  rig_make_parent "$1"
  if [[ -f $1 ]]; then mode=$(stat -c '%a' -- "$1"); fi
  rig_mktemp "$1"
  tmp=${RIG_TMP}
  if ! rig_with_block "$@" >"${tmp}"; then
    rm -f -- "${tmp}"
    return 1
  fi
  rig_replace_file "${tmp}" "$1" "${mode}"
}

# rig_install_new_file PATH CONTENTS MODE: writes PATH only when it does not exist (a settings file
# the user may have filled; rigctl apply merges into it, this script leaves it alone).
rig_install_new_file() {
  if [[ -e $1 ]]; then return 0; fi
  rig_install_file "$@"
}

# rig_hostname_is NAME: the static and running hostname are NAME and /etc/hosts maps 127.0.1.1 to it.
rig_hostname_is() {
  [[ $(cat /etc/hostname 2>/dev/null) == "$1" && $(hostname) == "$1" ]] || return 1
  awk -v name="$1" '$1 == "127.0.1.1" { for (i = 2; i <= NF; i++) if ($i == name) found = 1 } END { exit !found }' /etc/hosts
}

# rig_set_hostname NAME: hostnamectl, then the 127.0.1.1 line of /etc/hosts (the same line Ansible writes).
rig_set_hostname() {
  local tmp
  hostnamectl set-hostname "$1"
  rig_mktemp /etc/hosts
  tmp=${RIG_TMP}
  awk -v line="127.0.1.1 $1" '
    /^127\.0\.1\.1[ \t]/ { if (!done) print line; done = 1; next }
    { print }
    END { if (!done) print line }
  ' /etc/hosts >"${tmp}"
  RIG_OWNER='' rig_replace_file "${tmp}" /etc/hosts 644
}

rig_unit_active() {
  systemctl is-enabled --quiet "$1" 2>/dev/null && systemctl is-active --quiet "$1" 2>/dev/null
}

# The loaded nvidia kernel module is the one installed for the running kernel. Without modinfo
# (containers) there is nothing to compare with, so a loaded module counts as current.
# uv lives in its own venv (python3-venv), installed from PyPI at a pinned version.
rig_uv() {
  printf '%s/bin/uv\n' "${RIGCTL_UV_HOME:-/opt/rigctl/uv}"
}

rig_uv_install() {
  local home uv
  home="${RIGCTL_UV_HOME:-/opt/rigctl/uv}"
  uv="$(rig_uv)"
  if [[ -x ${uv} && "$("${uv}" --version 2>/dev/null)" == "uv $1"* ]]; then return 0; fi
  [[ -x ${home}/bin/pip ]] || python3 -m venv "${home}"
  "${home}/bin/pip" install --disable-pip-version-check --quiet "uv==$1"
}

# rig_python_is PYTHON VERSION: the interpreter runs and is VERSION (3.12 matches 3.12.x).
rig_python_is() {
  local actual
  [[ -x $1 ]] || return 1
  actual="$("$1" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null)" || return 1
  [[ ${actual} == "$2" || ${actual} == "$2".* ]]
}

# rig_python_env_current VERSION --python PYTHON [ARGS…]: uv's offline dry run would change nothing.
rig_python_env_current() {
  local version=$1 uv
  shift
  uv="$(rig_uv)"
  [[ -x ${uv} ]] || return 1
  rig_python_is "$2" "${version}" || return 1
  [[ $# -gt 2 ]] || return 0
  local out
  out="$("${uv}" pip install --offline --dry-run "$@" 2>&1)" || return 1
  [[ ${out} == *"Would make no changes"* ]]
}

# The user a step acts for: the one who ran sudo, else the one running the script.
rig_user() {
  if [[ ${EUID} -eq 0 && -n ${SUDO_USER:-} && ${SUDO_USER} != root ]]; then
    printf '%s\n' "${SUDO_USER}"
  else
    id -un
  fi
}

# rig_user_in_groups GROUP…: the user (rig_user) is a member of every group.
rig_user_in_groups() {
  local user groups group
  user="$(rig_user)" || return 1
  groups=" $(id -nG -- "${user}" 2>/dev/null) " || return 1
  for group in "$@"; do
    [[ ${groups} == *" ${group} "* ]] || return 1
  done
}

rig_driver_module_loaded() {
  local loaded installed
  loaded=$(cat /sys/module/nvidia/version 2>/dev/null) || return 1
  [[ -n ${loaded} ]] || return 1
  if ! command -v modinfo >/dev/null; then return 0; fi
  installed=$(modinfo -F version nvidia 2>/dev/null) || return 1
  [[ ${loaded} == "${installed}" ]]
}
# rig_dkms_kernels_missing BOOT: the running kernel and the newest one in BOOT (/boot: the next boot's) for which
# DKMS knows an nvidia module that is not installed, one a line; nothing when DKMS or its nvidia module is absent.
rig_dkms_kernels_missing() {
  local boot=$1 status newest kernel
  command -v dkms >/dev/null || return 0
  status="$(dkms status)" || return 1
  if ! grep -q '^nvidia' <<<"${status}"; then return 0; fi
  newest="$(
    for kernel in "${boot}"/vmlinuz-[0-9]*; do
      kernel=${kernel##*/vmlinuz-}
      if [[ -e ${boot}/vmlinuz-${kernel} && ${kernel} != *.old && ${kernel} != *.efi.signed ]]; then printf '%s\n' "${kernel}"; fi
    done | sort -V | tail -n 1
  )"
  for kernel in "$(uname -r)" "${newest}"; do
    [[ ${kernel} =~ ^[A-Za-z0-9._+~-]+$ ]] || continue
    # dkms 3: "nvidia/570.124.04, KERNEL, x86_64: installed"; dkms 2: "nvidia, 570.124.04, KERNEL, x86_64: installed".
    if ! awk -F', ' -v kernel="${kernel}" '
      $1 ~ /^nvidia/ { k = ($1 ~ /\//) ? $2 : $3; state = $NF; sub(/^[^:]*: /, "", state)
                       if (k == kernel && state ~ /^installed/) found = 1 }
      END { exit !found }' <<<"${status}"; then
      printf '%s\n' "${kernel}"
    fi
  done | sort -u
}

# rig_dkms_current BOOT: DKMS has the nvidia module for the running and the newest kernel.
rig_dkms_current() {
  local missing
  missing="$(rig_dkms_kernels_missing "$@")" || return 1
  [[ -z ${missing} ]]
}

# rig_dkms_install_missing BOOT: the headers of each kernel without the module (their install runs DKMS's
# hook), then dkms autoinstall for it.
rig_dkms_install_missing() {
  local missing kernel updated=''
  missing="$(rig_dkms_kernels_missing "$@")"
  while IFS= read -r kernel; do
    [[ -n ${kernel} ]] || continue
    if [[ ! -d /lib/modules/${kernel}/build ]]; then
      if [[ -z ${updated} ]]; then apt-get update; updated=1; fi
      DEBIAN_FRONTEND=noninteractive apt-get install -y "linux-headers-${kernel}"
    fi
    dkms autoinstall -k "${kernel}"
  done <<<"${missing}"
}
# rig_cuda_matches KIND RELEASE PATH: PATH is a cuda-X.Y directory whose X.Y is RELEASE (KIND prefix: 12.8 or
# 12.8.x; 13 takes 13.x) or at least RELEASE (KIND atleast).
rig_cuda_matches() {
  local name=${3##*/}
  [[ ${name} =~ ^cuda-([0-9]+(\.[0-9]+)*)$ ]] || return 1
  local version=${BASH_REMATCH[1]}
  case $1 in
    prefix) [[ ${version} == "$2" || ${version} == "$2".* ]] ;;
    atleast) dpkg --compare-versions "${version}" ge "$2" ;;
    *) return 1 ;;
  esac
}

# rig_cuda_default_is KIND RELEASE [LINK]: LINK (/usr/local/cuda) leads to a toolkit the spec allows.
rig_cuda_default_is() {
  local target
  target="$(readlink -f -- "${3:-/usr/local/cuda}")" || return 1
  [[ -d ${target} ]] && rig_cuda_matches "$1" "$2" "${target}"
}

# rig_cuda_default_set KIND RELEASE: points the cuda alternative at the newest registered toolkit the spec allows.
rig_cuda_default_set() {
  local candidate choice=''
  while IFS= read -r candidate; do
    if rig_cuda_matches "$1" "$2" "${candidate}"; then choice=${candidate}; fi
  done < <(update-alternatives --list cuda 2>/dev/null | sort -V)
  if [[ -z ${choice} ]]; then
    printf 'error: no toolkit registered as the cuda alternative (update-alternatives --list cuda) is CUDA %s%s\n' \
      "$([[ $1 == atleast ]] && printf '>=')" "$2" >&2
    return 1
  fi
  update-alternatives --set cuda "${choice}"
}
# rig_download_key URL PATH: the key at URL into PATH (mode 644, its directory 755), through a temporary file beside it.
rig_download_key() {
  if ! command -v curl >/dev/null; then
    apt-get update
    rig_apt_install ca-certificates curl
  fi
  install -m 0755 -d "$(dirname -- "$2")"
  rig_mktemp "$2"
  curl -fsSL --proto '=https' -o "${RIG_TMP}" "$1"
  chmod 644 "${RIG_TMP}"
  mv -f -- "${RIG_TMP}" "$2"
}

# rig_in_group GROUP USER...: every USER is listed as a member of GROUP (a primary group does not count).
rig_in_group() {
  local group=$1 members user
  shift
  members=",$(getent group "${group}" | cut -d: -f4),"
  for user in "$@"; do
    [[ ${members} == *",${user},"* ]] || return 1
  done
}

# rig_docker_runtime NAME: the docker daemon answers and has the runtime NAME.
rig_docker_runtime() {
  local runtimes
  runtimes="$(docker info --format '{{json .Runtimes}}' 2>/dev/null)" || return 1
  [[ ${runtimes} == *"\"$1\":"* ]]
}
# Add NVIDIA's CUDA apt repository (ubuntu2404). Fixes: drivers.cuda.
step_cuda_repository() {
  if rig_package_installed 'cuda-keyring'; then
    echo 'ok: Add NVIDIA'\''s CUDA apt repository (ubuntu2404)'
    return 0
  fi
  rig_require_root 'cuda-repository'
  apt-get update
  if ! command -v curl >/dev/null; then rig_apt_install ca-certificates curl; fi
  rig_mktemp /tmp/rigctl-cuda-keyring.deb
  curl -fsSL --proto '=https' -o "${RIG_TMP}" 'https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2404/x86_64/cuda-keyring_1.1-1_all.deb'
  dpkg -i "${RIG_TMP}"
  rm -f -- "${RIG_TMP}"
  apt-get update
  echo 'done: Add NVIDIA'\''s CUDA apt repository (ubuntu2404)'
}

# Install 10 apt packages. Fixes: packages.apt.
step_apt_packages() {
  if rig_package_installed 'build-essential' \
    && rig_package_installed 'git' \
    && rig_package_installed 'tmux' \
    && rig_package_installed 'htop' \
    && rig_package_installed 'nvtop' \
    && rig_package_installed 'python3-venv' \
    && rig_package_installed 'curl' \
    && rig_package_installed 'jq' \
    && rig_package_installed 'vim' \
    && rig_package_installed 'fonts-firacode'; then
    echo 'ok: Install 10 apt packages'
    return 0
  fi
  rig_require_root 'apt-packages'
  apt-get update
  rig_apt_install 'build-essential' 'git' 'tmux' 'htop' 'nvtop' 'python3-venv' 'curl' 'jq' 'vim' 'fonts-firacode'
  echo 'done: Install 10 apt packages'
}

# Install the NVIDIA driver >=570 (open kernel modules). Fixes: drivers.nvidia.version, drivers.nvidia.flavor.
step_nvidia_driver() {
  if rig_driver_branch_installed 'open' 570; then
    echo 'ok: Install the NVIDIA driver >=570 (open kernel modules)'
    return 0
  fi
  rig_require_root 'nvidia-driver'
  apt-get update
  rig_apt_install 'nvidia-driver-570-open'
  echo 'done: Install the NVIDIA driver >=570 (open kernel modules)'
}

# Blacklist nouveau (/etc/modprobe.d/blacklist-nouveau.conf) and rebuild the initramfs. Fixes: drivers.nvidia.nouveau.
step_nouveau_blacklist() {
  local contents_1
  contents_1='# Managed by rigctl: keep nouveau off the NVIDIA GPUs (drivers.nvidia).
blacklist nouveau
options nouveau modeset=0
'
  if rig_file_current '/etc/modprobe.d/blacklist-nouveau.conf' "${contents_1}"; then
    echo 'ok: Blacklist nouveau (/etc/modprobe.d/blacklist-nouveau.conf) and rebuild the initramfs'
    return 0
  fi
  rig_require_root 'nouveau-blacklist'
  rig_install_file '/etc/modprobe.d/blacklist-nouveau.conf' "${contents_1}" '0644'
  if command -v update-initramfs >/dev/null; then update-initramfs -u; fi
  echo 'done: Blacklist nouveau (/etc/modprobe.d/blacklist-nouveau.conf) and rebuild the initramfs'
}

# Build the NVIDIA DKMS module for the running and the newest kernel. Fixes: drivers.nvidia.dkms.
step_dkms_modules() {
  if rig_dkms_current /boot; then
    echo 'ok: Build the NVIDIA DKMS module for the running and the newest kernel'
    return 0
  fi
  rig_require_root 'dkms-modules'
  rig_dkms_install_missing /boot
  echo 'done: Build the NVIDIA DKMS module for the running and the newest kernel'
}

# Install the CUDA toolkit 12.8 and put it on PATH. Fixes: drivers.cuda.
step_cuda_toolkit() {
  local contents_1
  # shellcheck disable=SC2016 # file contents, written as they are
  contents_1='# Managed by rigctl: CUDA 12.8 on PATH for login shells (drivers.cuda).
case ":${PATH}:" in
  *:/usr/local/cuda-12.8/bin:*) ;;
  *) export PATH="/usr/local/cuda-12.8/bin${PATH:+:${PATH}}" ;;
esac
'
  if rig_package_installed 'cuda-toolkit-12-8' \
    && rig_file_current '/etc/profile.d/cuda.sh' "${contents_1}"; then
    echo 'ok: Install the CUDA toolkit 12.8 and put it on PATH'
    return 0
  fi
  rig_require_root 'cuda-toolkit'
  apt-get update
  rig_apt_install 'cuda-toolkit-12-8'
  rig_install_file '/etc/profile.d/cuda.sh' "${contents_1}" '0644'
  echo 'done: Install the CUDA toolkit 12.8 and put it on PATH'
}

# Point /usr/local/cuda at CUDA 12.8 (update-alternatives). Fixes: drivers.cuda.default.
step_cuda_default() {
  if rig_cuda_default_is 'prefix' '12.8'; then
    echo 'ok: Point /usr/local/cuda at CUDA 12.8 (update-alternatives)'
    return 0
  fi
  rig_require_root 'cuda-default'
  rig_cuda_default_set 'prefix' '12.8'
  echo 'done: Point /usr/local/cuda at CUDA 12.8 (update-alternatives)'
}

# Apply GPU settings at every boot (persistence on). Fixes: gpu-settings.persistence.
step_gpu_settings() {
  local contents_1
  contents_1='# Managed by rigctl (gpu-settings).
[Unit]
Description=GPU settings from rigctl (persistence mode, power limit)
After=systemd-modules-load.service

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/bin/nvidia-smi --persistence-mode=1

[Install]
WantedBy=multi-user.target
'
  if rig_file_current '/etc/systemd/system/rigctl-gpu-settings.service' "${contents_1}" \
    && rig_unit_active 'rigctl-gpu-settings.service'; then
    echo 'ok: Apply GPU settings at every boot (persistence on)'
    return 0
  fi
  rig_require_root 'gpu-settings'
  rig_install_file '/etc/systemd/system/rigctl-gpu-settings.service' "${contents_1}" '0644'
  systemctl daemon-reload
  systemctl enable 'rigctl-gpu-settings.service'
  systemctl restart 'rigctl-gpu-settings.service'
  echo 'done: Apply GPU settings at every boot (persistence on)'
}

# Make the Python environment with uv (Python 3.12 at /opt/ml/venv with torch==2.7.*, numpy, accelerate>=1.0). Fixes: python.version, python.packages, python.torch.
step_python_environment() {
  if rig_python_env_current '3.12' '--python' '/opt/ml/venv/bin/python' '--torch-backend' 'cu128' 'torch==2.7.*' 'numpy' 'accelerate>=1.0'; then
    echo 'ok: Make the Python environment with uv (Python 3.12 at /opt/ml/venv with torch==2.7.*, numpy, accelerate>=1.0)'
    return 0
  fi
  rig_require_root 'python-environment'
  rig_uv_install '0.13.9'
  if ! rig_python_is '/opt/ml/venv/bin/python' '3.12'; then
    "$(rig_uv)" venv --clear --python '3.12' '/opt/ml/venv'
  fi
  "$(rig_uv)" pip install '--python' '/opt/ml/venv/bin/python' '--torch-backend' 'cu128' 'torch==2.7.*' 'numpy' 'accelerate>=1.0'
  echo 'done: Make the Python environment with uv (Python 3.12 at /opt/ml/venv with torch==2.7.*, numpy, accelerate>=1.0)'
}

# Install 11 dotfiles (theme). Fixes: theme.
step_dotfiles() {
  local home RIG_OWNER contents_1 contents_2 contents_3 contents_4 contents_5 contents_6 contents_7 contents_8 contents_9 contents_10 contents_11 contents_12
  # shellcheck disable=SC2016 # file contents, written as they are
  contents_1='# shellcheck shell=bash
# rigctl theme for workstation. Generated by rigctl from the machine'\''s spec; changes here are overwritten.
# Sourced from ~/.bashrc. In interactive shells it sets the terminal'\''s colours (OSC 10/11/12),
# colours the prompt with the accent, re-applies the colours when a tmux client attaches,
# and restores them when an ssh session to another machine ends.

# Run as a command (by the tmux hook below, into a client'\''s tty): print the colours and stop.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  printf '\''%s'\'' $'\''\e]10;#f2e6ee\a\e]11;#2c001e\a\e]12;#e95420\a'\''
  exit 0
fi

case $- in
  *i*) ;;
  *) return 0 ;;
esac

# Sets foreground, background and cursor colour. Inside tmux they are sent twice: as they are,
# for the pane (tmux 3.3+ keeps per-pane colours, which a remote shell may have changed), and
# wrapped in tmux'\''s passthrough (ESC P tmux; … ESC backslash, every ESC doubled) for the terminal tmux
# runs in. Other terminals that do not know these sequences ignore them.
__rigctl_theme_apply() {
  [ -t 1 ] || return 0
  # dumb terminals and the Linux console (older kernels print OSC text) get nothing.
  case ${TERM:-dumb} in dumb | linux) return 0 ;; esac
  local colors=$'\''\e]10;#f2e6ee\a\e]11;#2c001e\a\e]12;#e95420\a'\''
  printf '\''%s'\'' "$colors"
  if [ -n "${TMUX:-}" ]; then
    printf '\''\033Ptmux;%s\033\134'\'' "${colors//$'\''\e'\''/$'\''\e\e'\''}"
  fi
}

# The prompt'\''s user@host (or, without one, a host tag in front) in the accent: 24-bit colour where
# the terminal says it has it, else the nearest of the 256 xterm colours.
if [ "${COLORTERM:-}" = truecolor ] || [ "${COLORTERM:-}" = 24bit ]; then
  __rigctl_theme_accent='\''\[\e[1;38;2;198;120;221m\]'\''
else
  __rigctl_theme_accent='\''\[\e[1;38;5;176m\]'\''
fi

# Colours the first \u@\h that is printed, else the first \h, skipping what lies between \[ and
# \] (the stock Debian and Ubuntu ~/.bashrc put a \u@\h in the xterm title there, which must stay
# as it is); a prompt with neither gets a coloured \h in front. It runs before every prompt, after
# the user'\''s own PROMPT_COMMAND (starship and the like set PS1 there), and changes PS1 only when it
# is not coloured yet.
__rigctl_theme_prompt() {
  local status=$? ps1=$PS1 i=0 depth=0 at=-1 width=0
  case $ps1 in *"$__rigctl_theme_accent"*) return "$status" ;; esac
  while [ -n "${ps1:i}" ]; do  # (no length expansion: ansible-lint takes brace-hash for a Jinja comment)
    case ${ps1:i:2} in
      '\''\['\'') depth=$((depth + 1)) ;;
      '\''\]'\'') [ "$depth" -eq 0 ] || depth=$((depth - 1)) ;;
      '\''\u'\'') if [ "$depth" -eq 0 ] && [ "${ps1:i:5}" = '\''\u@\h'\'' ]; then at=$i width=5; break; fi ;;
      '\''\h'\'') if [ "$depth" -eq 0 ] && [ "$at" -lt 0 ]; then at=$i width=2; fi ;;
    esac
    if [ "${ps1:i:1}" = "\\" ]; then i=$((i + 2)); else i=$((i + 1)); fi
  done
  if [ "$at" -ge 0 ]; then
    PS1="${ps1:0:at}$__rigctl_theme_accent${ps1:at:width}"'\''\[\e[0m\]'\''"${ps1:at+width}"
  else
    PS1="$__rigctl_theme_accent"'\''\h\[\e[0m\] '\''"$ps1"
  fi
  return "$status"
}

# After the user'\''s prompt commands: appended to PROMPT_COMMAND, an array since bash 5.1, else a
# string (joined with a newline, which ends any command, even one that ends in '\'';'\'').
# shellcheck disable=SC2128,SC2178
if [[ $(declare -p PROMPT_COMMAND 2>/dev/null) == '\''declare -a'\''* ]]; then
  [[ " ${PROMPT_COMMAND[*]} " == *'\'' __rigctl_theme_prompt '\''* ]] || PROMPT_COMMAND+=(__rigctl_theme_prompt)
elif [[ ${PROMPT_COMMAND:-} != *__rigctl_theme_prompt* ]]; then
  PROMPT_COMMAND="${PROMPT_COMMAND:+$PROMPT_COMMAND$'\''\n'\''}__rigctl_theme_prompt"
fi
__rigctl_theme_prompt

# A terminal that attaches to this machine'\''s tmux later gets the colours too: tmux runs this
# file as a command with the new client'\''s tty as its output.
if [ -n "${TMUX:-}" ] && command -v tmux >/dev/null 2>&1; then
  case ${BASH_SOURCE[0]} in
    /*) printf -v __rigctl_theme_file '\''%q'\'' "${BASH_SOURCE[0]}" ;;
    *) printf -v __rigctl_theme_file '\''%q'\'' "$PWD/${BASH_SOURCE[0]}" ;;
  esac
  tmux set-hook -g '\''client-attached[42]'\'' "run-shell -b '\''bash $__rigctl_theme_file > #{client_tty}'\''" 2>/dev/null
  unset __rigctl_theme_file
fi

# ssh to another machine may paint the terminal in that machine'\''s colours: paint it back after.
# (Left out when ssh is already an alias or a function of the user'\''s.)
case $(type -t ssh) in
  alias | function) ;;
  *)
    function ssh {
      command ssh "$@"
      local status=$?
      __rigctl_theme_apply
      return "$status"
    }
    ;;
esac

__rigctl_theme_apply
'
  # shellcheck disable=SC2016 # file contents, written as they are
  contents_2='# This machine'\''s terminal colours and prompt (rigctl theme).
if [ -f "$HOME/.config/rigctl/theme.sh" ]; then
  # shellcheck source=/dev/null
  . "$HOME/.config/rigctl/theme.sh"
fi'
  contents_3='# rigctl theme for workstation. Generated by rigctl from the machine'\''s spec; changes here are overwritten.
# Loaded from ~/.tmux.conf.

# Status line: the host in the accent on the left, the window list on a tinted bar.
set -g status-style "fg=#f2e6ee,bg=#4e1a48"
set -g status-left "#[fg=#2c001e,bg=#c678dd,bold] #h #[default] "
set -g status-left-length 40
set -g status-right "#[fg=#997f90] %Y-%m-%d %H:%M "
set -g window-status-style "fg=#997f90,bg=#4e1a48"
set -g window-status-current-style "fg=#2c001e,bg=#c678dd,bold"
set -g window-status-activity-style "fg=#e95420,bg=#4e1a48,underscore"

# Pane borders and the pane numbers of display-panes.
set -g pane-border-style "fg=#793c7e"
set -g pane-active-border-style "fg=#c678dd"
set -g display-panes-colour "#793c7e"
set -g display-panes-active-colour "#c678dd"

# Messages, the command prompt, copy-mode selection and the clock.
set -g message-style "fg=#2c001e,bg=#c678dd"
set -g message-command-style "fg=#c678dd,bg=#4e1a48"
set -g mode-style "fg=#f2e6ee,bg=#622a61"
set -g clock-mode-colour "#c678dd"

# Let the shell'\''s colour sequences through to the terminal (tmux 3.3+; older tmux passes them anyway).
set -gq allow-passthrough on
'
  contents_4='# This machine'\''s colours (rigctl theme).
source-file -q ~/.config/rigctl/tmux.conf'
  contents_5='" rigctl: the shared base of the rigctl colour schemes, a dark wombat-like family.
" Generated by rigctl; changes here are overwritten.
" Each machine'\''s scheme (colors/rigctl-<machine>.vim) sets g:rigctl_palette and loads this file;
" loaded on its own it shows the family'\''s neutral grey. g:rigctl_palette maps a variable to
" ['\''#gui colour'\'', xterm-256 index]; the variables:
"   background: Normal background
"   foreground: Normal text
"   accent: status line, current tab, titles, matching bracket
"   cursor: the cursor
"   on_accent: text on the accent
"   surface: inactive status lines, tab line, popup menu
"   cursorline: current line and colour column
"   selection: Visual selection
"   muted: line numbers, folds
"   border: window separators, non-text characters
"   diff_add: added lines
"   diff_delete: deleted lines
"   diff_change: changed lines
"   diff_text: changed text in a changed line
"   comment: comments
"   string: strings, characters
"   constant: numbers, booleans, constants, preprocessor
"   identifier: identifiers, functions, types
"   statement: keywords, statements, directories
"   special: special characters, tags, delimiters
"   search: search matches
"   error: errors
let s:cpo_save = &cpo
set cpo&vim

set background=dark
highlight clear
if exists('\''syntax_on'\'')
  syntax reset
endif
let g:colors_name = '\''rigctl'\''

let s:p = {
      \ '\''background'\'': ['\''#242424'\'', 235],
      \ '\''foreground'\'': ['\''#f6f3e8'\'', 255],
      \ '\''accent'\'': ['\''#8ac6f2'\'', 117],
      \ '\''cursor'\'': ['\''#8ac6f2'\'', 117],
      \ '\''on_accent'\'': ['\''#242424'\'', 235],
      \ '\''surface'\'': ['\''#3a4851'\'', 238],
      \ '\''cursorline'\'': ['\''#333232'\'', 233],
      \ '\''selection'\'': ['\''#485d6c'\'', 59],
      \ '\''muted'\'': ['\''#989690'\'', 246],
      \ '\''border'\'': ['\''#57758b'\'', 66],
      \ '\''diff_add'\'': ['\''#405430'\'', 58],
      \ '\''diff_delete'\'': ['\''#543936'\'', 95],
      \ '\''diff_change'\'': ['\''#38444d'\'', 237],
      \ '\''diff_text'\'': ['\''#4d6576'\'', 60],
      \ '\''comment'\'': ['\''#99968b'\'', 245],
      \ '\''string'\'': ['\''#95e454'\'', 113],
      \ '\''constant'\'': ['\''#e5786d'\'', 173],
      \ '\''identifier'\'': ['\''#cae682'\'', 186],
      \ '\''statement'\'': ['\''#8ac6f2'\'', 117],
      \ '\''special'\'': ['\''#e7f6da'\'', 194],
      \ '\''search'\'': ['\''#e5c07b'\'', 180],
      \ '\''error'\'': ['\''#ff6a6a'\'', 203],
      \ }
call extend(s:p, get(g:, '\''rigctl_palette'\'', {}))
" Terminal colours only where the terminal has 256 of them (or the GUI'\''s are used).
let s:cterm = has('\''gui_running'\'') || &t_Co >= 256 || (has('\''termguicolors'\'') && &termguicolors)

" s:hi(group, foreground variable, background variable, attributes); '\'''\'' leaves a colour unset.
function! s:hi(group, fg, bg, attr) abort
  let l:cmd = ['\''highlight'\'', a:group, '\''gui='\'' . a:attr, '\''cterm='\'' . a:attr]
  if a:fg !=# '\'''\''
    call add(l:cmd, '\''guifg='\'' . s:p[a:fg][0])
    if s:cterm | call add(l:cmd, '\''ctermfg='\'' . s:p[a:fg][1]) | endif
  endif
  if a:bg !=# '\'''\''
    call add(l:cmd, '\''guibg='\'' . s:p[a:bg][0])
    if s:cterm | call add(l:cmd, '\''ctermbg='\'' . s:p[a:bg][1]) | endif
  endif
  execute join(l:cmd)
endfunction

" The editor: machine colours.
call s:hi('\''Normal'\'', '\''foreground'\'', '\''background'\'', '\''NONE'\'')
call s:hi('\''Cursor'\'', '\''background'\'', '\''cursor'\'', '\''NONE'\'')
call s:hi('\''lCursor'\'', '\''background'\'', '\''cursor'\'', '\''NONE'\'')
call s:hi('\''CursorLine'\'', '\'''\'', '\''cursorline'\'', '\''NONE'\'')
call s:hi('\''CursorColumn'\'', '\'''\'', '\''cursorline'\'', '\''NONE'\'')
call s:hi('\''ColorColumn'\'', '\'''\'', '\''cursorline'\'', '\''NONE'\'')
call s:hi('\''CursorLineNr'\'', '\''accent'\'', '\''cursorline'\'', '\''bold'\'')
call s:hi('\''LineNr'\'', '\''muted'\'', '\''background'\'', '\''NONE'\'')
call s:hi('\''SignColumn'\'', '\''muted'\'', '\''background'\'', '\''NONE'\'')
call s:hi('\''FoldColumn'\'', '\''muted'\'', '\''background'\'', '\''NONE'\'')
call s:hi('\''Folded'\'', '\''muted'\'', '\''surface'\'', '\''NONE'\'')
call s:hi('\''NonText'\'', '\''border'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''SpecialKey'\'', '\''border'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''EndOfBuffer'\'', '\''border'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''VertSplit'\'', '\''border'\'', '\''background'\'', '\''NONE'\'')
call s:hi('\''StatusLine'\'', '\''on_accent'\'', '\''accent'\'', '\''bold'\'')
call s:hi('\''StatusLineNC'\'', '\''muted'\'', '\''surface'\'', '\''NONE'\'')
call s:hi('\''StatusLineTerm'\'', '\''on_accent'\'', '\''accent'\'', '\''bold'\'')
call s:hi('\''StatusLineTermNC'\'', '\''muted'\'', '\''surface'\'', '\''NONE'\'')
call s:hi('\''TabLine'\'', '\''muted'\'', '\''surface'\'', '\''NONE'\'')
call s:hi('\''TabLineFill'\'', '\'''\'', '\''surface'\'', '\''NONE'\'')
call s:hi('\''TabLineSel'\'', '\''on_accent'\'', '\''accent'\'', '\''bold'\'')
call s:hi('\''Title'\'', '\''accent'\'', '\'''\'', '\''bold'\'')
call s:hi('\''Visual'\'', '\'''\'', '\''selection'\'', '\''NONE'\'')
call s:hi('\''VisualNOS'\'', '\'''\'', '\''selection'\'', '\''underline'\'')
call s:hi('\''Search'\'', '\''background'\'', '\''search'\'', '\''NONE'\'')
call s:hi('\''IncSearch'\'', '\''on_accent'\'', '\''accent'\'', '\''NONE'\'')
call s:hi('\''MatchParen'\'', '\''accent'\'', '\''selection'\'', '\''bold'\'')
call s:hi('\''Pmenu'\'', '\''foreground'\'', '\''surface'\'', '\''NONE'\'')
call s:hi('\''PmenuSel'\'', '\''on_accent'\'', '\''accent'\'', '\''bold'\'')
call s:hi('\''PmenuSbar'\'', '\'''\'', '\''surface'\'', '\''NONE'\'')
call s:hi('\''PmenuThumb'\'', '\'''\'', '\''muted'\'', '\''NONE'\'')
call s:hi('\''WildMenu'\'', '\''on_accent'\'', '\''accent'\'', '\''bold'\'')
call s:hi('\''ModeMsg'\'', '\''accent'\'', '\'''\'', '\''bold'\'')
call s:hi('\''MoreMsg'\'', '\''string'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''Question'\'', '\''string'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''ErrorMsg'\'', '\''error'\'', '\'''\'', '\''bold'\'')
call s:hi('\''WarningMsg'\'', '\''constant'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''Directory'\'', '\''statement'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''DiffAdd'\'', '\'''\'', '\''diff_add'\'', '\''NONE'\'')
call s:hi('\''DiffDelete'\'', '\''constant'\'', '\''diff_delete'\'', '\''NONE'\'')
call s:hi('\''DiffChange'\'', '\'''\'', '\''diff_change'\'', '\''NONE'\'')
call s:hi('\''DiffText'\'', '\'''\'', '\''diff_text'\'', '\''bold'\'')
call s:hi('\''SpellBad'\'', '\''error'\'', '\'''\'', '\''underline'\'')
call s:hi('\''SpellCap'\'', '\''statement'\'', '\'''\'', '\''underline'\'')

" Syntax: the wombat-like family colours.
call s:hi('\''Comment'\'', '\''comment'\'', '\'''\'', '\''italic'\'')
call s:hi('\''Constant'\'', '\''constant'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''String'\'', '\''string'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''Identifier'\'', '\''identifier'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''Function'\'', '\''identifier'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''Type'\'', '\''identifier'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''Statement'\'', '\''statement'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''PreProc'\'', '\''constant'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''Special'\'', '\''special'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''Underlined'\'', '\''statement'\'', '\'''\'', '\''underline'\'')
call s:hi('\''Error'\'', '\''error'\'', '\''background'\'', '\''bold'\'')
call s:hi('\''Todo'\'', '\''accent'\'', '\''surface'\'', '\''bold'\'')
highlight! link Character String
highlight! link Number Constant
highlight! link Boolean Constant
highlight! link Float Constant

delfunction s:hi
unlet s:p s:cterm
let &cpo = s:cpo_save
unlet s:cpo_save
'
  contents_6='" rigctl-workstation: the workstation machine'\''s colours on the rigctl base scheme.
" Generated by rigctl from the machine'\''s spec (theme:, theme.vim:); changes here are overwritten.
let s:cpo_save = &cpo
set cpo&vim
" variable: ['\''#gui colour'\'', xterm-256 index]; the base (colors/rigctl.vim) fills in the rest.
let g:rigctl_palette = {
      \ '\''background'\'': ['\''#2c001e'\'', 233],
      \ '\''foreground'\'': ['\''#f2e6ee'\'', 255],
      \ '\''accent'\'': ['\''#c678dd'\'', 176],
      \ '\''cursor'\'': ['\''#e95420'\'', 166],
      \ '\''on_accent'\'': ['\''#2c001e'\'', 233],
      \ '\''surface'\'': ['\''#4e1a48'\'', 53],
      \ '\''cursorline'\'': ['\''#3a102d'\'', 235],
      \ '\''selection'\'': ['\''#622a61'\'', 238],
      \ '\''muted'\'': ['\''#997f90'\'', 138],
      \ '\''border'\'': ['\''#793c7e'\'', 96],
      \ '\''diff_add'\'': ['\''#46392c'\'', 240],
      \ '\''diff_delete'\'': ['\''#5a1e32'\'', 52],
      \ '\''diff_change'\'': ['\''#3f2848'\'', 17],
      \ '\''diff_text'\'': ['\''#524f73'\'', 60],
      \ }
runtime colors/rigctl.vim
let g:colors_name = '\''rigctl-workstation'\''
let &cpo = s:cpo_save
unlet s:cpo_save
'
  # shellcheck disable=SC2016 # file contents, written as they are
  contents_7='" This machine'\''s colours (rigctl theme). 24-bit colour where the terminal says it has it.
if has('\''termguicolors'\'') && ($COLORTERM ==# '\''truecolor'\'' || $COLORTERM ==# '\''24bit'\'')
  set termguicolors
endif
syntax enable
colorscheme rigctl-workstation'
  # shellcheck disable=SC2016 # file contents, written as they are
  contents_8='unlet! skip_defaults_vim
source $VIMRUNTIME/defaults.vim

'
  contents_9='" rigctl: the shared base of the rigctl colour schemes, a dark wombat-like family.
" Generated by rigctl; changes here are overwritten.
" Each machine'\''s scheme (colors/rigctl-<machine>.vim) sets g:rigctl_palette and loads this file;
" loaded on its own it shows the family'\''s neutral grey. g:rigctl_palette maps a variable to
" ['\''#gui colour'\'', xterm-256 index]; the variables:
"   background: Normal background
"   foreground: Normal text
"   accent: status line, current tab, titles, matching bracket
"   cursor: the cursor
"   on_accent: text on the accent
"   surface: inactive status lines, tab line, popup menu
"   cursorline: current line and colour column
"   selection: Visual selection
"   muted: line numbers, folds
"   border: window separators, non-text characters
"   diff_add: added lines
"   diff_delete: deleted lines
"   diff_change: changed lines
"   diff_text: changed text in a changed line
"   comment: comments
"   string: strings, characters
"   constant: numbers, booleans, constants, preprocessor
"   identifier: identifiers, functions, types
"   statement: keywords, statements, directories
"   special: special characters, tags, delimiters
"   search: search matches
"   error: errors
let s:cpo_save = &cpo
set cpo&vim

set background=dark
highlight clear
if exists('\''syntax_on'\'')
  syntax reset
endif
let g:colors_name = '\''rigctl'\''

let s:p = {
      \ '\''background'\'': ['\''#242424'\'', 235],
      \ '\''foreground'\'': ['\''#f6f3e8'\'', 255],
      \ '\''accent'\'': ['\''#8ac6f2'\'', 117],
      \ '\''cursor'\'': ['\''#8ac6f2'\'', 117],
      \ '\''on_accent'\'': ['\''#242424'\'', 235],
      \ '\''surface'\'': ['\''#3a4851'\'', 238],
      \ '\''cursorline'\'': ['\''#333232'\'', 233],
      \ '\''selection'\'': ['\''#485d6c'\'', 59],
      \ '\''muted'\'': ['\''#989690'\'', 246],
      \ '\''border'\'': ['\''#57758b'\'', 66],
      \ '\''diff_add'\'': ['\''#405430'\'', 58],
      \ '\''diff_delete'\'': ['\''#543936'\'', 95],
      \ '\''diff_change'\'': ['\''#38444d'\'', 237],
      \ '\''diff_text'\'': ['\''#4d6576'\'', 60],
      \ '\''comment'\'': ['\''#99968b'\'', 245],
      \ '\''string'\'': ['\''#95e454'\'', 113],
      \ '\''constant'\'': ['\''#e5786d'\'', 173],
      \ '\''identifier'\'': ['\''#cae682'\'', 186],
      \ '\''statement'\'': ['\''#8ac6f2'\'', 117],
      \ '\''special'\'': ['\''#e7f6da'\'', 194],
      \ '\''search'\'': ['\''#e5c07b'\'', 180],
      \ '\''error'\'': ['\''#ff6a6a'\'', 203],
      \ }
call extend(s:p, get(g:, '\''rigctl_palette'\'', {}))
" Terminal colours only where the terminal has 256 of them (or the GUI'\''s are used).
let s:cterm = has('\''gui_running'\'') || &t_Co >= 256 || (has('\''termguicolors'\'') && &termguicolors)

" s:hi(group, foreground variable, background variable, attributes); '\'''\'' leaves a colour unset.
function! s:hi(group, fg, bg, attr) abort
  let l:cmd = ['\''highlight'\'', a:group, '\''gui='\'' . a:attr, '\''cterm='\'' . a:attr]
  if a:fg !=# '\'''\''
    call add(l:cmd, '\''guifg='\'' . s:p[a:fg][0])
    if s:cterm | call add(l:cmd, '\''ctermfg='\'' . s:p[a:fg][1]) | endif
  endif
  if a:bg !=# '\'''\''
    call add(l:cmd, '\''guibg='\'' . s:p[a:bg][0])
    if s:cterm | call add(l:cmd, '\''ctermbg='\'' . s:p[a:bg][1]) | endif
  endif
  execute join(l:cmd)
endfunction

" The editor: machine colours.
call s:hi('\''Normal'\'', '\''foreground'\'', '\''background'\'', '\''NONE'\'')
call s:hi('\''Cursor'\'', '\''background'\'', '\''cursor'\'', '\''NONE'\'')
call s:hi('\''lCursor'\'', '\''background'\'', '\''cursor'\'', '\''NONE'\'')
call s:hi('\''CursorLine'\'', '\'''\'', '\''cursorline'\'', '\''NONE'\'')
call s:hi('\''CursorColumn'\'', '\'''\'', '\''cursorline'\'', '\''NONE'\'')
call s:hi('\''ColorColumn'\'', '\'''\'', '\''cursorline'\'', '\''NONE'\'')
call s:hi('\''CursorLineNr'\'', '\''accent'\'', '\''cursorline'\'', '\''bold'\'')
call s:hi('\''LineNr'\'', '\''muted'\'', '\''background'\'', '\''NONE'\'')
call s:hi('\''SignColumn'\'', '\''muted'\'', '\''background'\'', '\''NONE'\'')
call s:hi('\''FoldColumn'\'', '\''muted'\'', '\''background'\'', '\''NONE'\'')
call s:hi('\''Folded'\'', '\''muted'\'', '\''surface'\'', '\''NONE'\'')
call s:hi('\''NonText'\'', '\''border'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''SpecialKey'\'', '\''border'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''EndOfBuffer'\'', '\''border'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''VertSplit'\'', '\''border'\'', '\''background'\'', '\''NONE'\'')
call s:hi('\''StatusLine'\'', '\''on_accent'\'', '\''accent'\'', '\''bold'\'')
call s:hi('\''StatusLineNC'\'', '\''muted'\'', '\''surface'\'', '\''NONE'\'')
call s:hi('\''StatusLineTerm'\'', '\''on_accent'\'', '\''accent'\'', '\''bold'\'')
call s:hi('\''StatusLineTermNC'\'', '\''muted'\'', '\''surface'\'', '\''NONE'\'')
call s:hi('\''TabLine'\'', '\''muted'\'', '\''surface'\'', '\''NONE'\'')
call s:hi('\''TabLineFill'\'', '\'''\'', '\''surface'\'', '\''NONE'\'')
call s:hi('\''TabLineSel'\'', '\''on_accent'\'', '\''accent'\'', '\''bold'\'')
call s:hi('\''Title'\'', '\''accent'\'', '\'''\'', '\''bold'\'')
call s:hi('\''Visual'\'', '\'''\'', '\''selection'\'', '\''NONE'\'')
call s:hi('\''VisualNOS'\'', '\'''\'', '\''selection'\'', '\''underline'\'')
call s:hi('\''Search'\'', '\''background'\'', '\''search'\'', '\''NONE'\'')
call s:hi('\''IncSearch'\'', '\''on_accent'\'', '\''accent'\'', '\''NONE'\'')
call s:hi('\''MatchParen'\'', '\''accent'\'', '\''selection'\'', '\''bold'\'')
call s:hi('\''Pmenu'\'', '\''foreground'\'', '\''surface'\'', '\''NONE'\'')
call s:hi('\''PmenuSel'\'', '\''on_accent'\'', '\''accent'\'', '\''bold'\'')
call s:hi('\''PmenuSbar'\'', '\'''\'', '\''surface'\'', '\''NONE'\'')
call s:hi('\''PmenuThumb'\'', '\'''\'', '\''muted'\'', '\''NONE'\'')
call s:hi('\''WildMenu'\'', '\''on_accent'\'', '\''accent'\'', '\''bold'\'')
call s:hi('\''ModeMsg'\'', '\''accent'\'', '\'''\'', '\''bold'\'')
call s:hi('\''MoreMsg'\'', '\''string'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''Question'\'', '\''string'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''ErrorMsg'\'', '\''error'\'', '\'''\'', '\''bold'\'')
call s:hi('\''WarningMsg'\'', '\''constant'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''Directory'\'', '\''statement'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''DiffAdd'\'', '\'''\'', '\''diff_add'\'', '\''NONE'\'')
call s:hi('\''DiffDelete'\'', '\''constant'\'', '\''diff_delete'\'', '\''NONE'\'')
call s:hi('\''DiffChange'\'', '\'''\'', '\''diff_change'\'', '\''NONE'\'')
call s:hi('\''DiffText'\'', '\'''\'', '\''diff_text'\'', '\''bold'\'')
call s:hi('\''SpellBad'\'', '\''error'\'', '\'''\'', '\''underline'\'')
call s:hi('\''SpellCap'\'', '\''statement'\'', '\'''\'', '\''underline'\'')

" Syntax: the wombat-like family colours.
call s:hi('\''Comment'\'', '\''comment'\'', '\'''\'', '\''italic'\'')
call s:hi('\''Constant'\'', '\''constant'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''String'\'', '\''string'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''Identifier'\'', '\''identifier'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''Function'\'', '\''identifier'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''Type'\'', '\''identifier'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''Statement'\'', '\''statement'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''PreProc'\'', '\''constant'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''Special'\'', '\''special'\'', '\'''\'', '\''NONE'\'')
call s:hi('\''Underlined'\'', '\''statement'\'', '\'''\'', '\''underline'\'')
call s:hi('\''Error'\'', '\''error'\'', '\''background'\'', '\''bold'\'')
call s:hi('\''Todo'\'', '\''accent'\'', '\''surface'\'', '\''bold'\'')
highlight! link Character String
highlight! link Number Constant
highlight! link Boolean Constant
highlight! link Float Constant

delfunction s:hi
unlet s:p s:cterm
let &cpo = s:cpo_save
unlet s:cpo_save
'
  contents_10='" rigctl-workstation: the workstation machine'\''s colours on the rigctl base scheme.
" Generated by rigctl from the machine'\''s spec (theme:, theme.vim:); changes here are overwritten.
let s:cpo_save = &cpo
set cpo&vim
" variable: ['\''#gui colour'\'', xterm-256 index]; the base (colors/rigctl.vim) fills in the rest.
let g:rigctl_palette = {
      \ '\''background'\'': ['\''#2c001e'\'', 233],
      \ '\''foreground'\'': ['\''#f2e6ee'\'', 255],
      \ '\''accent'\'': ['\''#c678dd'\'', 176],
      \ '\''cursor'\'': ['\''#e95420'\'', 166],
      \ '\''on_accent'\'': ['\''#2c001e'\'', 233],
      \ '\''surface'\'': ['\''#4e1a48'\'', 53],
      \ '\''cursorline'\'': ['\''#3a102d'\'', 235],
      \ '\''selection'\'': ['\''#622a61'\'', 238],
      \ '\''muted'\'': ['\''#997f90'\'', 138],
      \ '\''border'\'': ['\''#793c7e'\'', 96],
      \ '\''diff_add'\'': ['\''#46392c'\'', 240],
      \ '\''diff_delete'\'': ['\''#5a1e32'\'', 52],
      \ '\''diff_change'\'': ['\''#3f2848'\'', 17],
      \ '\''diff_text'\'': ['\''#524f73'\'', 60],
      \ }
runtime colors/rigctl.vim
let g:colors_name = '\''rigctl-workstation'\''
let &cpo = s:cpo_save
unlet s:cpo_save
'
  # shellcheck disable=SC2016 # file contents, written as they are
  contents_11='" rigctl theme for workstation. Generated by rigctl from the machine'\''s spec; changes here are overwritten.
" Neovim loads it after init.vim or init.lua: the machine'\''s colours, 24-bit where the terminal says it has them.
if exists('\''g:rigctl_theme_loaded'\'')
  finish
endif
let g:rigctl_theme_loaded = 1
if $COLORTERM ==# '\''truecolor'\'' || $COLORTERM ==# '\''24bit'\''
  set termguicolors
endif
colorscheme rigctl-workstation
'
  contents_12='{
    "workbench.colorCustomizations": {
        "titleBar.activeBackground": "#2c001e",
        "titleBar.activeForeground": "#f2e6ee",
        "titleBar.inactiveBackground": "#2c001e",
        "titleBar.inactiveForeground": "#997f90",
        "titleBar.border": "#c678dd",
        "activityBar.background": "#2c001e",
        "activityBar.foreground": "#c678dd",
        "activityBar.inactiveForeground": "#997f90",
        "activityBar.activeBorder": "#c678dd",
        "activityBarBadge.background": "#c678dd",
        "activityBarBadge.foreground": "#2c001e",
        "statusBar.background": "#c678dd",
        "statusBar.foreground": "#2c001e",
        "statusBar.noFolderBackground": "#c678dd",
        "statusBar.noFolderForeground": "#2c001e",
        "statusBar.debuggingBackground": "#e95420",
        "statusBar.debuggingForeground": "#2c001e",
        "statusBarItem.remoteBackground": "#2c001e",
        "statusBarItem.remoteForeground": "#f2e6ee",
        "tab.activeBorderTop": "#c678dd",
        "focusBorder": "#c678dd",
        "sash.hoverBorder": "#c678dd"
    }
}
'
  home="$(rig_home)"
  RIG_OWNER="$(rig_owner)"
  if rig_file_current "${home}"/'.config/rigctl/theme.sh' "${contents_1}" \
    && rig_block_current "${home}"/'.bashrc' '# >>> rigctl theme >>>' '# <<< rigctl theme <<<' "${contents_2}" '' \
    && rig_file_current "${home}"/'.config/rigctl/tmux.conf' "${contents_3}" \
    && rig_block_current "${home}"/'.tmux.conf' '# >>> rigctl theme >>>' '# <<< rigctl theme <<<' "${contents_4}" '' \
    && rig_file_current "${home}"/'.vim/colors/rigctl.vim' "${contents_5}" \
    && rig_file_current "${home}"/'.vim/colors/rigctl-workstation.vim' "${contents_6}" \
    && rig_block_current "${home}"/'.vimrc' '" >>> rigctl theme >>>' '" <<< rigctl theme <<<' "${contents_7}" "${contents_8}" \
    && rig_file_current "${home}"/'.config/nvim/colors/rigctl.vim' "${contents_9}" \
    && rig_file_current "${home}"/'.config/nvim/colors/rigctl-workstation.vim' "${contents_10}" \
    && rig_file_current "${home}"/'.config/nvim/plugin/rigctl-theme.vim' "${contents_11}" \
    && [[ -e "${home}"/'.config/Code/User/settings.json' ]]; then
    echo 'ok: Install 11 dotfiles (theme)'
    return 0
  fi
  rig_install_file "${home}"/'.config/rigctl/theme.sh' "${contents_1}" 644
  rig_install_block "${home}"/'.bashrc' '# >>> rigctl theme >>>' '# <<< rigctl theme <<<' "${contents_2}" ''
  rig_install_file "${home}"/'.config/rigctl/tmux.conf' "${contents_3}" 644
  rig_install_block "${home}"/'.tmux.conf' '# >>> rigctl theme >>>' '# <<< rigctl theme <<<' "${contents_4}" ''
  rig_install_file "${home}"/'.vim/colors/rigctl.vim' "${contents_5}" 644
  rig_install_file "${home}"/'.vim/colors/rigctl-workstation.vim' "${contents_6}" 644
  rig_install_block "${home}"/'.vimrc' '" >>> rigctl theme >>>' '" <<< rigctl theme <<<' "${contents_7}" "${contents_8}"
  rig_install_file "${home}"/'.config/nvim/colors/rigctl.vim' "${contents_9}" 644
  rig_install_file "${home}"/'.config/nvim/colors/rigctl-workstation.vim' "${contents_10}" 644
  rig_install_file "${home}"/'.config/nvim/plugin/rigctl-theme.vim' "${contents_11}" 644
  rig_install_new_file "${home}"/'.config/Code/User/settings.json' "${contents_12}" 644
  echo 'done: Install 11 dotfiles (theme)'
}

# Set the hostname to workstation. Fixes: hostname.
step_hostname() {
  if rig_hostname_is 'workstation'; then
    echo 'ok: Set the hostname to workstation'
    return 0
  fi
  rig_require_root 'hostname'
  rig_set_hostname 'workstation'
  echo 'done: Set the hostname to workstation'
}

# BIOS: update to version 3003. Fixes: bios.version.
step_bios_version() {
  echo 'manual: BIOS: update to version 3003'
}

# BIOS: set above-4g-decoding to enabled. Fixes: bios.settings.above-4g-decoding.
step_bios_above_4g_decoding() {
  echo 'manual: BIOS: set above-4g-decoding to enabled'
}

# BIOS: set resizable-bar to enabled. Fixes: bios.settings.resizable-bar.
step_bios_resizable_bar() {
  echo 'manual: BIOS: set resizable-bar to enabled'
}

# BIOS: set secure-boot to disabled. Fixes: bios.settings.secure-boot.
step_bios_secure_boot() {
  echo 'manual: BIOS: set secure-boot to disabled'
}

# BIOS: set virtualization to enabled. Fixes: bios.settings.virtualization.
step_bios_virtualization() {
  echo 'manual: BIOS: set virtualization to enabled'
}

# BIOS: set xmp to profile-1. Fixes: bios.settings.xmp.
step_bios_xmp() {
  echo 'manual: BIOS: set xmp to profile-1'
}

# Reboot if the NVIDIA kernel module changed. Fixes: drivers.nvidia.version, drivers.nvidia.user-space.
step_reboot_notice() {
  if rig_driver_module_loaded; then
    echo 'ok: Reboot if the NVIDIA kernel module changed'
    return 0
  fi
  echo 'reboot: the installed NVIDIA kernel module is not the loaded one; reboot to load it'
}

main() {
  step_cuda_repository
  step_apt_packages
  step_nvidia_driver
  step_nouveau_blacklist
  step_dkms_modules
  step_cuda_toolkit
  step_cuda_default
  step_gpu_settings
  step_python_environment
  step_dotfiles
  step_hostname
  step_bios_version
  step_bios_above_4g_decoding
  step_bios_resizable_bar
  step_bios_secure_boot
  step_bios_virtualization
  step_bios_xmp
  step_reboot_notice
}

main "$@"
