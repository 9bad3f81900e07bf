import RigSpec
import FoundationEssentials
import RigText
import RigSystem

/// Takes an installed theme out of a HOME again, the inverse of `ThemeInstaller`: rigctl's whole files
/// removed, its blocks cut out, its colours taken out of settings.json, and where a backup holds what
/// the install replaced (and nothing changed since), that backup's bytes put back exactly. Every change
/// is computed first and written at once through `System.replaceFiles` (links followed, modes and owners
/// kept, all or nothing). Backups stay where they are: they are the user's bytes. A second run changes nothing.
package enum ThemeUninstaller {
    package static func uninstall(_ files: [RenderedFile], home: String, system: any System,
                                  dryRun: Bool = false) throws(InstallError) -> UninstallReport {
        var entries: [UninstallReport.Entry] = []
        var replacements: [FileReplacement] = []
        for file in files {
            let target = ThemeInstaller.path(of: file, in: home)
            guard let existing = try ThemeInstaller.read(target, system: system) else {
                entries.append(.init(path: target, change: .absent))
                continue
            }
            let backups = self.backups(of: target, system: system)
            let outcome = try undo(file, existing: Array(existing), backups: backups, path: target)
            switch outcome {
            case .keep(let change):
                entries.append(.init(path: target, change: change))
            case .remove:
                replacements.append(.removal(path: target, expected: existing))
                entries.append(.init(path: target, change: .removed))
            case .write(let bytes, let restored):
                replacements.append(FileReplacement(path: target, expected: existing, contents: Data(bytes), mode: file.mode))
                entries.append(.init(path: target, change: restored == nil ? .edited : .restored, backup: restored))
            }
        }
        guard !dryRun, !replacements.isEmpty else { return UninstallReport(entries: entries) }
        do {
            _ = try system.replaceFiles(replacements)
        } catch {
            throw InstallError(path: error.path, message: "cannot write: \(error.reason)")
        }
        return UninstallReport(entries: entries)
    }

    enum Outcome: Equatable {
        case keep(UninstallReport.Change)
        case remove
        /// New bytes; the backup they came from, when they are one.
        case write([UInt8], restored: String?)
    }

    /// What becomes of one installed file, given its backups (oldest first, with their bytes).
    static func undo(_ file: RenderedFile, existing: [UInt8], backups: [(path: String, bytes: [UInt8])],
                     path: String) throws(InstallError) -> Outcome {
        switch file.installation {
        case .wholeFile:
            guard !ThemeInstaller.needsBackup(Data(existing)) else { return .keep(.notRigctls) }
            // Whole files are backed up only when they were the user's; the newest is what the last install replaced.
            if let backup = backups.last(where: { ThemeInstaller.needsBackup(Data($0.bytes)) }) {
                return .write(backup.bytes, restored: backup.path)
            }
            return .remove
        case .managedBlock(let block):
            guard let parts = try block.split(existing, path: path), let stripped = try block.remove(from: existing, path: path) else {
                return .keep(.notRigctls)
            }
            if parts.after.isEmpty {
                // Exactly an install appended to a backup without a block: put that backup back, byte for byte.
                let original = backups.last { backup in
                    hasNoBlock(backup.bytes, block) && block.appendedPrefix(to: backup.bytes) == parts.before
                }
                if let original { return .write(original.bytes, restored: original.path) }
                if parts.before == block.appendedPrefix(to: nil) { return .remove }
            }
            return .write(stripped, restored: nil)
        case .jsonSettings(let edit):
            if existing == Array(edit.freshDocument.utf8) { return .remove }
            // The chain of installs from the user's original all merge to this file; the oldest is that original.
            let original = backups.first { (try? edit.apply(to: $0.bytes)) == existing && $0.bytes != existing }
            if let original { return .write(original.bytes, restored: original.path) }
            do {
                guard let removed = try JSONCMerger.remove(edit.settings, fromObjectAt: edit.key, of: existing) else {
                    return .keep(.notRigctls)
                }
                return .write(removed, restored: nil)
            } catch {
                throw InstallError(path: path, message: error.description)
            }
        }
    }

    static func hasNoBlock(_ bytes: [UInt8], _ block: ManagedBlock) -> Bool {
        do {
            return try block.split(bytes, path: "") == nil
        } catch {
            return false
        }
    }

    /// The backups an install made of `target` (`<name>.rigctl-backup-<time>[-N]`), oldest first; a backup
    /// that cannot be read is passed over.
    static func backups(of target: String, system: any SystemReader) -> [(path: String, bytes: [UInt8])] {
        backupPaths(of: target, system: system).compactMap { path in
            guard let bytes = try? system.readFile(path) else { return nil }
            return (path, Array(bytes))
        }
    }

    /// The backup names of `target`, oldest first.
    static func backupPaths(of target: String, system: any SystemReader) -> [String] {
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[..<$0]) } ?? "."
        let prefix = (slash.map { String(target[target.index(after: $0)...]) } ?? target) + ".rigctl-backup-"
        guard let names = try? system.listDirectory(directory.isEmpty ? "/" : directory) else { return [] }
        let stamped: [(name: String, time: String, counter: Int)] = names.compactMap { name in
            guard name.hasPrefix(prefix) else { return nil }
            let stamp = name.dropFirst(prefix.count)
            let parts = stamp.split(separator: "-", maxSplits: 1)
            guard let time = parts.first, time.count == 16 else { return nil }
            let counter = parts.count == 2 ? Int(parts[1]) : 1
            guard let counter else { return nil }
            return (name, String(time), counter)
        }
        return stamped.sorted { ($0.time, $0.counter) < ($1.time, $1.counter) }.map { directory + "/" + $0.name }
    }
}

/// What an uninstall did (or, dry, would do) to each file.
package struct UninstallReport: Sendable, Equatable, CustomStringConvertible {
    package enum Change: String, Sendable, Equatable {
        /// rigctl's file, gone.
        case removed
        /// A backup's bytes put back.
        case restored
        /// rigctl's block or colours taken out, the rest kept.
        case edited
        /// Nothing there.
        case absent
        /// Nothing of rigctl's in it (already uninstalled, or the user's own file now).
        case notRigctls = "kept"
    }

    package struct Entry: Sendable, Equatable {
        package var path: String
        package var change: Change
        /// The backup put back, for `restored`.
        package var backup: String?

        package init(path: String, change: Change, backup: String? = nil) {
            self.path = path
            self.change = change
            self.backup = backup
        }
    }

    package var entries: [Entry]

    package init(entries: [Entry]) { self.entries = entries }

    /// The files removed, restored or edited.
    package var changed: [Entry] { entries.filter { [.removed, .restored, .edited].contains($0.change) } }

    /// One line per file that had something of rigctl's: `restored  /home/me/.bashrc (from …)`.
    package var description: String {
        entries.filter { $0.change != .absent }.map { entry in
            let change = entry.change.rawValue.padded(to: 9)
            return "\(change) \(entry.path)" + (entry.backup.map { " (from \($0))" } ?? "")
        }.joined(separator: "\n")
    }
}
