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

@Suite struct KernelProberTests {
    @Test func unameWhenNoArchFile() async {
        var machine = FakeSystem()
        machine.files["/proc/sys/kernel/osrelease"] = "6.8.0-45-generic\n"
        machine.commands[["uname", "-m"]] = .output("aarch64\n")
        let facts = await ProbeRunner.probe([.os], on: machine, probers: [KernelProber()])
        #expect(facts.os?.kernel == .value("6.8.0-45-generic"))
        #expect(facts.os?.architecture == .value("aarch64"))
    }

    @Test func nothingToRead() async {
        let facts = await ProbeRunner.probe([.os], on: FakeSystem(), probers: [KernelProber()])
        #expect(facts.os?.kernel == .unknown("/proc/sys/kernel/osrelease: not found"))
        #expect(facts.os?.architecture == .unknown("uname not installed"))
    }
}
