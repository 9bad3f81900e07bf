/// Strings joined into one allocation of the exact size: interpolation appends a segment at a time,
/// growing its buffer, and costs hundreds of instructions a segment (the playbook's names and paths
/// are built thousands of times an audit).
enum StringConcatenation {
    static func of(_ parts: String...) -> String {
        var count = 0
        for part in parts { count += part.utf8.count }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            for part in parts {
                let copied = part.utf8.withContiguousStorageIfAvailable { bytes in
                    // The index past the bytes copied, in the rebased slice: their count.
                    UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(fromContentsOf: bytes)
                }
                if let copied {
                    offset += copied
                } else {
                    for byte in part.utf8 { buffer[offset] = byte; offset += 1 }
                }
            }
            return offset
        }
    }
}
