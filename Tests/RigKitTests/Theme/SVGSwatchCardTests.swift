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

    /// Every colour the card's mock-ups use is read from the rendered files, for every example machine.
    @Test(arguments: ThemeExamples.all)
    func everyDrawnColourComesFromARenderedFile(spec: MachineSpec) throws {
        let colours = RenderedColours(try ThemeRenderer.render(spec))
        #expect(colours.missing.isEmpty, "not found in the rendered files: \(colours.missing)")
        let palette = try Palette(spec: spec)
        #expect(colours.terminal["background"] == palette.background.hex)
        #expect(colours.tmux["status-style"]?["bg"] == palette.surface.hex)
    }

    /// A colour changed in a rendered file (tmux, the vim scheme, VS Code's JSON, the shell snippet) is the
    /// colour the card draws.
    @Test func theCardFollowsAColourChangedInARenderedFile() throws {
        let palette = try ThemeExamples.palette(ThemeExamples.computeNode)
        let edits: [(path: String, old: String, new: String)] = [
            (".config/rigctl/tmux.conf", "set -g status-style \"fg=#e6eef7,bg=#19416a\"", "set -g status-style \"fg=#e6eef7,bg=#a1b2c3\""),
            (".vim/colors/rigctl-compute-node.vim", "'cursorline': ['#1a334d', 237]", "'cursorline': ['#c3b2a1', 237]"),
            (".vscode-server/data/Machine/settings.json", "statusBarItem.remoteBackground", "statusBarItem.remoteBackground"),
            (".config/rigctl/theme.sh", "\\e]11;#0b2540", "\\e]11;#0a0b0c"),
        ]
        var files = ThemeRenderer.render(palette)
        for edit in edits {
            let index = try #require(files.firstIndex { $0.path == edit.path }, "no \(edit.path)")
            switch files[index].installation {
            case .wholeFile(let text):
                #expect(text.contains(edit.old), "\(edit.path) does not hold \(edit.old)")
                files[index].installation = .wholeFile(text.replacingOccurrences(of: edit.old, with: edit.new))
            case .jsonSettings(var settings):
                let key = try #require(settings.settings.firstIndex { $0.key == edit.old })
                settings.settings[key].value = "#0d0e0f"
                files[index].installation = .jsonSettings(settings)
            case .managedBlock:
                Issue.record("\(edit.path) is not a rendered colour file")
            }
        }
        let before = SVGReader(), after = SVGReader()
        for (reader, svg) in [(before, SVGSwatchCard.render(palette)), (after, SVGSwatchCard.render(palette, files: files))] {
            let parser = XMLParser(data: Data(svg.utf8))
            parser.delegate = reader
            #expect(parser.parse())
        }
        for colour in ["#a1b2c3", "#c3b2a1", "#0d0e0f", "#0a0b0c"] {
            #expect(!before.fills.contains(colour))
            #expect(after.fills.contains(colour), "the card does not draw \(colour)")
        }
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
