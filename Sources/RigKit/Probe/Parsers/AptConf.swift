import RigSpec
import RigSystem

/// The two apt.conf(5) settings that decide whether unattended-upgrades touches the driver:
/// `APT::Periodic::Unattended-Upgrade "1";` (Ubuntu's `/etc/apt/apt.conf.d/20auto-upgrades`) and the
/// `Unattended-Upgrade::Package-Blacklist { "nvidia-"; … };` list (`50unattended-upgrades`, whose entries
/// are regular expressions matched from the start of the package name).
package enum AptConf {
    /// The value of a scalar option, the last assignment winning (apt reads files in order).
    package static func value(of option: String, in text: String) -> String? {
        var found: String?
        for line in uncommented(text).split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingPrefixWhitespace
            guard trimmed.lowercased().hasPrefix(option.lowercased()) else { continue }
            let rest = trimmed.dropFirst(option.count)
            guard rest.first?.isWhitespace == true, let value = quoted(rest).first else { continue }
            found = value
        }
        return found
    }

    /// Where `needle` first occurs in `text`, letters compared without case (apt's option names).
    static func firstRange(of needle: String, in text: Substring) -> Range<Substring.Index>? {
        var start = text.startIndex
        while start < text.endIndex {
            var at = start, wanted = needle.startIndex
            while wanted < needle.endIndex, at < text.endIndex, text[at].lowercased() == needle[wanted].lowercased() {
                at = text.index(after: at)
                wanted = needle.index(after: wanted)
            }
            if wanted == needle.endIndex { return start..<at }
            start = text.index(after: start)
        }
        return nil
    }

    /// The quoted entries of a list option (`Option { "a"; "b"; };`), in order.
    package static func list(_ option: String, in text: String) -> [String] {
        let clean = uncommented(text)
        var entries: [String] = []
        var search = clean[...]
        while let start = firstRange(of: option, in: search) {
            let after = search[start.upperBound...]
            guard let open = after.firstIndex(of: "{"), after[..<open].allSatisfy(\.isWhitespace),
                  let close = after[open...].firstIndex(of: "}") else {
                search = after
                continue
            }
            entries += quoted(after[after.index(after: open)..<close])
            search = after[close...]
        }
        return entries
    }

    private static func quoted(_ text: Substring) -> [String] {
        text.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// The text with `//` and `#` comments and `/* */` blocks removed (outside quotes).
    private static func uncommented(_ text: String) -> String {
        var out = "", inQuote = false, inBlock = false, inLine = false
        var previous: Character = " "
        for character in text {
            if inLine { if character.isNewline { inLine = false; out.append(character) }; previous = character; continue }
            if inBlock { if previous == "*" && character == "/" { inBlock = false; previous = " " } else { previous = character }; continue }
            if character == "\"" { inQuote.toggle() }
            if !inQuote {
                if character == "/" && previous == "/" { out.removeLast(); inLine = true; previous = character; continue }
                if character == "*" && previous == "/" { out.removeLast(); inBlock = true; previous = " "; continue }
                if character == "#" { inLine = true; previous = character; continue }
            }
            out.append(character)
            previous = character
        }
        return out
    }
}

private extension Substring {
    var trimmingPrefixWhitespace: Substring { drop(while: \.isWhitespace) }
}
