import RigText

/// Loads machine specs: reads YAML, follows `include:`, merges, validates against
/// `MachineSpecShape` and reports every problem in every file at once.
///
/// Merge rules for includes (fragments first, in order, then the including file on top):
/// mappings merge key by key; lists concatenate, dropping items already present;
/// scalars: the including file wins. A key that is a mapping in one file and a list or
/// scalar in another is an error.
package final class SpecLoader {
    private let readFile: (String) -> Result<[UInt8], Diagnostic>
    /// A path with its symbolic links resolved (nil: it does not exist), so an include cannot leave the
    /// repository through a link; nil when the files have no links (a test's dictionary).
    private let realPath: ((String) -> String?)?
    private let limits: YAMLLimits
    /// Files read and parsed, by path: a fragment shared by many machines is read once.
    private var texts: [String: Result<[UInt8], Diagnostic>] = [:]
    private var trees: [String: YAMLReader.Result] = [:]
    private var joins: [JoinKey: String] = [:]
    private var realPaths: [String: String?] = [:]
    /// Fragments that include nothing: each resolves to its parsed tree, whichever machine names it.
    private var leafFragments: Set<String> = []
    /// The merge of include-free fragments, by their paths in include order, with the problems the
    /// merging found: a pure function of those (cached, unchanging) trees, so every machine naming
    /// the same fragments shares it. Bounded; one loader per thread, so no lock.
    private var leafMerges: [[String]: (tree: YAMLTree, diagnostics: [Diagnostic])] = [:]
    static let leafMergeLimit = 256
    /// Problems of the machine being loaded that were counted, not kept.
    private var suppressed = 0

    /// Why a file could not be read, in a few words ("no such file", "not UTF-8 text").
    package struct ReadFailure: Error, Sendable, Equatable {
        package var reason: String
        package init(_ reason: String) { self.reason = reason }
    }

    /// A loader that reads files only through `read`: RigSpec never touches the disk itself
    /// (rigctl's `Repository` passes its `System`; tests pass a dictionary). A file over
    /// `limits.maxBytes` is refused before it is parsed.
    package init(limits: YAMLLimits = .spec, read: @escaping (String) -> Result<[UInt8], ReadFailure>,
                 realPath: ((String) -> String?)? = nil) {
        self.limits = limits
        self.realPath = realPath
        self.readFile = { path in
            let origin = SourceLocation(file: path, line: 1, column: 1)
            switch read(path) {
            case .failure(let failure): return .failure(Diagnostic(at: origin, failure.reason))
            case .success(let bytes) where bytes.count > limits.maxBytes: return .failure(Diagnostic(at: origin, YAMLReader.tooLarge(bytes.count, limits)))
            case .success(let bytes): return .success(bytes)
            }
        }
    }

    /// A loader over `readFile`, which gives nil for a file it cannot read.
    package convenience init(limits: YAMLLimits = .spec, readFile: @escaping (String) -> String?) {
        self.init(limits: limits, read: { path in readFile(path).map { .success(Array($0.utf8)) } ?? .failure(ReadFailure("cannot read file")) })
    }

    /// Loads one machine file.
    package func load(file: String) -> Result<MachineSpec, SpecError> {
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
        let value = decoder.decode(merged, as: MachineSpecShape.root)
        diagnostics += decoder.diagnostics
        guard diagnostics.isEmpty, let value else { return .failure(SpecError(SpecLoader.capped(diagnostics, suppressed: suppressed + decoder.suppressed))) }
        // Written through the decoder, which holds the map alone: a copy written to copied every entry.
        decoder.locate(top: origin)
        let spec = MachineSpec(name: name, file: file, value: value, locations: decoder.locations)
        let platformProblems = PlatformKeys.diagnostics(spec)
        guard platformProblems.isEmpty else { return .failure(SpecError(SpecLoader.capped(platformProblems, suppressed: 0))) }
        return .success(spec)
    }

    /// Problems reported for one machine at most; the rest are counted in a closing note.
    package static let diagnosticLimit = 100

    static func capped(_ diagnostics: [Diagnostic], suppressed: Int) -> [Diagnostic] {
        let sorted = diagnostics.sorted()
        let kept = Array(sorted.prefix(diagnosticLimit))
        let more = suppressed + sorted.count - kept.count
        guard more > 0, let last = kept.last else { return kept }
        // "…" sorts after every ASCII message at the same place, so the note stays last.
        return kept + [Diagnostic(.note, at: last.location, "… and \(more) more problem\(more == 1 ? "" : "s") (only the first \(diagnosticLimit) are reported)")]
    }

    /// Loads many files, collecting every diagnostic from all of them.
    package func loadAll(_ files: [String]) -> (specs: [MachineSpec], diagnostics: [Diagnostic]) {
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

    /// `machines/compute-node.yaml` → `compute-node`.
    package static func machineName(of file: String) -> String {
        let base = PathText.lastComponent(file)
        for suffix in [".yaml", ".yml"] where base.hasSuffix(suffix) { return String(base.dropLast(suffix.count)) }
        return base
    }

    // MARK: - Includes

    private func resolve(_ file: String, chain: [String], diagnostics: inout [Diagnostic]) -> YAMLTree? {
        let parsed: YAMLReader.Result
        if let cached = trees[file] {
            parsed = cached
        } else {
            // Only fragments (files reached through an include) are kept for the next machine;
            // a machine file is read once, and keeping 1,000 of them would only cost memory.
            let isFragment = !chain.isEmpty
            switch isFragment ? text(of: file) : texts[file] ?? readFile(file) {
            case .success(let bytes):
                parsed = bytes.withUnsafeBufferPointer { YAMLReader.read(bytes: $0, file: file, limits: limits) }
            case .failure(let diagnostic):
                parsed = YAMLReader.Result(root: nil, diagnostics: [diagnostic])
            }
            if isFragment { trees[file] = parsed }
        }
        diagnostics += parsed.diagnostics
        suppressed += parsed.suppressed
        guard let tree = parsed.root else { return nil }
        guard case .mapping(let pairs) = tree.value,
              let includeIndex = pairs.firstIndex(where: { $0.key.scalar == "include" }) else {
            if !chain.isEmpty { leafFragments.insert(file) }
            return tree
        }
        guard case .sequence(let items) = pairs[includeIndex].value.value else {
            diagnostics.append(Diagnostic(at: pairs[includeIndex].value.location, "include: expected a list of file paths, found \(pairs[includeIndex].value.kindName)"))
            return tree
        }
        var merged: YAMLTree?
        // The include-free fragments `merged` is made of, in order; nil once another fragment is in it.
        var leaves: [String]? = []
        let root = SpecLoader.includeRoot(of: chain.first ?? file)
        for item in items {
            guard let relative = item.scalar, item.resolvedKind == .string, SpecPatterns.includePath.matches(relative), !relative.hasPrefix("/") else {
                diagnostics.append(Diagnostic(at: item.location, "include: '\(item.scalar ?? item.kindName)' is not \(SpecPatterns.includePath.meaning)"))
                continue
            }
            let target = joined(file, relative)
            guard SpecLoader.isInside(target, root) else {
                diagnostics.append(Diagnostic(at: item.location, "include: '\(relative)' leads out of \(root.isEmpty ? "the repository" : root) (includes stay inside the repository)"))
                continue
            }
            // The names stay inside; the file they reach must too, whatever links lie on the way.
            if realPath != nil, let real = resolvedPath(target), let realRoot = resolvedPath(root.isEmpty ? "." : root), !SpecLoader.isInside(real, realRoot) {
                diagnostics.append(Diagnostic(at: item.location, "include: '\(relative)' leads out of \(root.isEmpty ? "the repository" : root) "
                    + "through a symbolic link (it resolves to \(real); includes stay inside the repository)"))
                continue
            }
            // Distinct paths can still loop (a directory link back to itself: loop/x.yaml, loop/loop/x.yaml, …).
            guard chain.count < SpecLoader.maxIncludeDepth else {
                diagnostics.append(Diagnostic(at: item.location, "include: '\(relative)' is nested deeper than \(SpecLoader.maxIncludeDepth) files"))
                continue
            }
            if chain.contains(target) || target == file {
                let cycle = (chain + [file, target]).map { PathText.lastComponent($0) }.joined(separator: " → ")
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
            guard let before = leaves, leafFragments.contains(target) else {
                leaves = nil
                merged = merged.map { SpecLoader.merge($0, fragment, diagnostics: &diagnostics) } ?? fragment
                continue
            }
            let key = before + [target]
            leaves = key
            guard let base = merged else { merged = fragment; continue }
            if let known = leafMerges[key] {
                diagnostics += known.diagnostics
                merged = known.tree
            } else {
                var found: [Diagnostic] = []
                let tree = SpecLoader.merge(base, fragment, diagnostics: &found)
                diagnostics += found
                if leafMerges.count < SpecLoader.leafMergeLimit { leafMerges[key] = (tree, found) }
                merged = tree
            }
        }
        // The include key itself is consumed here; its items stay checked above.
        var own = pairs
        own.remove(at: includeIndex)
        let ownTree = YAMLTree(.mapping(own), at: tree.location)
        guard let merged else { return ownTree }
        return SpecLoader.merge(merged, ownTree, diagnostics: &diagnostics)
    }

    /// `join(file, relative)`, which depends only on the file's folder: every machine in `machines/`
    /// names the same fragments, so each pair is joined once.
    private func joined(_ file: String, _ relative: String) -> String {
        let key = JoinKey(directory: PathText.deletingLastComponent(file), absolute: file.hasPrefix("/"), relative: relative)
        if let known = joins[key] { return known }
        let result = SpecLoader.join(file, relative)
        joins[key] = result
        return result
    }

    private struct JoinKey: Hashable {
        var directory: String
        var absolute: Bool
        var relative: String
    }

    /// `realPath(path)`, asked once per path: files do not move while one command loads them.
    private func resolvedPath(_ path: String) -> String? {
        if let known = realPaths[path] { return known }
        let result = realPath?(path)
        realPaths[path] = .some(result)
        return result
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
            // Keys are unique in each mapping (the reader drops repeats); a short one is scanned,
            // a long one indexed, so merging stays linear.
            var result = basePairs
            var index: [String: Int]?
            // By position: a copied pair of nodes cost two value-witness copies.
            for overlay in overlayPairs.indices {
                guard let key = overlayPairs[overlay].key.scalar else { result.append(overlayPairs[overlay]); continue }
                if index == nil, result.count > 16 {
                    var built: [String: Int] = Dictionary(minimumCapacity: result.count)
                    for (position, pair) in result.enumerated() { if let key = pair.key.scalar { built[key] = position } }
                    index = built
                }
                let found = index.map { $0[key] } ?? result.firstIndex { $0.key.scalar == key }
                if let position = found {
                    result[position].value = merge(result[position].value, overlayPairs[overlay].value, diagnostics: &diagnostics)
                    result[position].key = overlayPairs[overlay].key
                } else {
                    index?[key] = result.count
                    result.append(overlayPairs[overlay])
                }
            }
            return YAMLTree(.mapping(result), at: overlay.location)
        case let (.sequence(baseItems), .sequence(overlayItems)):
            // A scalar is the same item however it was quoted ("git" and git); one pass with a set.
            var result = baseItems
            if baseItems.count + overlayItems.count <= 32 {
                // Short lists (nearly all) are scanned: the same test as the sets below, without hashing.
                var identities = baseItems.map(\.scalarIdentity)
                for item in overlayItems {
                    let identity = item.scalarIdentity
                    let isNew = identity.map { !identities.contains($0) } ?? !result.contains { $0.scalarIdentity == nil && $0 == item }
                    if isNew { result.append(item); identities.append(identity) }
                }
                return YAMLTree(.sequence(result), at: overlay.location)
            }
            var seen = Set(baseItems.compactMap(\.scalarIdentity))
            var present = Set(baseItems.filter { $0.scalarIdentity == nil })
            for item in overlayItems {
                let isNew = item.scalarIdentity.map { seen.insert($0).inserted } ?? present.insert(item).inserted
                if isNew { result.append(item) }
            }
            return YAMLTree(.sequence(result), at: overlay.location)
        case (.scalar, .scalar):
            return overlay
        default:
            diagnostics.append(Diagnostic(at: overlay.location, "cannot merge \(overlay.kindName) here with \(base.kindName) from \(base.location)"))
            return overlay
        }
    }

    /// The most files one include chain may hold.
    static let maxIncludeDepth = 16

    /// The repository a machine file belongs to: the folder above its own (`machines/x.yaml` → `` (here),
    /// `/r/machines/x.yaml` → `/r`). Includes may not leave it, so a spec cannot read any YAML on disk.
    static func includeRoot(of file: String) -> String {
        PathText.deletingLastComponent(PathText.deletingLastComponent(file))
    }

    static func isInside(_ path: String, _ root: String) -> Bool {
        if path == ".." || path.hasPrefix("../") { return root.hasPrefix("..") && path.hasPrefix(root + "/") }
        if root.isEmpty || root == "." { return !path.hasPrefix("/") }
        return path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// Resolves `relative` against the directory of `file`, dropping `.` and folding `..`.
    static func join(_ file: String, _ relative: String) -> String {
        let directory = PathText.deletingLastComponent(file)
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
}
