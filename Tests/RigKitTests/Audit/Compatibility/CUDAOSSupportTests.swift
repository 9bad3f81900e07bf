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

@Suite struct CUDAOSSupportTests {
    let table = CUDAOSSupport.standard

    private func verdict(_ distro: MachineSpec.OperatingSystem.Distro, _ release: String, _ cuda: String) throws -> CUDAOSSupport.Verdict {
        table.verdict(os: .init(distro: distro, release: release), cuda: try #require(Version(cuda)))
    }

    private func isSupported(_ verdict: CUDAOSSupport.Verdict) -> Bool {
        if case .supported = verdict { return true }
        return false
    }

    @Test func supportedCombinations() throws {
        #expect(isSupported(try verdict(.ubuntu, "24.04", "12.8")))
        #expect(isSupported(try verdict(.ubuntu, "24.04", "12.8.1")))
        #expect(isSupported(try verdict(.ubuntu, "22.04", "11.7")))
        #expect(isSupported(try verdict(.ubuntu, "22.04", "13.2")))
        #expect(isSupported(try verdict(.ubuntu, "20.04", "12.9")))
        #expect(isSupported(try verdict(.debian, "12", "13.0")))
        #expect(isSupported(try verdict(.debian, "11", "11.8")))
    }

    @Test func arm64HasItsOwnRows() throws {
        let spark = MachineSpec.OperatingSystem(distro: .ubuntu, release: "24.04", architecture: .arm64)
        #expect(isSupported(table.verdict(os: spark, cuda: try #require(Version("13.0")))))
        #expect(table.verdict(os: spark, cuda: try #require(Version("12.8")))
                == .unknown(reason: "rigctl's table knows CUDA 13.0–13.1 on ubuntu 24.04 arm64, not CUDA 12.8"))
        let jammyArm = MachineSpec.OperatingSystem(distro: .ubuntu, release: "22.04", architecture: .arm64)
        #expect(table.verdict(os: jammyArm, cuda: try #require(Version("12.8")))
                == .unknown(reason: "rigctl's table has no CUDA support data for ubuntu 22.04 arm64"))
    }

    @Test func popIsJudgedAsItsUbuntuBase() throws {
        #expect(isSupported(try verdict(.pop, "22.04", "12.8")))
        guard case .tooOld = try verdict(.pop, "24.04", "12.4") else {
            Issue.record("Pop!_OS 24.04 with CUDA 12.4 should be too old")
            return
        }
    }

    @Test func tooOldForTheOSRelease() throws {
        guard case let .tooOld(entry, first) = try verdict(.ubuntu, "24.04", "12.4") else {
            Issue.record("CUDA 12.4 on Ubuntu 24.04 should be too old")
            return
        }
        #expect(first == Version("12.5"))
        #expect(entry.release == "24.04")
        guard case .tooOld = try verdict(.ubuntu, "22.04", "11.6") else {
            Issue.record("CUDA 11.6 on Ubuntu 22.04 should be too old")
            return
        }
    }

    @Test func uncoveredCombinationsAreUnknownWithAReason() throws {
        #expect(try verdict(.ubuntu, "20.04", "13.0")
                == .unknown(reason: "rigctl's table knows CUDA 11.0–12.9 on ubuntu 20.04, not CUDA 13.0"))
        #expect(try verdict(.debian, "12", "12.1")
                == .unknown(reason: "rigctl's table knows CUDA 12.3–13.0 on debian 12, not CUDA 12.1"))
        #expect(try verdict(.ubuntu, "23.10", "12.4")
                == .unknown(reason: "rigctl's table has no CUDA support data for ubuntu 23.10"))
        // Newer than anything the table has seen: unknown, not unsupported.
        #expect(try verdict(.ubuntu, "24.04", "13.3")
                == .unknown(reason: "rigctl's table knows CUDA 12.5–13.2 on ubuntu 24.04, not CUDA 13.3"))
    }
}
