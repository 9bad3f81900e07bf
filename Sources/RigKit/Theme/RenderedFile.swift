import RigSpec
import RigSystem
/// One file a renderer produces, named relative to HOME, and how it is installed there.
package struct RenderedFile: Sendable, Equatable {
    /// How the rendered text reaches the file at `path`.
    package enum Installation: Sendable, Equatable {
        /// rigctl owns the whole file.
        case wholeFile(String)
        /// A block between marker lines inside a file the user owns (`~/.bashrc`).
        case managedBlock(ManagedBlock)
        /// Keys set inside one object of a JSON-with-comments settings file, keeping everything else.
        case jsonSettings(JSONSettingsEdit)
    }

    /// Relative to HOME, such as `.config/rigctl/theme.sh`.
    package var path: String
    package var mode: Int
    package var installation: Installation

    package init(path: String, mode: Int = 0o644, installation: Installation) {
        self.path = path
        self.mode = mode
        self.installation = installation
    }

    /// The file's text once installed over `existing` (nil: the file does not exist yet).
    package func installedText(over existing: String?) throws(InstallError) -> String {
        String(decoding: try installedBytes(over: existing.map { Array($0.utf8) }), as: UTF8.self)
    }

    /// The file's bytes once installed over `existing`: every byte of the user's outside what rigctl sets is kept.
    package func installedBytes(over existing: [UInt8]?) throws(InstallError) -> [UInt8] {
        switch installation {
        case .wholeFile(let text):
            return Array(text.utf8)
        case .managedBlock(let block):
            return try block.apply(to: existing, path: path)
        case .jsonSettings(let edit):
            do {
                return try edit.apply(to: existing)
            } catch {
                throw InstallError(path: path, message: error.description)
            }
        }
    }

    /// What a fresh HOME gets at `path`: what `rigctl render --out` writes and the golden files hold.
    package var freshContents: String {
        switch installation {
        case .wholeFile(let text): return text
        case .managedBlock(let block): return block.newFilePreamble + block.text
        case .jsonSettings(let edit): return edit.freshDocument
        }
    }
}

/// A file that cannot be installed, and why; nothing was written.
package struct InstallError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file, relative to HOME or absolute.
    package var path: String
    package var message: String

    package init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    package var description: String { "\(path): \(message)" }
}
