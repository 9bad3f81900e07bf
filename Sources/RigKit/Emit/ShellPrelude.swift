import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
/// The helper functions every generated shell script starts with. Step functions call only these
/// and plain commands, so each step reads as: guard, then action.
enum ShellPrelude {
    /// The helpers `steps` need: the common ones, and Homebrew's only where a step installs from a Brewfile
    /// (so a Linux script carries no Mac helpers).
    static func text(for steps: [Step], packages: SystemPackageManager) -> String {
        let helpers = text(packages)
        return steps.contains { if case .brewBundle = $0.kind { true } else { false } } ? helpers + homebrew : helpers
    }

    /// Homebrew's helpers, for a Mac's scripts.
    static let homebrew = #"""

# rig_brew_bundle_check BREWFILE: Homebrew is installed and finds every package of BREWFILE (its text) installed.
rig_brew_bundle_check() {
  command -v brew >/dev/null 2>&1 || return 1
  printf '%s' "$1" | brew bundle check --no-upgrade --file=- >/dev/null 2>&1
}

# rig_brew_bundle_install BREWFILE: installs what BREWFILE lists, as the user (Homebrew refuses root).
rig_brew_bundle_install() {
  if ! command -v brew >/dev/null 2>&1; then
    printf 'error: Homebrew is not installed or not on PATH (see https://brew.sh; on Apple silicon it lives in /opt/homebrew/bin)\n' >&2
    exit 1
  fi
  printf '%s' "$1" | brew bundle install --no-upgrade --file=-
}

# rig_fail MESSAGE: stops the script with an error.
rig_fail() {
  printf 'error: %s\n' "$1" >&2
  exit 1
}

"""#

    /// The common helpers, with the package manager's own (`SystemPackageManager.shellHelpers`) among them.
    static func text(_ packages: SystemPackageManager) -> String {
        coreBeforePackages + "\n" + packages.shellHelpers + "\n" + coreAfterPackages + "\n" + dkmsFunctions(packages) + "\n"
            + cudaDefaultFunctions(packages) + "\n" + containerFunctions(packages)
    }

    /// The helpers of an apt system, and the DKMS repair and key download below, as apt's: every Linux system
    /// rigctl plans for has apt, and tests run these against fakes.
    static let text: String = text(.apt)
    static let dkmsFunctions: String = dkmsFunctions(.apt)
    static let cudaDefaultFunctions: String = cudaDefaultFunctions(.apt)
    static let containerFunctions: String = containerFunctions(.apt)

    private static let coreBeforePackages = #"""
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

"""#

    private static let coreAfterPackages = #"""
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
"""#

    /// The DKMS repair, also run by the playbook's `dkms-modules` tasks (`bash -c`): no Ansible module runs dkms.
    /// `dkms autoinstall -k KERNEL` builds and installs, for KERNEL, every module installed for another kernel
    /// (dkms(8), "autoinstall"); installing `linux-headers-KERNEL` already runs it through dkms's
    /// `/etc/kernel/header_postinst.d/dkms` hook, so the explicit call is what makes a headers-present,
    /// build-failed kernel retry.
    static func dkmsFunctions(_ packages: SystemPackageManager) -> String { #"""
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
      if [[ -z ${updated} ]]; then \#(packages.updateCacheCommand); updated=1; fi
      \#(packages.unattendedInstallCommand) "\#(packages.kernelHeadersPackagePrefix)${kernel}"
    fi
    dkms autoinstall -k "${kernel}"
  done <<<"${missing}"
}
"""# }

    /// The `/usr/local/cuda` switch, also run by the playbook's `cuda-default` tasks. NVIDIA's CUDA packages make
    /// `/usr/local/cuda` an alternative: each `cuda-toolkit-X-Y-config-common` (rpm: `cuda-toolkit-X-Y`) runs
    /// `update-alternatives --install /usr/local/cuda cuda /usr/local/cuda-X.Y <XY>` (the scriptlet quoted in
    /// NVIDIA/libnvidia-container#117), so the newest installed toolkit wins in auto mode; `--set` puts the
    /// alternative in manual mode, where a later toolkit install no longer moves it.
    static func cudaDefaultFunctions(_ packages: SystemPackageManager) -> String { #"""
# rig_cuda_matches KIND RELEASE PATH: PATH is a cuda-X.Y directory whose X.Y is RELEASE (KIND prefix: 12.8 or
# 12.8.x; 13 takes 13.x) or at least RELEASE (KIND atleast).
rig_cuda_matches() {
  local name=${3##*/}
  [[ ${name} =~ ^cuda-([0-9]+(\.[0-9]+)*)$ ]] || return 1
  local version=${BASH_REMATCH[1]}
  case $1 in
    prefix) [[ ${version} == "$2" || ${version} == "$2".* ]] ;;
    atleast) \#(packages.versionAtLeast("\"${version}\"", "\"$2\"")) ;;
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
"""# }

    /// Apt keys, group members and docker runtimes, for the container steps (docs/plan.md, "Containers").
    static func containerFunctions(_ packages: SystemPackageManager) -> String { #"""
# rig_download_key URL PATH: the key at URL into PATH (mode 644, its directory 755), through a temporary file beside it.
rig_download_key() {
  if ! command -v curl >/dev/null; then
    \#(packages.updateCacheCommand)
    \#(packages.installFunction) ca-certificates curl
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
"""# }
}
