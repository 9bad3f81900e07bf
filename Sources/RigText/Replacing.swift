extension StringProtocol {
    /// The text with every `target` replaced, matched byte for byte in UTF-8 from the start, like
    /// Foundation's `replacingOccurrences(of:with:)`: unlike `replacing(_:with:)`, which matches
    /// whole characters, `"\r"` is found inside `"\r\n"`. An empty target changes nothing.
    package func replacingEvery(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard let first = needle.first else { return String(self) }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == first, index + needle.count <= bytes.count, bytes[index..<index + needle.count].elementsEqual(needle) {
                out.append(contentsOf: replacement.utf8)
                index += needle.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
