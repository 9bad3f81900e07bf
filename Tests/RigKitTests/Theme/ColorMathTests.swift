import Testing
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct ColorMathTests {
    let black = Color(red: 0, green: 0, blue: 0), white = Color(red: 255, green: 255, blue: 255)

    @Test func luminanceAndContrastFollowWCAG() {
        #expect(ColorMath.relativeLuminance(black) == 0)
        #expect(ColorMath.relativeLuminance(white) == 1)
        #expect(ColorMath.contrastRatio(black, white) == 21)
        #expect(ColorMath.contrastRatio(white, black) == 21)
        // #777777 on #ffffff is the classic 4.48:1 that just fails AA.
        #expect(ColorMath.formatRatio(ColorMath.contrastRatio(ThemeExamples.color("#777777"), white)) == "4.4:1")
        #expect(ColorMath.formatRatio(ColorMath.contrastRatio(ThemeExamples.color("#f2e6ee"), ThemeExamples.color("#2c001e"))) == "15.3:1")
    }

    @Test func mixingMovesPerChannel() {
        #expect(ColorMath.mix(black, white, 0.5).hex == "#808080")
        #expect(ColorMath.mix(black, white, 2) == white)
        #expect(ColorMath.lighten(ThemeExamples.color("#2c001e"), 0.1).hex == "#411a35")
        #expect(ColorMath.darken(ThemeExamples.color("#c678dd"), 0.5).hex == "#633c6f")
    }

    @Test func mostReadablePicksTheHigherContrast() {
        #expect(ColorMath.mostReadable(on: ThemeExamples.color("#c678dd"), among: [ThemeExamples.color("#2c001e"), ThemeExamples.color("#f2e6ee")]).hex == "#2c001e")
        #expect(ColorMath.mostReadable(on: black, among: [black, white]) == white)
    }

    @Test func nearestXterm256SkipsTheSystemColours() {
        #expect(ColorMath.nearestXterm256(black) == 16)
        #expect(ColorMath.nearestXterm256(white) == 231)
        #expect(ColorMath.nearestXterm256(ThemeExamples.color("#ff0000")) == 196)
        #expect(ColorMath.nearestXterm256(ThemeExamples.color("#808080")) == 244)
        #expect(ColorMath.nearestXterm256(ThemeExamples.color("#c678dd")) == 176)
        #expect(ColorMath.nearestXterm256(ThemeExamples.color("#4aa3ff")) == 75)
        #expect(ColorMath.xterm256(176).hex == "#d787d7")
        #expect(ColorMath.xterm256(244).hex == "#808080")
    }

    @Test func ratiosRoundDown() {
        #expect(ColorMath.formatRatio(4.49) == "4.4:1")
        #expect(ColorMath.formatRatio(4.5) == "4.5:1")
        #expect(ColorMath.formatRatio(1.3333) == "1.3:1")
    }

    /// `firstInOrder` is `sorted().prefix(tries).first(where:)` without the sort.
    @Test func firstInOrderIsTheSortedPrefixsFirstMatch() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let values = Array(Set((0..<Int.random(in: 0...40, using: &generator)).map { _ in Int.random(in: -50...1000, using: &generator) }))
            let modulus = Int.random(in: 1...30, using: &generator)
            let tries = Int.random(in: 0...12, using: &generator)
            let accept = { (value: Int) in value % modulus == 0 }
            #expect(ColorMath.firstInOrder(values, tries: tries, where: accept) == values.sorted().prefix(tries).first(where: accept))
        }
    }

    /// `distinctXterm256` gives the indices the plain algorithm gives (every candidate ranked by a full sort),
    /// for crowded sets of near colours where the nearest index is often taken.
    @Test func distinctXterm256MatchesRankingEveryCandidate() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let base = Color(red: UInt8.random(in: 0...255, using: &generator), green: UInt8.random(in: 0...255, using: &generator),
                             blue: UInt8.random(in: 0...255, using: &generator))
            let colors = (0..<Int.random(in: 1...30, using: &generator)).map { number in
                (name: "c\(number)", color: ColorMath.mix(base, Color(red: UInt8.random(in: 0...255, using: &generator),
                                                                       green: UInt8.random(in: 0...255, using: &generator),
                                                                       blue: UInt8.random(in: 0...255, using: &generator)), 0.15))
            }
            #expect(ColorMath.distinctXterm256(colors) == Self.rankingEveryCandidate(colors))
        }
    }

    /// The algorithm `distinctXterm256` documents, written plainly.
    private static func rankingEveryCandidate(_ colors: [(name: String, color: Color)]) -> [String: Int] {
        var result: [String: Int] = [:]
        var placed: [(color: Color, index: Int)] = []
        for item in colors where result[item.name] == nil {
            let others = placed.filter { $0.color != item.color }
            let isApart = { (index: Int) in
                others.allSatisfy { other in
                    ColorMath.squaredDistance(ColorMath.xterm256(index), ColorMath.xterm256(other.index))
                        >= min(ColorMath.squaredDistance(item.color, other.color), ColorMath.minimumXtermSeparation)
                }
            }
            let order = (16...255).map { (ColorMath.squaredDistance(item.color, ColorMath.xterm256($0)), $0) }.sorted { $0 < $1 }.map(\.1)
            let index = order.first(where: isApart) ?? order.first { index in !others.contains { $0.index == index } } ?? order[0]
            result[item.name] = index
            placed.append((item.color, index))
        }
        return result
    }
}
