#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RigSystem
import RigSpec

/// Colour arithmetic for themes: WCAG luminance and contrast, mixing, and the nearest xterm-256 colour.
package enum ColorMath {
    /// WCAG 2.x relative luminance, 0 (black) to 1 (white).
    package static func relativeLuminance(_ color: Color) -> Double {
        func linear(_ component: UInt8) -> Double {
            let c = Double(component) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue)
    }

    /// WCAG contrast ratio between two colours, 1 to 21, whichever order they come in.
    package static func contrastRatio(_ a: Color, _ b: Color) -> Double {
        let la = relativeLuminance(a), lb = relativeLuminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// `from` moved `amount` (0…1) of the way towards `to`, per sRGB channel, rounded.
    package static func mix(_ from: Color, _ to: Color, _ amount: Double) -> Color {
        let t = min(max(amount, 0), 1)
        func channel(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded())
        }
        return Color(red: channel(from.red, to.red), green: channel(from.green, to.green), blue: channel(from.blue, to.blue))
    }

    /// `color` moved `amount` of the way towards white.
    package static func lighten(_ color: Color, _ amount: Double) -> Color {
        mix(color, Color(red: 255, green: 255, blue: 255), amount)
    }

    /// `color` moved `amount` of the way towards black.
    package static func darken(_ color: Color, _ amount: Double) -> Color {
        mix(color, Color(red: 0, green: 0, blue: 0), amount)
    }

    /// Whichever of `candidates` reads best on `background` (highest contrast; the first on a tie).
    package static func mostReadable(on background: Color, among candidates: [Color]) -> Color {
        var best = candidates.first ?? background
        var bestRatio = -1.0
        for candidate in candidates {
            let ratio = contrastRatio(candidate, background)
            if ratio > bestRatio {
                best = candidate
                bestRatio = ratio
            }
        }
        return best
    }

    /// The xterm-256 palette index (16…255: the 6×6×6 cube or the grey ramp) closest to `color`.
    /// The 16 system colours are skipped because terminals redefine them.
    package static func nearestXterm256(_ color: Color) -> Int {
        var bestIndex = 16
        var bestDistance = Int.max
        for (offset, candidate) in xterm256Colors.enumerated() {
            let distance = squaredDistance(color, candidate)
            if distance < bestDistance {
                bestIndex = 16 + offset
                bestDistance = distance
            }
        }
        return bestIndex
    }

    /// How far apart two colours must stay in 256 colours (squared `squaredDistance` units, about a step of
    /// the grey ramp and a half): or as far as they are in 24 bits, when that is less.
    static let minimumXtermSeparation = 40 * 40

    /// xterm-256 indices for several colours at once, so that colours that differ in 24 bits still differ in
    /// 256 (on compute-node's background, the three diff backgrounds are all nearest to grey 238): each colour
    /// in turn gets its nearest index whose colour is at least `minimumXtermSeparation` (or their own
    /// distance, if less) from the index of every *different* colour placed before it; `pinned` colours keep
    /// theirs and are placed first. Equal colours share an index. When no index is that far, the nearest one
    /// no other colour holds.
    package static func distinctXterm256(_ colors: [(name: String, color: Color)],
                                        pinned: [(name: String, color: Color, index: Int)] = []) -> [String: Int] {
        var result: [String: Int] = [:]
        var placed: [(color: Color, index: Int)] = []
        for item in pinned {
            result[item.name] = item.index
            placed.append((item.color, item.index))
        }
        for item in colors where result[item.name] == nil {
            let others = placed.filter { $0.color != item.color }
            let isApart = { (index: Int) in
                others.allSatisfy { other in
                    squaredDistance(xterm256Colors[index - 16], xterm256Colors[other.index - 16])
                        >= min(squaredDistance(item.color, other.color), minimumXtermSeparation)
                }
            }
            // The nearest (ties to the lower index), found without ranking all 240.
            let nearest = nearestXterm256(item.color)
            let index: Int
            if isApart(nearest) {
                index = nearest   // the usual case: no need to rank the other 239
            } else {
                // Candidates nearest first, ties to the lower index: the distance (under 2^20) and the
                // offset (under 256) packed into one integer, so ordering compares integers only.
                let ranked = xterm256Colors.indices.map { squaredDistance(item.color, xterm256Colors[$0]) << 8 | $0 }
                // The next-nearest few are taken by a scan each, not by sorting all 240: one of the first
                // handful is usually apart, and sorting was the most of this function's time.
                if let apart = firstInOrder(ranked, tries: 8, where: { isApart(($0 & 0xFF) + 16) }) {
                    index = (apart & 0xFF) + 16
                } else {
                    let order = ranked.sorted().lazy.map { ($0 & 0xFF) + 16 }
                    // 240 indices and a few dozen colours: a free one is always there.
                    index = order.first(where: isApart) ?? order.first { index in !others.contains { $0.index == index } } ?? nearest
                }
            }
            result[item.name] = index
            placed.append((item.color, index))
        }
        return result
    }

    /// The first of `values` (distinct) in ascending order that satisfies `accept`, looking at no more than
    /// the `tries` smallest: nil when none of those does.
    static func firstInOrder(_ values: [Int], tries: Int, where accept: (Int) -> Bool) -> Int? {
        var last = Int.min
        for _ in 0..<tries {
            var next = Int.max
            for value in values where value > last && value < next { next = value }
            guard next != Int.max else { return nil }
            if accept(next) { return next }
            last = next
        }
        return nil
    }

    /// Indices 16…255, built once (the scan above runs for every colour of every scheme).
    private static let xterm256Colors: [Color] = (16...255).map(xterm256)

    /// The levels of each channel in xterm's 6×6×6 colour cube.
    private static let cubeSteps: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// The colour xterm shows for palette index 16…255.
    package static func xterm256(_ index: Int) -> Color {
        if index >= 232 {
            let level = UInt8(8 + 10 * (index - 232))
            return Color(red: level, green: level, blue: level)
        }
        let cube = index - 16
        return Color(red: cubeSteps[cube / 36], green: cubeSteps[cube / 6 % 6], blue: cubeSteps[cube % 6])
    }

    /// A ratio as people read it, rounded down to one decimal so a failing 4.49 never prints as 4.5: "4.4:1".
    package static func formatRatio(_ ratio: Double) -> String {
        let tenths = Int((ratio * 10).rounded(.down))
        return "\(tenths / 10).\(tenths % 10):1"
    }

    // Weighted ("redmean"-style) distance: closer to what the eye sees than plain RGB distance.
    static func squaredDistance(_ a: Color, _ b: Color) -> Int {
        let dr = Int(a.red) - Int(b.red), dg = Int(a.green) - Int(b.green), db = Int(a.blue) - Int(b.blue)
        let meanRed = (Int(a.red) + Int(b.red)) / 2
        return (((512 + meanRed) * dr * dr) >> 8) + 4 * dg * dg + (((767 - meanRed) * db * db) >> 8)
    }
}
