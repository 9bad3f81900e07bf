/// The two path operations rigctl needs from `NSString`, on plain strings, with its rules:
/// trailing slashes are ignored and `/` stays `/`.
package enum PathText {
    /// `machines/stacks/ml-base.yaml` → `ml-base.yaml`; `a/b/` → `b`; `/` → `/`; `` → ``.
    package static func lastComponent(_ path: String) -> String {
        if let ascii = asciiComponents(path, parent: false) { return ascii }
        let trimmed = withoutTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `machines/stacks/ml-base.yaml` → `machines/stacks`; `a` → ``; `/a` → `/`; `/` → `/`.
    package static func deletingLastComponent(_ path: String) -> String {
        if let ascii = asciiComponents(path, parent: true) { return ascii }
        let trimmed = withoutTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let parent = withoutTrailingSlashes(String(trimmed[..<slash]))
        return parent.isEmpty ? "/" : String(parent)
    }

    /// Both operations on an ASCII path, by bytes: there each `/` byte is a `/` character (a character
    /// walk cost about 7,000 instructions a path). nil for any other path.
    private static func asciiComponents(_ path: String, parent: Bool) -> String? {
        var path = path
        return path.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let slash = UInt8(ascii: "/")
            var end = bytes.count
            while end > 1, bytes[end - 1] == slash { end -= 1 }
            if end == 1, bytes[0] == slash { return "/" }
            guard let cut = bytes[..<end].lastIndex(of: slash) else {
                return parent ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
            }
            guard parent else { return String(decoding: UnsafeBufferPointer(rebasing: bytes[(cut + 1)..<end]), as: UTF8.self) }
            var parentEnd = cut
            while parentEnd > 1, bytes[parentEnd - 1] == slash { parentEnd -= 1 }
            return parentEnd == 0 ? "/" : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<parentEnd]), as: UTF8.self)
        }
    }

    private static func withoutTrailingSlashes(_ path: String) -> Substring {
        var text = Substring(path)
        // utf8.count, not count (a walk over every character): a lone multi-byte character is never "/".
        while text.utf8.count > 1, text.last == "/" { text = text.dropLast() }
        return text
    }
}
