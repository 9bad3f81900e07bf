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

@Suite struct CUDAToolkitInstallTests {
    @Test func aReleaseNamesItsToolkitPackageAndBinDirectory() {
        let cuda = CUDAToolkitInstall(constraint: PlanExamples.constraint("12.8"))
        #expect(cuda.package == AptPin(name: "cuda-toolkit-12-8"))
        #expect(cuda.binDirectory == "/usr/local/cuda-12.8/bin")
        #expect(cuda.profileScript.path == "/etc/profile.d/cuda.sh")
        #expect(cuda.profileScript.contents.contains(#"export PATH="/usr/local/cuda-12.8/bin${PATH:+:${PATH}}""#))
    }

    @Test func anUpdateIsPinnedAndHeld() {
        let cuda = CUDAToolkitInstall(constraint: PlanExamples.constraint("12.8.1"))
        #expect(cuda.package == AptPin(name: "cuda-toolkit-12-8", versionGlob: "12.8.1-*", hold: true))
        #expect(cuda.release == "12.8")
    }

    @Test func aMinimumInstallsTheMinimumAndAMajorOnlyItsMetapackage() {
        #expect(CUDAToolkitInstall(constraint: PlanExamples.constraint(">=12.6")).package == AptPin(name: "cuda-toolkit-12-6"))
        let major = CUDAToolkitInstall(constraint: PlanExamples.constraint("13"))
        #expect(major.package == AptPin(name: "cuda-toolkit-13"))
        #expect(major.binDirectory == "/usr/local/cuda-13/bin")
    }

    @Test func theProfileScriptAddsThePathOnceInPOSIXShell() throws {
        let cuda = CUDAToolkitInstall(constraint: PlanExamples.constraint("12.8"))
        let script = cuda.profileScript.contents + #"printf '%s' "$PATH""#
        let once = try #require(try PlanTools.run("sh", ["-c", script], environment: ["PATH": "/usr/bin:/bin"]))
        #expect(once.output == "/usr/local/cuda-12.8/bin:/usr/bin:/bin")
        let twice = try #require(try PlanTools.run("sh", ["-c", cuda.profileScript.contents + script], environment: ["PATH": "/usr/bin:/bin"]))
        #expect(twice.output == "/usr/local/cuda-12.8/bin:/usr/bin:/bin")
    }
}
