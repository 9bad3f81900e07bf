import RigSpec
import FoundationEssentials
import RigSystem

/// A block of lines rigctl owns inside a file the user owns, between a begin and an end marker.
/// Installing replaces the block where it is, or appends it; every byte outside it is kept as it was,
/// whatever the encoding (the file is handled as bytes, never decoded) or line endings.
package struct ManagedBlock: Sendable, Equatable {
    /// Starts the marker lines: `#` for bash and tmux, `"` for vim.
    package var commentLeader: String
    /// The lines between the markers, each ending in a newline.
    package var body: String
    /// Goes above the block when the file does not exist yet (vim's defaults, which a new ~/.vimrc would switch off).
    package var newFilePreamble: String

    package init(commentLeader: String, body: String, newFilePreamble: String = "") {
        self.commentLeader = commentLeader
        self.body = body.hasSuffix("\n") || body.isEmpty ? body : body + "\n"
        self.newFilePreamble = newFilePreamble
    }

    package var beginMarker: String { "\(commentLeader) >>> rigctl theme >>>" }
    package var endMarker: String { "\(commentLeader) <<< rigctl theme <<<" }

    /// The block with its markers.
    package var text: String { "\(beginMarker)\n\(body)\(endMarker)\n" }

    /// `existing` with this block in place: replaced where the markers are, else appended after a blank line.
    package func apply(to existing: String?, path: String) throws(InstallError) -> String {
        String(decoding: try apply(to: existing.map { Array($0.utf8) }, path: path), as: UTF8.self)
    }

    /// The same on bytes. A marker line is found with or without a `\r` before its newline (a CRLF file);
    /// the block itself is written with `\n` endings, which is what bash, tmux and vim read as lines.
    package func apply(to existing: [UInt8]?, path: String) throws(InstallError) -> [UInt8] {
        guard let existing, let parts = try split(existing, path: path) else { return appendedPrefix(to: existing) + Array(text.utf8) }
        return parts.before + Array(text.utf8) + parts.after
    }

    /// What an install puts before the block when `existing` has none: the new file's preamble, or the file
    /// itself ending in a newline and then a blank line.
    package func appendedPrefix(to existing: [UInt8]?) -> [UInt8] {
        guard let existing, !existing.isEmpty else { return Array(newFilePreamble.utf8) }
        var result = existing
        if existing.last != UInt8(ascii: "\n") { result.append(UInt8(ascii: "\n")) }
        if let last = ByteLines(existing).ranges.last, !ByteLines(existing).isBlank(last) { result.append(UInt8(ascii: "\n")) }
        return result
    }

    /// The bytes before the block's begin marker and after its end marker's line; nil when the file has no
    /// block. A damaged block is an error.
    package func split(_ existing: [UInt8], path: String) throws(InstallError) -> (before: [UInt8], after: [UInt8])? {
        let lines = ByteLines(existing)
        let begins = lines.indices(matching: beginMarker)
        let ends = lines.indices(matching: endMarker)
        switch (begins.count, ends.count) {
        case (0, 0):
            return nil
        case (1, 1) where begins[0] < ends[0]:
            let beforeEnd = lines.ranges[begins[0]].lowerBound
            let end = lines.ranges[ends[0]]
            // The end marker's own line ending goes with it.
            var afterStart = end.upperBound
            if afterStart < existing.count { afterStart += 1 }
            return (Array(existing[..<beforeEnd]), Array(existing[afterStart...]))
        default:
            throw InstallError(path: path, message: "the rigctl theme block is damaged (expected one '\(beginMarker)' "
                + "line followed by one '\(endMarker)' line; found \(begins.count) and \(ends.count)); "
                + "fix or remove it by hand")
        }
    }

    /// `existing` without its block (nil: it has none). A block at the end takes the blank line an install
    /// put before it; every other byte stays.
    package func remove(from existing: [UInt8], path: String) throws(InstallError) -> [UInt8]? {
        guard let parts = try split(existing, path: path) else { return nil }
        var before = parts.before
        if parts.after.isEmpty, before.count >= 2, before.suffix(2) == [UInt8(ascii: "\n"), UInt8(ascii: "\n")] {
            before.removeLast()
        }
        return before + parts.after
    }
}

/// The lines of a byte buffer: each range runs up to (not including) its `\n`; a last line without one counts.
struct ByteLines {
    let bytes: [UInt8]
    let ranges: [Range<Int>]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var ranges: [Range<Int>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            ranges.append(start..<offset)
            start = offset + 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        self.ranges = ranges
    }

    /// The lines that read `marker` once spaces, tabs and a CR around them are ignored.
    func indices(matching marker: String) -> [Int] {
        let wanted = Array(marker.utf8)
        return ranges.indices.filter { Array(trimmed(ranges[$0])) == wanted }
    }

    func isBlank(_ range: Range<Int>) -> Bool { trimmed(range).isEmpty }

    private func trimmed(_ range: Range<Int>) -> ArraySlice<UInt8> {
        var slice = bytes[range]
        let blank: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")]
        while let first = slice.first, blank.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, blank.contains(last) { slice = slice.dropLast() }
        return slice
    }
}
