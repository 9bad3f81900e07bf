import Foundation
import Testing
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct JSONCMergerTests {
    let settings = [
        JSONSetting(key: "statusBar.background", value: "#c678dd"),
        JSONSetting(key: "titleBar.activeBackground", value: "#2c001e"),
    ]
    let key = "workbench.colorCustomizations"

    @Test func keepsCommentsTrailingCommasAndEveryOtherKey() throws {
        let original = try JSONCTestSupport.fixture("settings-with-comments.json")
        let merged = try JSONCMerger.set(settings, inObjectAt: key, of: original)
        try ThemeGolden.check(merged, "vscode/settings-with-comments.merged.json")
        for comment in ["// VS Code user settings, kept by hand.", "// I like it big", "across lines, with \"quotes\" and a } brace */",
                        "// the old blue"] {
            #expect(merged.contains(comment))
        }
        let json = try JSONCTestSupport.parse(merged)
        #expect(json["editor.fontSize"] as? Int == 14)
        #expect(json["terminal.integrated.fontFamily"] as? String == "monospace // not a comment")
        #expect(json["url"] as? String == "https://example.com/a/*b*/")
        #expect((json["files.exclude"] as? [String: Bool]) == ["**/.git": true, "**/node_modules": true])
        let colors = try #require(json[key] as? [String: Any])
        #expect(colors["editor.background"] as? String == "#1e1e1e")
        #expect(colors["statusBar.background"] as? String == "#c678dd")
        #expect(colors["titleBar.activeBackground"] as? String == "#2c001e")
        #expect((colors["[Monokai]"] as? [String: String]) == ["sideBar.background": "#222222"])
        #expect(try JSONCMerger.set(settings, inObjectAt: key, of: merged) == merged)
    }

    @Test func addsTheObjectInTheFilesOwnStyle() throws {
        let merged = try JSONCMerger.set(settings, inObjectAt: key, of: JSONCTestSupport.fixture("settings-two-space.json"))
        #expect(merged == """
            {
              "editor.tabSize": 2,
              "telemetry.telemetryLevel": "off", // no thanks
              "workbench.colorCustomizations": {
                "statusBar.background": "#c678dd",
                "titleBar.activeBackground": "#2c001e"
              }
            }

            """)
        #expect(try JSONCMerger.set(settings, inObjectAt: key, of: merged) == merged)
    }

    @Test func fillsAnEmptyObjectAndAnEmptyFile() throws {
        let expected = """
            {
                "workbench.colorCustomizations": {
                    "statusBar.background": "#c678dd",
                    "titleBar.activeBackground": "#2c001e"
                }
            }

            """
        #expect(try JSONCMerger.set(settings, inObjectAt: key, of: JSONCTestSupport.fixture("settings-empty-object.json")) == expected)
        #expect(try JSONCMerger.set(settings, inObjectAt: key, of: nil) == expected)
        #expect(try JSONCMerger.set(settings, inObjectAt: key, of: "  \n") == expected)
        #expect(try JSONCMerger.set(settings, inObjectAt: key, of: "// nothing yet\n") == "// nothing yet\n" + expected)
    }

    @Test func replacesANonObjectValueAndKeepsRepeatedKeys() throws {
        let merged = try JSONCMerger.set(settings, inObjectAt: key, of: JSONCTestSupport.fixture("settings-null-colors.json"))
        #expect(merged == """
            {
                "editor.tabSize": 4,
                "editor.tabSize": 2,
                "workbench.colorCustomizations": {
                    "statusBar.background": "#c678dd",
                    "titleBar.activeBackground": "#2c001e"
                }
            }

            """)
    }

    @Test func keepsAnObjectWrittenOnOneLineOnOneLine() throws {
        let merged = try JSONCMerger.set(settings, inObjectAt: key,
                                         of: "{ \"a\": [1, 2,], \"workbench.colorCustomizations\": { \"x.y\": \"#000000\" } }")
        #expect(merged == "{ \"a\": [1, 2,], \"workbench.colorCustomizations\": { \"x.y\": \"#000000\", "
                + "\"statusBar.background\": \"#c678dd\", \"titleBar.activeBackground\": \"#2c001e\" } }")
    }

    @Test func brokenJSONIsAClearError() throws {
        #expect(throws: JSONCError(line: 3, column: 5, message: "expected ',' or '}' after the value of \"editor.fontSize\"")) {
            try JSONCMerger.set(settings, inObjectAt: key, of: JSONCTestSupport.fixture("settings-broken.json"))
        }
        #expect(throws: JSONCError(line: 1, column: 1, message: "the settings file is not a JSON object")) {
            try JSONCMerger.set(settings, inObjectAt: key, of: "[1, 2]")
        }
        #expect(throws: JSONCError(line: 1, column: 2, message: "unterminated /* comment")) {
            try JSONCMerger.set(settings, inObjectAt: key, of: "{/* open")
        }
        #expect(throws: JSONCError(line: 1, column: 7, message: "expected '}' to close the object opened at 1:1")) {
            try JSONCMerger.set(settings, inObjectAt: key, of: "{\"a\":1")
        }
    }

    @Test func keepsAByteOrderMark() throws {
        let merged = try JSONCMerger.set(settings, inObjectAt: key, of: "\u{FEFF}{\n    \"a\": 1\n}\n")
        #expect(merged.hasPrefix("\u{FEFF}{\n    \"a\": 1,\n    \"workbench.colorCustomizations\": {\n"))
    }

    @Test func quotesKeysAndValues() {
        #expect(JSONCMerger.quote("a\"b\\c\n\u{1}") == "\"a\\\"b\\\\c\\n\\u0001\"")
    }
}

/// A hostile settings.json: nested 200,000 deep is an error at its place, not a stack overflow;
/// one over the size limit is refused before any work.
@Suite struct JSONCMergerLimitsTests {
    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)
        #expect(throws: JSONCError.self) { try JSONCMerger.set([], inObjectAt: "workbench.colorCustomizations", of: "{\"a\": \(deep)}") }
        let objects = String(repeating: "{\"a\":", count: 200_000) + String(repeating: "}", count: 200_000)
        do {
            _ = try JSONCMerger.set([], inObjectAt: "x", of: objects)
            Issue.record("accepted")
        } catch {
            #expect(error.message == "nested deeper than 256 levels")
        }
    }

    @Test func nestingVSCodeWritesStillWorks() throws {
        let nested = "{\"a\": " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}"
        #expect(try JSONCMerger.set([], inObjectAt: "x", of: nested).hasPrefix("{\"a\""))
    }

    @Test func overTheSizeLimitIsRefused() {
        let huge = "{\"a\": \"" + String(repeating: "x", count: JSONCMerger.sizeLimit) + "\"}"
        do {
            _ = try JSONCMerger.set([], inObjectAt: "x", of: huge)
            Issue.record("accepted")
        } catch {
            #expect(error.message == "the settings file is over 4 MiB; rigctl does not edit it")
        }
    }
}
