/// The two path operations rigctl needs from `NSString`, on plain strings, with its rules:
/// trailing slashes are ignored and `/` stays `/`.
package enum PathText {
    /// `machines/stacks/ml-base.yaml` → `ml-base.yaml`; `a/b/` → `b`; `/` → `/`; `` → ``.
    package static func lastComponent(_ path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `machines/stacks/ml-base.yaml` → `machines/stacks`; `a` → ``; `/a` → `/`; `/` → `/`.
    package static func deletingLastComponent(_ path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let parent = withoutTrailingSlashes(String(trimmed[..<slash]))
        return parent.isEmpty ? "/" : String(parent)
    }

    private static func withoutTrailingSlashes(_ path: String) -> Substring {
        var text = Substring(path)
        // utf8.count, not count (a walk over every character): a lone multi-byte character is never "/".
        while text.utf8.count > 1, text.last == "/" { text = text.dropLast() }
        return text
    }
}
