import RigSpec
import RigPlan

/// The shell script's concern of the package manager: the commands step functions run and the helpers
/// every script defines (`ShellPrelude`), so `ShellEmitter` names no package manager itself.
extension SystemPackageManager {
    /// Refreshes the package lists.
    var updateCacheCommand: String {
        switch self {
        case .apt: "apt-get update"
        }
    }

    /// Installs packages without a question (the prelude's helper, which sets the manager's non-interactive mode).
    var installFunction: String {
        switch self {
        case .apt: "rig_apt_install"
        }
    }

    /// Installs packages without a question, where no helper is defined (the DKMS repair, which the playbook runs alone).
    var unattendedInstallCommand: String {
        switch self {
        case .apt: "DEBIAN_FRONTEND=noninteractive apt-get install -y"
        }
    }

    /// The install option that lets a held package move to the version asked for.
    var allowHeldChangeOption: String {
        switch self {
        case .apt: "--allow-change-held-packages"
        }
    }

    /// Holds packages where they are, so upgrades leave them alone (apt-mark(8), `hold`).
    var holdCommand: String {
        switch self {
        case .apt: "apt-mark hold"
        }
    }

    /// Installs a downloaded package file (NVIDIA's `cuda-keyring`).
    var installFileCommand: String {
        switch self {
        case .apt: "dpkg -i"
        }
    }

    /// The helper that prints the newest installable version of NAME matching GLOB (`rig_apt_version NAME GLOB`).
    var versionFunction: String {
        switch self {
        case .apt: "rig_apt_version"
        }
    }

    /// The install argument for `name` at the version held in the shell variable `variable`: apt's `name=version`.
    func versionedArgument(_ name: String, variable: String) -> String {
        switch self {
        case .apt: ShellQuote.quote(name + "=") + "\"${\(variable)}\""
        }
    }

    /// A test that version `left` is `right` or newer (both shell words, already quoted), in the package
    /// manager's own version order: dpkg's (deb-version(7)), where `12.10` is newer than `12.9`.
    func versionAtLeast(_ left: String, _ right: String) -> String {
        switch self {
        case .apt: "dpkg --compare-versions \(left) ge \(right)"
        }
    }

    /// The helpers every script defines for this package manager, called by the step functions and guards:
    /// the install helper, `rig_package_state`, `rig_package_installed NAME [GLOB [hold]]`,
    /// `rig_package_at_least NAME VERSION`, `rig_driver_branch_installed FLAVOR BRANCH` and the version helper.
    var shellHelpers: String {
        switch self {
        case .apt: Self.aptHelpers
        }
    }

    /// apt's: `apt-get install -y` without questions, dpkg-query(1)'s `db:Status-Want`/`db:Status-Status` fields
    /// for the state and the hold, `dpkg --compare-versions` for order, `apt-cache madison` for the versions apt can install.
    private static let aptHelpers = #"""
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

"""#
}
