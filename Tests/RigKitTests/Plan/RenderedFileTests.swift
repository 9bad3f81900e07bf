import Testing
@testable import RigKit

@Suite struct RenderedFileTests {
    @Test func markersMatchAnsibleBlockinfile() {
        let markers = RenderedFile.markers(comment: "\"")
        #expect(markers.begin == "\" BEGIN rigctl managed block")
        #expect(markers.end == "\" END rigctl managed block")
    }

    @Test func onlyPlainPathsInsideHomeAreSafe() {
        #expect(RenderedFile(path: ".config/rigctl/theme.bash", contents: "").isSafePath)
        #expect(RenderedFile(path: ".vscode-server/data/Machine/settings.json", contents: "").isSafePath)
        for path in ["", "/etc/passwd", "~/.bashrc", "../x", ".config/../../x", "a//b", "a b", "a$(x)"] {
            #expect(!RenderedFile(path: path, contents: "").isSafePath, "\(path)")
        }
    }
}
