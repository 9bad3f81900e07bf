import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
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

@Suite struct SVGSwatchCardTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/themes")

    /// The cards in docs/themes/ (shown in the README) are what the code renders now.
    @Test(arguments: ThemeExamples.all)
    func committedCardsAreUpToDate(spec: MachineSpec) throws {
        try ThemeGolden.check(SVGSwatchCard.render(try Palette(spec: spec)), at: Self.docs.appendingPathComponent("\(spec.name).svg"))
    }

    @Test func cardIsWellFormedSVGWithTheMachinesColours() throws {
        let svg = SVGSwatchCard.render(try ThemeExamples.palette(ThemeExamples.computeNode))
        let reader = SVGReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "the SVG is not well-formed XML: \(String(describing: parser.parserError))")
        #expect(reader.root == "svg")
        #expect(reader.rootAttributes["width"] == "760")
        #expect(reader.fills.isSuperset(of: ["#0b2540", "#e6eef7", "#4aa3ff", "#19416a"]))
        #expect(reader.texts.contains("compute-nodeheadless"))
        #expect(reader.texts.contains("train.py [SSH: compute-node] — Visual Studio Code"))
    }

    @Test func textIsEscaped() {
        var writer = SVGWriter()
        writer.text(0, 0, "a<b & \"c\"", fill: "#000000", size: 10, family: "x")
        #expect(writer.text == "<text x=\"0\" y=\"0\" fill=\"#000000\" font-family=\"x\" font-size=\"10\">a&lt;b &amp; &quot;c&quot;</text>\n")
    }
}

/// Collects what the SVG tests look at: the root element, every fill, and each text element's text.
final class SVGReader: NSObject, XMLParserDelegate {
    var root: String?
    var rootAttributes: [String: String] = [:]
    var fills: Set<String> = []
    var texts: [String] = []
    private var textDepth = 0

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        if root == nil {
            root = name
            rootAttributes = attributes
        }
        if let fill = attributes["fill"] { fills.insert(fill) }
        if name == "text" {
            texts.append("")
            textDepth += 1
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { textDepth -= 1 }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if textDepth > 0, !texts.isEmpty { texts[texts.count - 1] += string }
    }
}
