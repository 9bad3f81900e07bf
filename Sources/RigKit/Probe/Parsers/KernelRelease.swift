import RigSpec
import RigSystem

/// Kernel release names (`6.8.0-51-generic`) as `/boot/vmlinuz-<release>` and `/lib/modules/<release>` name
/// them, ordered the way the boot loader picks the default: by each numeric run, then the text.
package enum KernelRelease {
    /// The releases of the `vmlinuz-<release>` images among `names` (`vmlinuz` and `vmlinuz.old` are links).
    package static func installed(fromBoot names: [String]) -> [String] {
        names.compactMap { name -> String? in
            guard name.hasPrefix("vmlinuz-") else { return nil }
            let release = String(name.dropFirst("vmlinuz-".count))
            guard let first = release.first, first.isNumber, !release.hasSuffix(".old"), !release.hasSuffix(".efi.signed") else { return nil }
            return release
        }.sorted(by: precedes)
    }

    /// Whether `lhs` is older than `rhs`: `6.8.0-9-generic` < `6.8.0-51-generic` < `6.11.0-1-generic`.
    package static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        let left = parts(lhs), right = parts(rhs)
        for (l, r) in zip(left, right) where l != r {
            switch (l, r) {
            case (.number(let a), .number(let b)): return a.count != b.count ? a.count < b.count : a < b
            case (.number, .text): return false
            case (.text, .number): return true
            case (.text(let a), .text(let b)): return a < b
            }
        }
        return left.count < right.count
    }

    private enum Part: Equatable { case number(String), text(String) }

    /// Runs of digits (leading zeros dropped, compared by length then text, so any length is safe) and of the rest.
    private static func parts(_ release: String) -> [Part] {
        var parts: [Part] = []
        var current = "", inNumber = false
        func flush() {
            guard !current.isEmpty else { return }
            if inNumber {
                let trimmed = String(current.drop { $0 == "0" })
                parts.append(.number(trimmed.isEmpty ? "0" : trimmed))
            } else {
                parts.append(.text(current))
            }
            current = ""
        }
        for character in release {
            let digit = character.isASCII && character.isNumber
            if digit != inNumber { flush(); inNumber = digit }
            current.append(character)
        }
        flush()
        return parts
    }
}
