import Testing
import RigSpec
@testable import RigKit

@Suite struct ThemeRendererTests {
    @Test func desktopGetsUserSettingsAndHeadlessGetsMachineSettings() throws {
        #expect(try ThemeRenderer.render(ExampleMachines.workstation).map(\.path) == [
            ".config/rigctl/theme.sh", ".bashrc", ".config/rigctl/tmux.conf", ".tmux.conf",
            ".vim/colors/rigctl.vim", ".vim/colors/rigctl-workstation.vim", ".vimrc", ".config/Code/User/settings.json",
        ])
        #expect(try ThemeRenderer.render(ExampleMachines.computeNode).map(\.path).last
                == ".vscode-server/data/Machine/settings.json")
    }

    @Test(arguments: ExampleMachines.all)
    func everyFileMatchesItsGoldenFile(spec: MachineSpec) throws {
        for file in try ThemeRenderer.render(spec) {
            try GoldenFile.check(file.freshContents, "theme/\(spec.name)/\(file.path)")
        }
    }

    @Test func aMachineWithoutThemeIsAnError() {
        var spec = ExampleMachines.workstation
        spec.theme = nil
        #expect(throws: ThemeError(keyPath: "theme", message: "machine workstation has no theme: section")) {
            try ThemeRenderer.render(spec)
        }
    }
}
