#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// printf-style formatting of numbers (`%.1f`, `%g`, `%08x`, `%04o`) through the C library's
    /// `vsnprintf`, the same conversions Foundation's `String(format:)` uses for them.
    package init(cFormat format: String, _ arguments: any CVarArg...) {
        self = Self.formatted(format, arguments)
    }

    private static func formatted(_ format: String, _ arguments: [any CVarArg]) -> String {
        withVaList(arguments) { first in
            var small = [CChar](repeating: 0, count: 64)
            let needed = Int(vsnprintf(&small, small.count, format, first))
            if needed < small.count { return text(small.prefix(Swift.max(0, needed))) }
            return withVaList(arguments) { again in
                var large = [CChar](repeating: 0, count: needed + 1)
                _ = vsnprintf(&large, large.count, format, again)
                return text(large.prefix(needed))
            }
        }
    }

    private static func text(_ characters: ArraySlice<CChar>) -> String {
        String(decoding: characters.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
