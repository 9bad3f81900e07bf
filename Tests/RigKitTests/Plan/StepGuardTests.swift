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

@Suite struct StepGuardTests {
    @Test func summariesSayWhatIsChecked() {
        #expect(StepGuard.packagesInstalled([AptPin(name: "cuda-keyring")]).summary == "package cuda-keyring installed")
        #expect(StepGuard.packagesInstalled([AptPin(name: "git"), AptPin(name: "tmux", versionGlob: "3.4-1", hold: true)]).summary
            == "packages git, tmux 3.4-1 (held) installed")
        #expect(StepGuard.driverBranchInstalled(flavor: .open, minimumBranch: 570).summary
            == "an nvidia-driver-<branch>-open package with branch >= 570 installed")
        #expect(StepGuard.all([.fileContents(SystemFile(path: "/etc/x", contents: "")), .unitActive("u.service")]).summary
            == "/etc/x up to date; u.service enabled and active")
        #expect(StepGuard.dotfilesCurrent([RenderedFile(path: ".bashrc", installation: .wholeFile(""))]).summary == "~/.bashrc up to date")
        #expect(StepGuard.dotfilesCurrent([PlanExamples.dotfile(".config/Code/User/settings.json")]).summary
            == "~/.config/Code/User/settings.json has workbench.colorCustomizations")
    }
}
