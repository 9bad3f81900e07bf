import Testing
@testable import RigKit

@Suite struct DotfileTests {
    @Test func markersMatchAnsibleBlockinfile() {
        let markers = Dotfile.markers(comment: "\"")
        #expect(markers.begin == "\" BEGIN rigctl managed block")
        #expect(markers.end == "\" END rigctl managed block")
    }

    @Test func onlyPlainPathsInsideHomeAreSafe() {
        #expect(Dotfile(path: ".config/rigctl/theme.bash", contents: "").isSafePath)
        #expect(Dotfile(path: ".vscode-server/data/Machine/settings.json", contents: "").isSafePath)
        for path in ["", "/etc/passwd", "~/.bashrc", "../x", ".config/../../x", "a//b", "a b", "a$(x)"] {
            #expect(!Dotfile(path: path, contents: "").isSafePath, "\(path)")
        }
    }
}
