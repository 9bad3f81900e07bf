import Foundation
import Testing
@testable import RigCLI

@Suite struct ThemeCommandTests {
    @Test func previewWritesTheSVGCardShownInTheReadme() async throws {
        let svg = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-preview-\(UUID()).svg").path
        defer { try? FileManager.default.removeItem(atPath: svg) }
        #expect(await exitCode(of: ["theme", "preview", "workstation", "--repo", Repo.root, "--svg", svg]) == 0)
        #expect(try String(contentsOfFile: svg, encoding: .utf8)
                == String(contentsOfFile: Repo.root + "/docs/themes/workstation.svg", encoding: .utf8))
    }

    @Test func previewOfAnUnknownMachineExitsTwo() async {
        #expect(await exitCode(of: ["theme", "preview", "nope", "--repo", Repo.root]) == 2)
    }
}
