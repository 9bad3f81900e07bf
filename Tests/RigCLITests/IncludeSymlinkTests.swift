import Foundation
import Testing
@testable import RigCLI

/// Include confinement looks at where a file really is: an include (or an include of an include) whose
/// path stays inside the repository but whose links lead out of it is a located error; a link that stays
/// inside is fine.
@Suite struct IncludeSymlinkTests {
    let fileManager = FileManager.default

    /// A copy of machines/ and, beside the repository, a directory outside it with a copy of the stack.
    func repoWithOutside() throws -> (repo: String, outside: String) {
        let repo = try Repo.copy()
        let outside = repo + "-outside"
        try fileManager.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try fileManager.copyItem(atPath: repo + "/machines/stacks/ml-base.yaml", toPath: outside + "/ml-base.yaml")
        return (repo, outside)
    }

    func remove(_ paths: (repo: String, outside: String)) {
        try? fileManager.removeItem(atPath: paths.repo)
        try? fileManager.removeItem(atPath: paths.outside)
    }

    @Test func aDirectoryLinkOutOfTheRepositoryIsRefusedWithTheIncludesPlace() async throws {
        let paths = try repoWithOutside()
        defer { remove(paths) }
        try fileManager.removeItem(atPath: paths.repo + "/machines/stacks")
        try fileManager.createSymbolicLink(atPath: paths.repo + "/machines/stacks", withDestinationPath: paths.outside)
        let result = await Rigctl.run(["validate", paths.repo + "/machines/compute-node.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(paths.repo)/machines/compute-node.yaml:3:11: error: include: 'stacks/ml-base.yaml' leads out of "
            + "\(paths.repo) through a symbolic link (it resolves to \(paths.outside)/ml-base.yaml"), "\(result.stderr)")
    }

    @Test func aLinkFurtherDownAChainIsRefusedToo() async throws {
        let paths = try repoWithOutside()
        defer { remove(paths) }
        let stack = paths.repo + "/machines/stacks/ml-base.yaml"
        let text = try String(contentsOfFile: stack, encoding: .utf8)
        try ("include: [extra.yaml]\n" + text).write(toFile: stack, atomically: true, encoding: .utf8)
        try "packages: { apt: [htop] }\n".write(toFile: paths.outside + "/extra.yaml", atomically: true, encoding: .utf8)
        try fileManager.createSymbolicLink(atPath: paths.repo + "/machines/stacks/extra.yaml", withDestinationPath: paths.outside + "/extra.yaml")
        let result = await Rigctl.run(["validate", paths.repo + "/machines/compute-node.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(paths.repo)/machines/stacks/ml-base.yaml:1:11: error: include: 'extra.yaml' leads out of"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("htop"), "the file outside was not read: \(result.stderr)")
    }

    @Test func aLinkThatStaysInsideIsFine() async throws {
        let paths = try repoWithOutside()
        defer { remove(paths) }
        let stacks = paths.repo + "/machines/stacks"
        try fileManager.moveItem(atPath: stacks + "/ml-base.yaml", toPath: stacks + "/ml-base-2026.yaml")
        try fileManager.createSymbolicLink(atPath: stacks + "/ml-base.yaml", withDestinationPath: "ml-base-2026.yaml")
        let result = await Rigctl.run(["validate", paths.repo + "/machines/compute-node.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
    }
}
