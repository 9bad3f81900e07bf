import FoundationEssentials
import RigSystem
import RigProbe
import RigTheme
import RigAudit
import RigPlan
import RigSpec

/// One file `rigctl generate` writes, relative to the playbooks directory.
package struct GeneratedFile: Sendable, Equatable {
    package var path: String
    package var contents: String

    package init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// How a playbooks directory compares with what the specs generate.
package struct PlaybookSyncReport: Sendable, Equatable {
    /// Generated files that are not in the directory.
    package var missing: [String] = []
    /// Files whose contents differ from what the specs generate.
    package var stale: [String] = []
    /// `.yml` files in the directory that no spec generates.
    package var extra: [String] = []

    package init(missing: [String] = [], stale: [String] = [], extra: [String] = []) {
        self.missing = missing
        self.stale = stale
        self.extra = extra
    }

    package var isInSync: Bool { missing.isEmpty && stale.isEmpty && extra.isEmpty }

    /// One line per difference: `missing: playbooks/x.yml`.
    package func lines(directory: String) -> [String] {
        missing.map { "missing: \(directory)/\($0)" } + stale.map { "stale: \(directory)/\($0)" }
            + extra.map { "extra: \(directory)/\($0)" }
    }
}

/// Computes `playbooks/<machine>.yml`, `site.yml` and `inventory.yml` from every machine spec,
/// writes them, and tells whether a directory is in sync (for `rigctl generate --check` and CI).
/// Reads and writes through `System`.
package struct PlaybookGenerator: Sendable {
    package var planner: Planner
    /// The theme files of a machine's home; by default the theme renderer's (none for a theme that
    /// cannot be rendered: `generate` and `validate` report those before anything is written).
    package var dotfiles: @Sendable (MachineSpec) -> [RenderedFile]

    /// The header line every generated file carries; only such files are ever removed.
    static let marker = "Written by `rigctl generate`"

    package init(planner: Planner = Planner(), dotfiles: @escaping @Sendable (MachineSpec) -> [RenderedFile] = { (try? ThemeRenderer.homeFiles(for: $0)) ?? [] }) {
        self.planner = planner
        self.dotfiles = dotfiles
    }

    /// ansible-lint reads every `.yml` under a `playbooks/` directory as a playbook; this tells it
    /// that `inventory.yml` is an inventory, so `ansible-lint playbooks/` passes as it is.
    static let ansibleLintConfig = YAMLWriter.document(
        .map([("kinds", .list([.map([("inventory", .string("**/inventory.yml"))])]))]),
        header: ["Written by `rigctl generate`: how ansible-lint reads the files of this directory."])

    /// The files generated from all machines together (not one machine's playbook, nor the settings module, which no spec changes).
    package static let sharedFiles = ["inventory.yml", "site.yml", ".ansible-lint"]

    /// Every generated file, sorted by path.
    package func files(for specs: [MachineSpec]) -> [GeneratedFile] {
        // Each machine's playbook is independent: planned and written on all cores.
        var files = ParallelMap.map(specs) { GeneratedFile(path: Self.playbookName($0), contents: withPlaybook($0) { String(decoding: $0, as: UTF8.self) }) }
        files += commonFiles(for: specs)
        return files.sorted { $0.path < $1.path }
    }

    /// `<machine>.yml`.
    static func playbookName(_ spec: MachineSpec) -> String { "\(spec.name).yml" }

    /// One machine's playbook as UTF-8 bytes, lent to `body` (no copy: `audit` only compares them).
    func withPlaybook<R>(_ spec: MachineSpec, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let plan = planner.plan(spec: spec, dotfiles: dotfiles(spec))
        return AnsibleEmitter().withEmittedBytes(plan, inInventory: spec.ssh != nil, body)
    }

    /// The files that are not one machine's playbook: the inventory, `site.yml`, ansible-lint's
    /// configuration and the settings module.
    private func commonFiles(for specs: [MachineSpec]) -> [GeneratedFile] {
        [
            GeneratedFile(path: "inventory.yml", contents: InventoryEmitter().emit(specs)),
            GeneratedFile(path: "site.yml", contents: SiteEmitter().emit(specs)),
            GeneratedFile(path: ".ansible-lint", contents: Self.ansibleLintConfig),
            GeneratedFile(path: JSONCSettingsModule.path, contents: JSONCSettingsModule.source),
        ]
    }

    /// Compares `directory` with the generated files; reads only. Each machine's playbook is
    /// generated and compared with the file's bytes on all cores.
    package func check(_ specs: [MachineSpec], in directory: String, system: any System) throws(SystemError) -> PlaybookSyncReport {
        let playbooks = ParallelMap.map(specs) { spec in
            let path = Self.playbookName(spec)
            return (path: path, state: withPlaybook(spec) { Self.compare($0, with: Self.join(directory, path), system: system) })
        }
        let shared = commonFiles(for: specs).map { file in
            (path: file.path, state: Self.compare(file.contents, with: Self.join(directory, file.path), system: system))
        }
        return try report(playbooks + shared, in: directory, system: system)
    }

    /// The report over each generated file's state, plus the playbooks in `directory` nothing generates.
    private func report(_ states: [(path: String, state: FileState)], in directory: String, system: any System) throws(SystemError) -> PlaybookSyncReport {
        var report = PlaybookSyncReport()
        // In path order, as `files(for:)` lists them: the first file that cannot be read is the error.
        for file in states.sorted(by: { $0.path < $1.path }) {
            switch file.state {
            case .same: break
            case .missing: report.missing.append(file.path)
            case .stale: report.stale.append(file.path)
            case .unreadable(let error): throw error
            }
        }
        let names = Set(states.map(\.path))
        report.extra = try existingPlaybooks(in: directory, system: system).filter { !names.contains($0) }
        return report
    }

    /// How a file on disk compares with what is generated for it.
    private enum FileState: Sendable {
        case same, missing, stale
        case unreadable(SystemError)
    }

    private static func compare(_ generated: String, with path: String, system: any System) -> FileState {
        var generated = generated
        return generated.withUTF8 { compare($0, with: path, system: system) }
    }

    private static func compare(_ generated: UnsafeBufferPointer<UInt8>, with path: String, system: any System) -> FileState {
        guard system.fileExists(path) else { return .missing }
        do {
            let data = try system.readFile(path)
            let same = data.withUnsafeBytes { Self.sameBytes($0, UnsafeRawBufferPointer(generated)) }
            return same ? .same : .stale
        } catch {
            return .unreadable(error)
        }
    }

    /// Byte-for-byte equality, eight bytes at a time (a playbook is tens of KB).
    static func sameBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        var offset = 0
        while offset + 8 <= a.count {
            if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        while offset < a.count {
            if a[offset] != b[offset] { return false }
            offset += 1
        }
        return true
    }

    /// What `write` changed.
    package struct WriteResult: Sendable, Equatable {
        /// Files created or rewritten.
        package var written: [String]
        /// Generated playbooks of machines that no longer have a spec.
        package var removed: [String]
        /// `.yml` files rigctl did not write; left alone.
        package var foreign: [String]
    }

    /// Writes what differs and removes generated playbooks of machines that are gone.
    /// `.yml` files rigctl did not write are left alone and reported.
    @discardableResult
    package func write(_ specs: [MachineSpec], to directory: String, system: any System) throws(SystemError) -> WriteResult {
        // Generated once: compared with what is there, then written where it differs.
        let generated = files(for: specs)
        let states = ParallelMap.map(generated) { file in
            (path: file.path, state: Self.compare(file.contents, with: Self.join(directory, file.path), system: system))
        }
        let before = try report(states, in: directory, system: system)
        try system.createDirectory(directory)
        var result = WriteResult(written: [], removed: [], foreign: [])
        for file in generated where before.missing.contains(file.path) || before.stale.contains(file.path) {
            try system.writeText(Self.join(directory, file.path), file.contents)
            result.written.append(file.path)
        }
        for name in before.extra {
            let path = Self.join(directory, name)
            let header = try system.readText(path).split(separator: "\n").prefix(5)
            if header.contains(where: { $0.hasPrefix("#") && $0.contains(Self.marker) }) {
                try system.removeFile(path)
                result.removed.append(name)
            } else {
                result.foreign.append(name)
            }
        }
        return result
    }

    private func existingPlaybooks(in directory: String, system: any System) throws(SystemError) -> [String] {
        guard system.fileExists(directory) else { return [] }
        return try system.listDirectory(directory).filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted()
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
