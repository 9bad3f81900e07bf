import RigText

/// What a quantity measures; decides which units a spec may write.
package enum Dimension: String, Sendable, CaseIterable {
    case size, power, frequency

    /// Units accepted for this dimension, with their factor to the base unit
    /// (bytes, watts, hertz; MT/s counts as transfers per second).
    package var units: [(symbol: String, factor: Double)] {
        switch self {
        case .size:
            return [("B", 1), ("kB", 1e3), ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("PB", 1e15),
                    ("KiB", 1024), ("MiB", 1_048_576), ("GiB", 1_073_741_824),
                    ("TiB", 1_099_511_627_776), ("PiB", 1_125_899_906_842_624)]
        case .power:
            return [("W", 1), ("kW", 1000)]
        case .frequency:
            return [("Hz", 1), ("kHz", 1e3), ("MHz", 1e6), ("GHz", 1e9), ("MT/s", 1e6), ("GT/s", 1e9)]
        }
    }

    /// The values a spec may write, in the base unit: from one unit (so a power limit never rounds to
    /// 0 W) to far beyond any single machine (1 EiB, 1 MW, 1 THz), so every value fits an `Int`
    /// after conversion and a 20-digit number is a located error instead of a trap downstream.
    package var range: ClosedRange<Double> {
        switch self {
        case .size: return 1...1_152_921_504_606_846_976
        case .power: return 1...1_000_000
        case .frequency: return 1...1e12
        }
    }

    /// `1 B to 1 EiB`, for the out-of-range message.
    package var rangeText: String {
        switch self {
        case .size: return "1 B to 1 EiB"
        case .power: return "1 W to 1000 kW"
        case .frequency: return "1 Hz to 1000 GHz"
        }
    }

    /// An example for error messages and the schema.
    package var example: String {
        switch self {
        case .size: return "32 GiB"
        case .power: return "350 W"
        case .frequency: return "3.3 GHz"
        }
    }

    /// The JSON Schema pattern that matches exactly what `Quantity.parse` accepts.
    package var pattern: String {
        let symbols = units.map { $0.symbol.replacingEvery("/", with: "\\/") }.joined(separator: "|")
        return "^[0-9]+(\\.[0-9]+)? ?(\(symbols))$"
    }
}

/// A number with a unit: `32 GiB`, `1 TB`, `350 W`, `6000 MT/s`.
package struct Quantity: Hashable, Sendable, CustomStringConvertible {
    package let dimension: Dimension
    /// The value in the base unit (bytes, watts, hertz).
    package let value: Double
    /// The text as written in the spec, for messages.
    package let text: String

    package init(dimension: Dimension, value: Double, text: String) {
        self.dimension = dimension
        self.value = value
        self.text = text
    }

    package var description: String { text }

    package enum ParseError: Error, Equatable {
        case missingUnit
        case unknownUnit(String)
        case malformed
        /// Outside `Dimension.range` (zero, sub-unit, or absurdly large).
        case outOfRange
    }

    /// Parses `<number>[ ]<unit>`; a bare number is an error because the unit is what says 1 TB ≠ 1 TiB.
    package static func parse(_ text: String, as dimension: Dimension) -> Result<Quantity, ParseError> {
        parseASCII(text, as: dimension) ?? parseByCharacters(text, as: dimension)
    }

    /// `parse` of any text, by characters.
    static func parseByCharacters(_ text: String, as dimension: Dimension) -> Result<Quantity, ParseError> {
        // Foundation's trimming is slow; most values need none (ASCII, no space or tab at either end).
        let plainEnds = { (b: UInt8?) in b.map { $0 < 0x80 && $0 != 0x20 && $0 != 0x09 } ?? true }
        let trimmed = plainEnds(text.utf8.first) && plainEnds(text.utf8.last) ? text : text.trimmed(.whitespaces)
        var number = Substring(trimmed)
        var index = number.startIndex
        var sawDigit = false, sawDot = false
        if number.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: each byte is a character (but "\r\n", where the scan stops anyway), so scan bytes.
            let bytes = number.utf8
            var at = bytes.startIndex
            while at < bytes.endIndex {
                let b = bytes[at]
                if b &- 0x30 < 10 { sawDigit = true } else if b == UInt8(ascii: ".") && !sawDot { sawDot = true } else { break }
                at = bytes.index(after: at)
            }
            index = at
        } else {
            while index < number.endIndex {
                let c = number[index]
                if c.isASCII && c.isNumber { sawDigit = true } else if c == "." && !sawDot { sawDot = true } else { break }
                index = number.index(after: index)
            }
        }
        guard sawDigit, !number[..<index].hasSuffix("."), !number.hasPrefix(".") else { return .failure(.malformed) }
        let unit = number[index...].trimmed(.whitespaces)
        number = number[..<index]
        guard let magnitude = Double(number) else { return .failure(.malformed) }
        if unit.isEmpty { return .failure(.missingUnit) }
        guard let match = dimension.units.first(where: { $0.symbol == unit }) else {
            return .failure(.unknownUnit(unit))
        }
        let value = magnitude * match.factor
        guard value.isFinite, dimension.range.contains(value) else { return .failure(.outOfRange) }
        return .success(Quantity(dimension: dimension, value: value, text: trimmed))
    }

    /// `parse` of an ASCII text, by bytes (nil for any other text): there every byte is a character
    /// (but "\r\n", which stops the number either way), the only whitespaces trimmed are space and
    /// tab, and a unit is equal to a symbol exactly when its bytes are (the character walk, the
    /// trimming and the Substring comparisons cost about 4,800 instructions a quantity).
    private static func parseASCII(_ text: String, as dimension: Dimension) -> Result<Quantity, ParseError>? {
        let original = text
        var text = text
        return text.withUTF8 { bytes -> Result<Quantity, ParseError>? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let isBlank = { (b: UInt8) in b == 0x20 || b == 0x09 }
            var start = 0, end = bytes.count
            while start < end, isBlank(bytes[start]) { start += 1 }
            while end > start, isBlank(bytes[end - 1]) { end -= 1 }
            var at = start, sawDigit = false, sawDot = false
            while at < end {
                let b = bytes[at]
                if b &- 0x30 < 10 { sawDigit = true } else if b == UInt8(ascii: ".") && !sawDot { sawDot = true } else { break }
                at += 1
            }
            guard sawDigit, bytes[at - 1] != UInt8(ascii: "."), bytes[start] != UInt8(ascii: ".") else { return .failure(.malformed) }
            let slice = { (from: Int, to: Int) in String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self) }
            guard let magnitude = Double(slice(start, at)) else { return .failure(.malformed) }
            var unitStart = at
            while unitStart < end, isBlank(bytes[unitStart]) { unitStart += 1 }
            if unitStart == end { return .failure(.missingUnit) }
            let unit = UnsafeBufferPointer(rebasing: bytes[unitStart..<end])
            guard let match = dimension.units.first(where: { $0.symbol.utf8.elementsEqual(unit) }) else {
                return .failure(.unknownUnit(slice(unitStart, end)))
            }
            let value = magnitude * match.factor
            guard value.isFinite, dimension.range.contains(value) else { return .failure(.outOfRange) }
            return .success(Quantity(dimension: dimension, value: value, text: start == 0 && end == bytes.count ? original : slice(start, end)))
        }
    }

    package static func bytes(_ value: Double) -> Quantity {
        Quantity(dimension: .size, value: value, text: "\(value) B")
    }

    package static func watts(_ value: Double) -> Quantity {
        Quantity(dimension: .power, value: value, text: Quantity.format(value) + " W")
    }

    static func format(_ value: Double) -> String {
        value.wholeNumberText ?? String(value)
    }
}

extension Double {
    /// `350` for 350.0; nil when the value has a fraction or does not fit an `Int` (inf, NaN, 1e30),
    /// so formatting a number from outside never traps.
    package var wholeNumberText: String? {
        guard self == rounded(), let whole = Int(exactly: self) else { return nil }
        return String(whole)
    }
}
