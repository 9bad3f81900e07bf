import Foundation

/// Loads machine specs: reads YAML, follows `include:`, merges, validates against
/// `MachineSpecShape` and reports every problem in every file at once.
///
/// Merge rules for includes (fragments first, in order, then the including file on top):
/// mappings merge key by key; lists concatenate, dropping items already present;
/// scalars: the including file wins. A key that is a mapping in one file and a list or
/// scalar in another is an error.
public final class SpecLoader {
    private let readFile: (String) -> Result<[UInt8], Diagnostic>
    private let limits: YAMLLimits
    /// Files read and parsed, by path: a fragment shared by many machines is read once.
    private var texts: [String: Result<[UInt8], Diagnostic>] = [:]
    private var trees: [String: YAMLReader.Result] = [:]
    /// Problems of the machine being loaded that were counted, not kept.
    private var suppressed = 0

    public init(limits: YAMLLimits = .spec, readFile: ((String) -> String?)? = nil) {
        self.limits = limits
        if let readFile {
            self.readFile = { path in
                readFile(path).map { .success(Array($0.utf8)) } ?? .failure(Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), "cannot read file"))
            }
        } else {
            self.readFile = { SpecLoader.readFromDisk($0, limits: limits) }
        }
    }

    /// Loads one machine file.
    public func load(file: String) -> Result<MachineSpec, SpecError> {
        var diagnostics: [Diagnostic] = []
        suppressed = 0
        let name = SpecLoader.machineName(of: file)
        let origin = SourceLocation(file: file, line: 1, column: 1)
        if !SpecPatterns.machineName.matches(name) {
            diagnostics.append(Diagnostic(at: origin, "machine file name '\(name)' must be \(SpecPatterns.machineName.meaning)"))
        }
        guard let merged = resolve(file, chain: [], diagnostics: &diagnostics) else {
            if diagnostics.isEmpty {
                diagnostics.append(Diagnostic(at: origin, "the file is empty; a machine spec starts with 'version: 1'"))
            }
            return .failure(SpecError(SpecLoader.capped(diagnostics, suppressed: suppressed)))
        }
        guard case .mapping = merged.value else {
            diagnostics.append(Diagnostic(at: merged.location, "expected a mapping of keys such as 'version:' and 'hostname:' at the top level, found \(merged.kindName)"))
            return .failure(SpecError(SpecLoader.capped(diagnostics, suppressed: suppressed)))
        }
        var decoder = ShapeDecoder(limit: SpecLoader.diagnosticLimit)
        let value = decoder.decode(merged, as: MachineSpecShape.root, path: "")
        diagnostics += decoder.diagnostics
        guard diagnostics.isEmpty, let value else { return .failure(SpecError(SpecLoader.capped(diagnostics, suppressed: suppressed + decoder.suppressed))) }
        var locations = decoder.locations
        locations[""] = origin
        return .success(MachineSpec(name: name, file: file, value: value, locations: locations))
    }

    /// Problems reported for one machine at most; the rest are counted in a closing note.
    public static let diagnosticLimit = 100

    static func capped(_ diagnostics: [Diagnostic], suppressed: Int) -> [Diagnostic] {
        let sorted = diagnostics.sorted()
        let kept = Array(sorted.prefix(diagnosticLimit))
        let more = suppressed + sorted.count - kept.count
        guard more > 0, let last = kept.last else { return kept }
        // "…" sorts after every ASCII message at the same place, so the note stays last.
        return kept + [Diagnostic(.note, at: last.location, "… and \(more) more problem\(more == 1 ? "" : "s") (only the first \(diagnosticLimit) are reported)")]
    }

    /// Loads many files, collecting every diagnostic from all of them.
    public func loadAll(_ files: [String]) -> (specs: [MachineSpec], diagnostics: [Diagnostic]) {
        var specs: [MachineSpec] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            switch load(file: file) {
            case .success(let spec): specs.append(spec)
            case .failure(let error): diagnostics += error.diagnostics
            }
        }
        return (specs, diagnostics.sorted())
    }

    /// The machine files of a directory: `*.yaml` and `*.yml` directly in it (fragments live in
    /// subdirectories such as `stacks/` and are checked through the machines that include them).
    public static func machineFiles(in directory: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { prefix + $0 }
    }

    /// `machines/compute-node.yaml` → `compute-node`.
    public static func machineName(of file: String) -> String {
        let base = (file as NSString).lastPathComponent
        for suffix in [".yaml", ".yml"] where base.hasSuffix(suffix) { return String(base.dropLast(suffix.count)) }
        return base
    }

    // MARK: - Includes

    private func resolve(_ file: String, chain: [String], diagnostics: inout [Diagnostic]) -> YAMLTree? {
        let parsed: YAMLReader.Result
        if let cached = trees[file] {
            parsed = cached
        } else {
            switch text(of: file) {
            case .success(let bytes):
                parsed = bytes.withUnsafeBufferPointer { YAMLReader.read(bytes: $0, file: file, limits: limits) }
            case .failure(let diagnostic):
                parsed = YAMLReader.Result(root: nil, diagnostics: [diagnostic])
            }
            trees[file] = parsed
        }
        diagnostics += parsed.diagnostics
        suppressed += parsed.suppressed
        guard let tree = parsed.root else { return nil }
        guard case .mapping(let pairs) = tree.value,
              let includeIndex = pairs.firstIndex(where: { $0.key.scalar == "include" }) else { return tree }
        guard case .sequence(let items) = pairs[includeIndex].value.value else {
            diagnostics.append(Diagnostic(at: pairs[includeIndex].value.location, "include: expected a list of file paths, found \(pairs[includeIndex].value.kindName)"))
            return tree
        }
        var merged: YAMLTree?
        for item in items {
            guard let relative = item.scalar, item.resolvedKind == .string, SpecPatterns.includePath.matches(relative), !relative.hasPrefix("/") else {
                diagnostics.append(Diagnostic(at: item.location, "include: '\(item.scalar ?? item.kindName)' is not \(SpecPatterns.includePath.meaning)"))
                continue
            }
            let target = SpecLoader.join(file, relative)
            if chain.contains(target) || target == file {
                let cycle = (chain + [file, target]).map { ($0 as NSString).lastPathComponent }.joined(separator: " → ")
                diagnostics.append(Diagnostic(at: item.location, "include cycle: \(cycle)"))
                continue
            }
            guard case .success = text(of: target) else {
                diagnostics.append(Diagnostic(at: item.location, "include: cannot read '\(relative)' (looked for \(target))"))
                continue
            }
            guard let fragment = resolve(target, chain: chain + [file], diagnostics: &diagnostics) else { continue }
            guard case .mapping = fragment.value else {
                diagnostics.append(Diagnostic(at: fragment.location, "an included fragment must be a mapping, found \(fragment.kindName)"))
                continue
            }
            merged = merged.map { SpecLoader.merge($0, fragment, diagnostics: &diagnostics) } ?? fragment
        }
        // The include key itself is consumed here; its items stay checked above.
        var own = pairs
        own.remove(at: includeIndex)
        let ownTree = YAMLTree(.mapping(own), at: tree.location)
        guard let merged else { return ownTree }
        return SpecLoader.merge(merged, ownTree, diagnostics: &diagnostics)
    }

    private func text(of path: String) -> Result<[UInt8], Diagnostic> {
        if let cached = texts[path] { return cached }
        let result = readFile(path)
        texts[path] = result
        return result
    }

    static func merge(_ base: YAMLTree, _ overlay: YAMLTree, diagnostics: inout [Diagnostic]) -> YAMLTree {
        switch (base.value, overlay.value) {
        case let (.mapping(basePairs), .mapping(overlayPairs)):
            var result = basePairs
            var index: [String: Int] = [:]
            for (position, pair) in result.enumerated() { if let key = pair.key.scalar { index[key] = position } }
            for pair in overlayPairs {
                if let key = pair.key.scalar, let position = index[key] {
                    result[position] = (pair.key, merge(result[position].value, pair.value, diagnostics: &diagnostics))
                } else {
                    if let key = pair.key.scalar { index[key] = result.count }
                    result.append(pair)
                }
            }
            return YAMLTree(.mapping(result), at: overlay.location)
        case let (.sequence(baseItems), .sequence(overlayItems)):
            var result = baseItems
            var present = Set(baseItems)
            for item in overlayItems where present.insert(item).inserted { result.append(item) }
            return YAMLTree(.sequence(result), at: overlay.location)
        case (.scalar, .scalar):
            return overlay
        default:
            diagnostics.append(Diagnostic(at: overlay.location, "cannot merge \(overlay.kindName) here with \(base.kindName) from \(base.location)"))
            return overlay
        }
    }

    /// Resolves `relative` against the directory of `file`, dropping `.` and folding `..`.
    static func join(_ file: String, _ relative: String) -> String {
        let directory = (file as NSString).deletingLastPathComponent
        var parts = directory.isEmpty ? [] : directory.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let absolute = file.hasPrefix("/")
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != "..", !last.isEmpty { parts.removeLast() } else if !absolute { parts.append("..") }
            default: parts.append(String(part))
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute && !joined.hasPrefix("/") ? "/" + joined : joined
    }

    /// Reads a spec file, refusing one over the size limit before reading it all.
    private static func readFromDisk(_ path: String, limits: YAMLLimits) -> Result<[UInt8], Diagnostic> {
        let origin = SourceLocation(file: path, line: 1, column: 1)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            return .failure(Diagnostic(at: origin, exists ? (isDirectory.boolValue ? "is a directory, not a spec file" : "permission denied") : "no such file"))
        }
        defer { try? handle.close() }
        // One byte past the limit tells a file over it from one exactly at it, whatever stat says.
        guard let data = try? handle.read(upToCount: limits.maxBytes + 1) else {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            return .failure(Diagnostic(at: origin, isDirectory.boolValue ? "is a directory, not a spec file" : "cannot read file"))
        }
        if data.count > limits.maxBytes {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? data.count
            return .failure(Diagnostic(at: origin, YAMLReader.tooLarge(size, limits)))
        }
        return .success([UInt8](data))
    }
}

extension SpecLoader {
    /// Expands command-line arguments to machine files: a directory stands for its machine
    /// files; no arguments means `defaultDirectory`. A path that does not exist is a diagnostic.
    public static func files(for arguments: [String], defaultDirectory: String = "machines") -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        for argument in arguments.isEmpty ? [defaultDirectory] : arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(at: SourceLocation(file: argument, line: 1, column: 1), "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                do {
                    let found = try machineFiles(in: argument)
                    if found.isEmpty {
                        diagnostics.append(Diagnostic(at: SourceLocation(file: argument, line: 1, column: 1), "no machine specs (*.yaml) in this directory"))
                    }
                    files += found
                } catch {
                    diagnostics.append(Diagnostic(at: SourceLocation(file: argument, line: 1, column: 1), "cannot list directory"))
                }
            } else {
                files.append(argument)
            }
        }
        return (files, diagnostics)
    }
}

extension SpecLoader {
    /// `loadAll` on all cores: one loader per contiguous slice of `files` (a loader is not
    /// thread-safe; a fragment is read once per slice), specs in file order, diagnostics sorted.
    public static func loadAllConcurrently(_ files: [String], limits: YAMLLimits = .spec,
                                           readFile: (@Sendable (String) -> String?)? = nil) -> (specs: [MachineSpec], diagnostics: [Diagnostic]) {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let size = max(1, (files.count + cores - 1) / cores)
        let slices = stride(from: 0, to: files.count, by: size).map { Array(files[$0..<min($0 + size, files.count)]) }
        guard slices.count > 1 else { return SpecLoader(limits: limits, readFile: readFile).loadAll(files) }
        let results = SliceResults(count: slices.count)
        DispatchQueue.concurrentPerform(iterations: slices.count) { index in
            results.set(index, SpecLoader(limits: limits, readFile: readFile).loadAll(slices[index]))
        }
        let all = results.values()
        return (all.flatMap(\.specs), all.flatMap(\.diagnostics).sorted())
    }

    /// One slot per slice; each iteration writes only its own.
    private final class SliceResults: @unchecked Sendable {
        private var slots: [(specs: [MachineSpec], diagnostics: [Diagnostic])?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: (specs: [MachineSpec], diagnostics: [Diagnostic])) {
            lock.lock()
            defer { lock.unlock() }
            slots[index] = value
        }

        func values() -> [(specs: [MachineSpec], diagnostics: [Diagnostic])] { slots.map { $0! } }
    }
}
