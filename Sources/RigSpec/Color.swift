/// A 24-bit sRGB colour written `#rrggbb` in specs.
package struct Color: Hashable, Sendable, CustomStringConvertible {
    package var red: UInt8
    package var green: UInt8
    package var blue: UInt8

    package init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses `#rrggbb` (either case). Returns nil for anything else.
    package init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 7, digits[0] == UInt8(ascii: "#") else { return nil }
        var value: UInt32 = 0
        for digit in digits.dropFirst() {
            guard let nibble = Color.nibble(digit) else { return nil }
            value = value << 4 | UInt32(nibble)
        }
        self.init(red: UInt8(value >> 16 & 0xff), green: UInt8(value >> 8 & 0xff), blue: UInt8(value & 0xff))
    }

    /// Lower-case `#rrggbb`.
    package var hex: String {
        // Seven bytes on the stack, and a small string: no allocation (theme files write hundreds of colours).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 7) { bytes in
            let digits: StaticString = "0123456789abcdef"
            bytes[0] = UInt8(ascii: "#")
            func put(_ component: UInt8, at offset: Int) {
                bytes[offset] = digits.utf8Start[Int(component >> 4)]
                bytes[offset + 1] = digits.utf8Start[Int(component & 0xf)]
            }
            put(red, at: 1)
            put(green, at: 3)
            put(blue, at: 5)
            return String(decoding: UnsafeBufferPointer(bytes), as: UTF8.self)
        }
    }

    package var description: String { hex }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
