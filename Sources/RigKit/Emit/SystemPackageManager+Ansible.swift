import RigSpec

/// The playbook's concern of the package manager: which `ansible.builtin` modules install, hold, list and
/// refresh, and with which arguments, so `AnsibleEmitter` names no package manager itself.
extension SystemPackageManager {
    /// The module that installs packages, a downloaded package file, and refreshes the cache.
    var ansibleModule: String {
        switch self {
        case .apt: "ansible.builtin.apt"
        }
    }

    /// The arguments that install `specifiers` (`name` or `name=glob`) when missing, refreshing a cache older
    /// than an hour first; `heldChange` lets a held package move to the pinned version (the apt module's
    /// `allow_change_held_packages`, ansible-core 2.13+).
    func ansibleInstallArguments(_ specifiers: [String], heldChange: Bool) -> [(String, YAMLNode)] {
        switch self {
        case .apt:
            var arguments: [(String, YAMLNode)] = [
                ("name", specifiers.count == 1 ? .string(specifiers[0]) : .list(specifiers.map(YAMLNode.string))),
                ("state", .word("present")),
                ("update_cache", .bool(true)),
                ("cache_valid_time", .int(3600)),
            ]
            if heldChange { arguments.append(("allow_change_held_packages", .bool(true))) }
            return arguments
        }
    }

    /// The arguments that install the package file at `url` (the apt module's `deb`, which downloads it).
    func ansibleInstallFileArguments(_ url: String) -> [(String, YAMLNode)] {
        switch self {
        case .apt: [("deb", .string(url))]
        }
    }

    /// The arguments that refresh the package lists (the update-cache handler's).
    var ansibleUpdateCacheArguments: [(String, YAMLNode)] {
        switch self {
        case .apt: [("update_cache", .bool(true))]
        }
    }

    /// The module and arguments that hold one package (`name` may be a loop's `{{ item }}`): dpkg's selection `hold`,
    /// which `apt-mark hold` sets too.
    func ansibleHold(_ name: String) -> (module: String, arguments: [(String, YAMLNode)]) {
        switch self {
        case .apt: ("ansible.builtin.dpkg_selections", [("name", .string(name)), ("selection", .word("hold"))])
        }
    }

    /// `ansible.builtin.package_facts`' `manager` for this package manager's database.
    var ansibleFactsManager: String {
        switch self {
        case .apt: "apt"
        }
    }
}
