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

@Suite struct ManagedBlockTests {
    let block = ManagedBlock(commentLeader: "#", body: "source ~/.theme\n")
    let text = "# >>> rigctl theme >>>\nsource ~/.theme\n# <<< rigctl theme <<<\n"

    @Test func appendsAfterABlankLine() throws {
        #expect(try block.apply(to: "alias ll='ls -l'\n", path: ".bashrc") == "alias ll='ls -l'\n\n" + text)
        #expect(try block.apply(to: "alias ll='ls -l'", path: ".bashrc") == "alias ll='ls -l'\n\n" + text)
        #expect(try block.apply(to: "alias ll='ls -l'\n\n", path: ".bashrc") == "alias ll='ls -l'\n\n" + text)
        #expect(try block.apply(to: nil, path: ".bashrc") == text)
    }

    @Test func replacesTheBlockWhereItIsAndKeepsTheRest() throws {
        let existing = "export A=1\n# >>> rigctl theme >>>\nold line\n# <<< rigctl theme <<<\nexport B=2"
        let updated = try block.apply(to: existing, path: ".bashrc")
        #expect(updated == "export A=1\n" + text + "export B=2")
        #expect(try block.apply(to: updated, path: ".bashrc") == updated)
    }

    @Test func newFilesGetThePreamble() throws {
        let vim = ManagedBlock(commentLeader: "\"", body: "colorscheme x", newFilePreamble: "source defaults\n\n")
        #expect(try vim.apply(to: nil, path: ".vimrc") == "source defaults\n\n\" >>> rigctl theme >>>\ncolorscheme x\n\" <<< rigctl theme <<<\n")
        #expect(try vim.apply(to: "set nu\n", path: ".vimrc") == "set nu\n\n\" >>> rigctl theme >>>\ncolorscheme x\n\" <<< rigctl theme <<<\n")
    }

    @Test func aDamagedBlockIsAnErrorNotAGuess() {
        let message = "the rigctl theme block is damaged (expected one '# >>> rigctl theme >>>' line followed by one "
            + "'# <<< rigctl theme <<<' line; found 1 and 0); fix or remove it by hand"
        #expect(throws: InstallError(path: ".bashrc", message: message)) {
            try block.apply(to: "# >>> rigctl theme >>>\nx\n", path: ".bashrc")
        }
        #expect(throws: InstallError.self) {
            try block.apply(to: "# <<< rigctl theme <<<\n# >>> rigctl theme >>>\n", path: ".bashrc")
        }
    }
}
