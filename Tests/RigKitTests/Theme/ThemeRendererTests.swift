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

@Suite struct ThemeRendererTests {
    @Test func desktopGetsUserSettingsAndHeadlessGetsMachineSettings() throws {
        #expect(try ThemeRenderer.render(ThemeExamples.workstation).map(\.path) == [
            ".config/rigctl/theme.sh", ".bashrc", ".config/rigctl/tmux.conf", ".tmux.conf",
            ".vim/colors/rigctl.vim", ".vim/colors/rigctl-workstation.vim", ".vimrc", ".config/Code/User/settings.json",
        ])
        #expect(try ThemeRenderer.render(ThemeExamples.computeNode).map(\.path).last
                == ".vscode-server/data/Machine/settings.json")
    }

    @Test(arguments: ThemeExamples.all)
    func everyFileMatchesItsGoldenFile(spec: MachineSpec) throws {
        for file in try ThemeRenderer.render(spec) {
            try ThemeGolden.check(file.freshContents, "theme/\(spec.name)/\(file.path)")
        }
    }

    @Test func aMachineWithoutThemeIsAnError() {
        var spec = ThemeExamples.workstation
        spec.theme = nil
        #expect(throws: ThemeError(keyPath: "theme", message: "machine workstation has no theme: section")) {
            try ThemeRenderer.render(spec)
        }
    }
}
