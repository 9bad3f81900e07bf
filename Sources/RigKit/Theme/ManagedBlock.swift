import RigSpec
import Foundation
import RigSystem

/// A block of lines rigctl owns inside a file the user owns, between a begin and an end marker.
/// Installing replaces the block where it is, or appends it; everything outside it is kept as it was.
public struct ManagedBlock: Sendable, Equatable {
    /// Starts the marker lines: `#` for bash and tmux, `"` for vim.
    public var commentLeader: String
    /// The lines between the markers, each ending in a newline.
    public var body: String
    /// Goes above the block when the file does not exist yet (vim's defaults, which a new ~/.vimrc would switch off).
    public var newFilePreamble: String

    public init(commentLeader: String, body: String, newFilePreamble: String = "") {
        self.commentLeader = commentLeader
        self.body = body.hasSuffix("\n") || body.isEmpty ? body : body + "\n"
        self.newFilePreamble = newFilePreamble
    }

    public var beginMarker: String { "\(commentLeader) >>> rigctl theme >>>" }
    public var endMarker: String { "\(commentLeader) <<< rigctl theme <<<" }

    /// The block with its markers.
    public var text: String { "\(beginMarker)\n\(body)\(endMarker)\n" }

    /// `existing` with this block in place: replaced where the markers are, else appended after a blank line.
    public func apply(to existing: String?, path: String) throws(InstallError) -> String {
        guard let existing, !existing.isEmpty else { return newFilePreamble + text }
        var lines = existing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let endsWithNewline = lines.last == ""
        if endsWithNewline { lines.removeLast() }
        let begins = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces) == beginMarker }
        let ends = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces) == endMarker }
        switch (begins.count, ends.count) {
        case (0, 0):
            var result = existing
            if !endsWithNewline { result += "\n" }
            if lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == false { result += "\n" }
            return result + text
        case (1, 1) where begins[0] < ends[0]:
            let before = lines[..<begins[0]].map { $0 + "\n" }.joined()
            let after = lines[(ends[0] + 1)...].map { $0 + "\n" }.joined()
            let tail = endsWithNewline || after.isEmpty ? after : String(after.dropLast())
            return before + text + tail
        default:
            throw InstallError(path: path, message: "the rigctl theme block is damaged (expected one '\(beginMarker)' "
                + "line followed by one '\(endMarker)' line; found \(begins.count) and \(ends.count)); "
                + "fix or remove it by hand")
        }
    }
}
