/// A strict pattern for a string that may later reach a shell or a playbook. The regular
/// expression goes into the JSON Schema; specs are checked by a hand-written byte scanner that
/// accepts exactly the same strings (a test compares the two on generated strings), since Swift
/// `Regex` costs more than everything else in loading a spec.
package struct StringPattern: Sendable {
    package let regex: String
    /// What the pattern means, for error messages ("a hostname (RFC 1123)").
    package let meaning: String
    private let matcher: @Sendable (UnsafeBufferPointer<UInt8>) -> Bool

    package init(_ regex: String, meaning: String, matcher: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Bool) {
        self.regex = regex
        self.meaning = meaning
        self.matcher = matcher
    }

    /// One of a fixed set of words.
    package init(oneOf words: [String], meaning: String) {
        let allowed = Set(words.map { Array($0.utf8) })
        self.init("^(" + words.joined(separator: "|") + ")$", meaning: meaning) { allowed.contains(Array($0)) }
    }

    package func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { matcher($0) }
    }
}

/// Byte classes and shapes the patterns are made of (ASCII only: any other byte fails them).
enum Scan {
    static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    static func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20) &- 0x61 < 6 }

    /// `first` then `rest`, `min...max` bytes in all.
    static func word(_ s: UnsafeBufferPointer<UInt8>, _ length: ClosedRange<Int>, first: (UInt8) -> Bool, rest: (UInt8) -> Bool) -> Bool {
        guard length.contains(s.count), let head = s.first, first(head) else { return false }
        return s.dropFirst().allSatisfy(rest)
    }

    /// Pieces between `separator`, each checked by `piece`; `count` pieces.
    static func pieces(_ s: UnsafeBufferPointer<UInt8>, by separator: UInt8, count: ClosedRange<Int>, _ piece: (Slice<UnsafeBufferPointer<UInt8>>) -> Bool) -> Bool {
        var parts = 0
        var start = s.startIndex
        for index in s.indices where s[index] == separator {
            parts += 1
            guard parts < count.upperBound, piece(s[start..<index]) else { return false }
            start = index + 1
        }
        parts += 1
        return count.contains(parts) && piece(s[start...])
    }

    /// Debian policy 5.6.1: `[a-z0-9][a-z0-9+.-]+`.
    static func debianName(_ s: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard s.count >= 2, let head = s.first, isLower(head) || isDigit(head) else { return false }
        return s.dropFirst().allSatisfy { isLower($0) || isDigit($0) || $0 == 0x2B || $0 == 0x2E || $0 == 0x2D }
    }

    /// Debian policy 5.6.12: `([0-9]+:)?[0-9][A-Za-z0-9.+~-]*`.
    static func debianVersion(_ s: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var upstream = s
        if let colon = s.firstIndex(of: 0x3A) {
            let epoch = s[..<colon]
            guard !epoch.isEmpty, epoch.allSatisfy(isDigit) else { return false }
            upstream = s[(colon + 1)...]
        }
        guard let head = upstream.first, isDigit(head) else { return false }
        return upstream.dropFirst().allSatisfy { isAlnum($0) || $0 == 0x2E || $0 == 0x2B || $0 == 0x7E || $0 == 0x2D }
    }

    /// RFC 1123 label: `[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?`.
    static func hostLabel(_ s: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard (1...63).contains(s.count), let head = s.first, let tail = s.last, isAlnum(head), isAlnum(tail) else { return false }
        return s.allSatisfy { isAlnum($0) || $0 == 0x2D }
    }

    static func all(_ s: Slice<UnsafeBufferPointer<UInt8>>, _ test: (UInt8) -> Bool) -> Bool { s.allSatisfy(test) }

    /// A Homebrew name: `[a-z0-9][a-z0-9+_.@-]{0,99}`, optionally after a tap `user/repo/`
    /// (`[a-z0-9][a-z0-9_-]{0,38}/` then `[a-z0-9][a-z0-9_.-]{0,99}/`).
    static func brewName(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        let lowerOrDigit = { (b: UInt8) in isLower(b) || isDigit(b) }
        func piece(_ p: Slice<UnsafeBufferPointer<UInt8>>, _ length: ClosedRange<Int>, _ rest: (UInt8) -> Bool) -> Bool {
            guard length.contains(p.count), let head = p.first, lowerOrDigit(head) else { return false }
            return p.dropFirst().allSatisfy { lowerOrDigit($0) || rest($0) }
        }
        let name = { (p: Slice<UnsafeBufferPointer<UInt8>>) in piece(p, 1...100) { $0 == 0x2B || $0 == 0x5F || $0 == 0x2E || $0 == 0x40 || $0 == 0x2D } }
        let slashes = s.indices.filter { s[$0] == 0x2F }
        switch slashes.count {
        case 0: return name(s[...])
        case 2:
            return piece(s[..<slashes[0]], 1...39) { $0 == 0x5F || $0 == 0x2D }
                && piece(s[(slashes[0] + 1)..<slashes[1]], 1...100) { $0 == 0x5F || $0 == 0x2E || $0 == 0x2D }
                && name(s[(slashes[1] + 1)...])
        default: return false
        }
    }
}

package enum SpecPatterns {
    /// `label`'s punctuation: space . _ + / ( ) & , : @ # -
    static let labelPunctuation: Set<UInt8> = Set(" ._+/()&,:@#-".utf8)

    /// RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, 63 each, 253 in all.
    package static let hostname = StringPattern(
        "^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$",
        meaning: "a hostname (RFC 1123: letters, digits and inner hyphens, labels of at most 63)") { Scan.word($0, 1...253, first: Scan.isAlnum, rest: { _ in true }) && Scan.pieces($0, by: 0x2E, count: 1...Int.max, Scan.hostLabel) }
    /// Debian policy 5.6.1: lower case letters, digits, `+ - .`, at least two characters, starting alphanumeric.
    package static let debianPackage = StringPattern(
        "^[a-z0-9][a-z0-9+.-]+$",
        meaning: "a Debian package name (lower case letters, digits, '+', '-', '.'; at least 2 characters)") { Scan.debianName($0[...]) }
    /// Debian policy 5.6.12 version: [epoch:]upstream[-revision].
    package static let debianVersion = StringPattern(
        "^([0-9]+:)?[0-9][A-Za-z0-9.+~-]*$",
        meaning: "a Debian version such as 3.2a-4") { Scan.debianVersion($0[...]) }
    /// `tmux` or `tmux=3.2a-4`.
    package static let aptPackage = StringPattern(
        "^[a-z0-9][a-z0-9+.-]+(=([0-9]+:)?[0-9][A-Za-z0-9.+~-]*)?$",
        meaning: "a Debian package name, optionally pinned as name=version") { s in
            guard let equals = s.firstIndex(of: 0x3D) else { return Scan.debianName(s[...]) }
            return Scan.debianName(s[..<equals]) && Scan.debianVersion(s[(equals + 1)...])
        }
    /// A Python version for uv: `3.12` or `3.12.4`.
    package static let pythonVersion = StringPattern(
        "^[0-9]{1,3}(\\.[0-9]{1,3}){1,2}$",
        meaning: "a Python version such as \"3.12\"") { Scan.pieces($0, by: 0x2E, count: 2...3) { (1...3).contains($0.count) && Scan.all($0, Scan.isDigit) } }
    /// An absolute path of plain components (no `.` or `..`, none starting with `-`): `/opt/ml/venv`.
    package static let absolutePath = StringPattern(
        "^(/[A-Za-z0-9_][A-Za-z0-9._-]{0,63}){1,16}$",
        meaning: "an absolute path such as /opt/ml/venv (components of letters, digits, '.', '_' and '-', not starting with '.' or '-')") { s in
            guard s.first == 0x2F else { return false }
            return Scan.pieces(UnsafeBufferPointer(rebasing: s.dropFirst()), by: 0x2F, count: 1...16) { piece in
                guard (1...64).contains(piece.count), let head = piece.first, Scan.isAlnum(head) || head == 0x5F else { return false }
                return piece.allSatisfy { Scan.isAlnum($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
            }
        }
    /// The CUDA variant of a PyTorch wheel: `12.8` (the `cu128` index) or `cpu`.
    package static let torchVariant = StringPattern(
        "^(cpu|[0-9]{2}\\.[0-9])$",
        meaning: "a CUDA version of the PyTorch wheels such as \"12.8\", or \"cpu\"") { s in
            if Array(s) == Array("cpu".utf8) { return true }
            return s.count == 4 && Scan.isDigit(s[0]) && Scan.isDigit(s[1]) && s[2] == 0x2E && Scan.isDigit(s[3])
        }
    /// A PyPI requirement without spaces, markers or URLs: `numpy`, `accelerate>=1.0`, `transformers[torch]==4.51.3`.
    package static let pythonRequirement = StringPattern(
        "^[A-Za-z0-9][A-Za-z0-9._-]{0,127}(\\[[A-Za-z0-9._,-]{1,128}\\])?([<>=!~][A-Za-z0-9.*+!,<>=~]{0,127})?$",
        meaning: "a PyPI requirement such as numpy or \"accelerate>=1.0\" (a name, [extras], version specifiers; no spaces)") { s in
            func isName(_ b: UInt8) -> Bool { Scan.isAlnum(b) || b == 0x2E || b == 0x5F || b == 0x2D }
            func isOperator(_ b: UInt8) -> Bool { b == 0x3C || b == 0x3E || b == 0x3D || b == 0x21 || b == 0x7E }
            var index = s.startIndex
            guard index < s.endIndex, Scan.isAlnum(s[index]) else { return false }
            while index < s.endIndex, isName(s[index]) { index += 1 }
            guard index - s.startIndex <= 128 else { return false }
            if index < s.endIndex, s[index] == 0x5B {
                let start = index + 1
                guard let close = s[start...].firstIndex(of: 0x5D), (1...128).contains(close - start),
                      s[start..<close].allSatisfy({ isName($0) || $0 == 0x2C }) else { return false }
                index = close + 1
            }
            guard index < s.endIndex else { return true }
            guard isOperator(s[index]), s.endIndex - index <= 128 else { return false }
            return s[(index + 1)...].allSatisfy { Scan.isAlnum($0) || $0 == 0x2E || $0 == 0x2A || $0 == 0x2B || $0 == 0x2C || isOperator($0) }
        }
    /// POSIX portable user name.
    package static let userName = StringPattern(
        "^[a-z_][a-z0-9_-]{0,31}$",
        meaning: "a user name (lower case letters, digits, '_' and '-', starting with a letter or '_')") { Scan.word($0, 1...32, first: { Scan.isLower($0) || $0 == 0x5F }, rest: { Scan.isLower($0) || Scan.isDigit($0) || $0 == 0x5F || $0 == 0x2D }) }
    /// A hardware name as vendors write it: printable, no quotes, backslashes, `$` or backticks.
    package static let label = StringPattern(
        "^[A-Za-z0-9][A-Za-z0-9 ._+/()&,:@#-]{0,127}$",
        meaning: "a name of letters, digits, spaces and . _ + / ( ) & , : @ # - (at most 128 characters)") { Scan.word($0, 1...128, first: Scan.isAlnum, rest: { Scan.isAlnum($0) || labelPunctuation.contains($0) }) }
    /// Free prose (description, notes): one or more lines, no control characters but newlines and tabs.
    package static let prose = StringPattern(
        "^[^\\x00-\\x08\\x0b-\\x1f\\x7f]{0,2000}$",
        meaning: "text without control characters (at most 2000 characters)") { s in
            // At most 2000 characters (Unicode scalars: UTF-8 lead bytes), none of them a control but tab and newline.
            var characters = 0
            for b in s {
                if b < 0x20 && b != 0x09 && b != 0x0A || b == 0x7F { return false }
                if b & 0xC0 != 0x80 { characters += 1 }
            }
            return characters <= 2000
        }
    /// An OS release such as `22.04` or `12`.
    package static let osRelease = StringPattern(
        "^[0-9]{1,4}(\\.[0-9]{1,4}){0,2}$",
        meaning: "an OS release such as \"22.04\"") { Scan.pieces($0, by: 0x2E, count: 1...3) { (1...4).contains($0.count) && Scan.all($0, Scan.isDigit) } }
    /// A BIOS version string as vendors print it (`3902`, `F15c`, `1.2.3`).
    package static let biosVersion = StringPattern(
        "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$",
        meaning: "a BIOS version of letters, digits, '.', '_' and '-'") { Scan.word($0, 1...32, first: Scan.isAlnum, rest: { Scan.isAlnum($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }) }
    /// A BIOS setting name: kebab-case, and not `version`, which is `bios.version` (its plan step,
    /// checklist item and shell function would collide with that one's).
    package static let settingName = StringPattern(
        "^(?!version$)[a-z0-9]+(-[a-z0-9]+)*$",
        meaning: "a kebab-case setting name such as above-4g-decoding (not 'version': that is bios.version)") {
            !$0.elementsEqual("version".utf8) && Scan.pieces($0, by: 0x2D, count: 1...Int.max) { !$0.isEmpty && Scan.all($0) { Scan.isLower($0) || Scan.isDigit($0) } }
        }
    /// A BIOS setting value: a word or short phrase.
    package static let settingValue = StringPattern(
        "^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$",
        meaning: "a value of letters, digits, spaces, '.', '_' and '-'") { Scan.word($0, 1...64, first: Scan.isAlnum, rest: { Scan.isAlnum($0) || $0 == 0x20 || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }) }
    /// A colour `#rrggbb`.
    package static let color = StringPattern(
        "^#[0-9A-Fa-f]{6}$",
        meaning: "a colour written #rrggbb") { $0.count == 7 && $0[0] == 0x23 && $0.dropFirst().allSatisfy(Scan.isHex) }
    /// A VS Code colour customization key such as `titleBar.activeBackground`.
    package static let vscodeColorKey = StringPattern(
        "^[a-zA-Z]+(\\.[a-zA-Z0-9]+)+$",
        meaning: "a VS Code colour key such as titleBar.activeBackground") { s in
            var first = true
            return Scan.pieces(s, by: 0x2E, count: 2...Int.max) { piece in
                defer { first = false }
                return !piece.isEmpty && Scan.all(piece, first ? Scan.isLetter : Scan.isAlnum)
            }
        }
    /// A Homebrew formula. Homebrew's Formula Cookbook: names are lower case, `@` marks a versioned
    /// formula (`python@3.12`); `brew install user/repo/name` installs from a tap. No quotes, spaces or
    /// `$`, so a name is plain text in the Brewfile and the plan.
    package static let brewFormula = StringPattern(
        "^([a-z0-9][a-z0-9_-]{0,38}/[a-z0-9][a-z0-9_.-]{0,99}/)?[a-z0-9][a-z0-9+_.@-]{0,99}$",
        meaning: "a Homebrew formula (lower case letters, digits, '+ _ . @ -', optionally after a tap user/repo/)") { Scan.brewName($0) }
    /// A Homebrew cask token (`visual-studio-code`, `firefox@beta`), the same shape as a formula
    /// (Homebrew's Cask Cookbook, "Token reference": lower case, digits, hyphens, `@` for variants).
    package static let brewCask = StringPattern(
        "^([a-z0-9][a-z0-9_-]{0,38}/[a-z0-9][a-z0-9_.-]{0,99}/)?[a-z0-9][a-z0-9+_.@-]{0,99}$",
        meaning: "a Homebrew cask token (lower case letters, digits, '+ _ . @ -', optionally after a tap user/repo/)") { Scan.brewName($0) }
    /// A relative include path of plain file names ending in .yaml/.yml.
    package static let includePath = StringPattern(
        "^[A-Za-z0-9._/-]+\\.ya?ml$",
        meaning: "a relative path to a .yaml file") { s in
            let allowed = { (b: UInt8) in Scan.isAlnum(b) || b == 0x2E || b == 0x5F || b == 0x2F || b == 0x2D }
            guard s.allSatisfy(allowed) else { return false }
            return [".yaml", ".yml"].contains { suffix in s.count > suffix.utf8.count && s.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
        }
}

extension SpecPatterns {
    /// A machine's name (its file name): used in paths such as build-logs/<machine>/.
    package static let machineName = StringPattern(
        "^[a-z0-9][a-z0-9-]{0,62}$",
        meaning: "lower case letters, digits and '-' (it names build-logs/ and playbooks/ files)") { Scan.word($0, 1...63, first: { Scan.isLower($0) || Scan.isDigit($0) }, rest: { Scan.isLower($0) || Scan.isDigit($0) || $0 == 0x2D }) }

    /// A model name of the catalog: `llama-3.1-8b`, `qwen2.5-72b`.
    package static let modelName = StringPattern(
        "^[a-z0-9][a-z0-9.-]{0,63}$",
        meaning: "a model name of lower case letters, digits, '.' and '-' such as llama-3.1-8b") { Scan.word($0, 1...64, first: { Scan.isLower($0) || Scan.isDigit($0) }, rest: { Scan.isLower($0) || Scan.isDigit($0) || $0 == 0x2E || $0 == 0x2D }) }
    /// A parameter count: digits, an optional fraction, and K, M, B or T (`350M`, `7.6B`).
    package static let parameterCount = StringPattern(
        "^[0-9]{1,6}(\\.[0-9]{1,3})?[KMBT]$",
        meaning: "a parameter count such as 350M, 7.6B or 1T") { s in
            guard s.count >= 2, let unit = s.last, "KMBT".utf8.contains(unit) else { return false }
            let number = s[s.startIndex..<(s.endIndex - 1)]
            guard let dot = number.firstIndex(of: 0x2E) else { return (1...6).contains(number.count) && Scan.all(number, Scan.isDigit) }
            let whole = number[number.startIndex..<dot], fraction = number[(dot + 1)...]
            return (1...6).contains(whole.count) && (1...3).contains(fraction.count) && Scan.all(whole, Scan.isDigit) && Scan.all(fraction, Scan.isDigit)
        }
}
