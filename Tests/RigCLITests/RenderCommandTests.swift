import Foundation
import Testing
@testable import RigCLI

@Suite struct RenderCommandTests {
    let machines = Repo.root + "/machines"

    func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rigctl-render-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func listsTheFiles() async {
        #expect(await exitCode(of: ["render", "workstation", "--repo", Repo.root]) == 0)
    }

    @Test func outWritesEveryFileAsAFreshHomeGetsIt() async throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(await exitCode(of: ["render", "compute-node", "--repo", Repo.root, "--out", out]) == 0)
        let golden = Repo.root + "/Tests/RigKitTests/Fixtures/golden/theme/compute-node"
        for path in [".config/rigctl/theme.sh", ".bashrc", ".config/rigctl/tmux.conf", ".tmux.conf", ".vim/colors/rigctl.vim",
                     ".vim/colors/rigctl-compute-node.vim", ".vimrc", ".vscode-server/data/Machine/settings.json"] {
            #expect(try String(contentsOfFile: "\(out)/\(path)", encoding: .utf8)
                    == String(contentsOfFile: "\(golden)/\(path)", encoding: .utf8), "\(path)")
        }
    }

    @Test func installIntoAHomeIsIdempotent() async throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try "# mine\n".write(toFile: home + "/.bashrc", atomically: true, encoding: .utf8)
        #expect(await exitCode(of: ["render", "workstation", "--repo", Repo.root, "--install", "--home", home]) == 0)
        #expect(await exitCode(of: ["render", "workstation", "--repo", Repo.root, "--install", "--home", home]) == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: home).sorted()
        #expect(names.filter { $0.hasPrefix(".bashrc") }.count == 2)  // .bashrc and one backup
        #expect(try String(contentsOfFile: home + "/.bashrc", encoding: .utf8).hasPrefix("# mine\n\n# >>> rigctl theme >>>\n"))
        #expect(FileManager.default.fileExists(atPath: home + "/.config/Code/User/settings.json"))
    }

    @Test func unusableInputExitsTwo() async throws {
        #expect(await exitCode(of: ["render", "no-such-machine", "--repo", Repo.root]) == 2)
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/machines/stacks", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: machines + "/stacks/ml-base.yaml", toPath: directory + "/machines/stacks/ml-base.yaml")
        let spec = try String(contentsOfFile: machines + "/workstation.yaml", encoding: .utf8)
            .replacingOccurrences(of: "foreground: \"#f2e6ee\"", with: "foreground: \"#3a0a2a\"")
        try spec.write(toFile: directory + "/machines/workstation.yaml", atomically: true, encoding: .utf8)
        #expect(await exitCode(of: ["render", "workstation", "--repo", directory]) == 2)
    }

    @Test func brokenSettingsExitOneAndWriteNothing() async throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: home + "/.config/Code/User", withIntermediateDirectories: true)
        try "{ \"a\": 1 \"b\": 2 }".write(toFile: home + "/.config/Code/User/settings.json", atomically: true, encoding: .utf8)
        #expect(await exitCode(of: ["render", "workstation", "--repo", Repo.root, "--install", "--home", home]) == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: home) == [".config"])
    }

    @Test func homeWithoutInstallIsAUsageError() async {
        #expect(await exitCode(of: ["render", "workstation", "--home", "/tmp"]) == 64)
    }
}
