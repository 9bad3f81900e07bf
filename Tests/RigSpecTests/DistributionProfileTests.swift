import Testing
@testable import RigSpec

@Suite struct DistributionProfileTests {
    @Test func everyDistroHasOneProfile() {
        #expect(DistributionProfile.all.map(\.distro) == MachineSpec.OperatingSystem.Distro.allCases)
        #expect(DistributionProfile.all.filter { $0.platform == .linux }.allSatisfy { $0.packageManager == .apt })
        #expect(DistributionProfile.of(.macos).packageManager == .homebrew)
    }

    @Test func macOSIsAppleSiliconWithMajorReleases() {
        let mac = MachineSpec.OperatingSystem(distro: .macos, release: "15")
        #expect(mac.architecture == .arm64)
        #expect(mac.kernelArchitectureName == "arm64")
        #expect(mac.summary == "macos 15")
        #expect(MachineSpec.OperatingSystem(distro: .ubuntu, release: "24.04", architecture: .arm64).kernelArchitectureName == "aarch64")
        let profile = DistributionProfile.of(.macos)
        #expect(profile.releaseMatches(spec: "15", probed: "15.5"))
        #expect(profile.releaseMatches(spec: "15.5", probed: "15.5.1"))
        #expect(!profile.releaseMatches(spec: "15", probed: "14.7"))
        #expect(!profile.releaseMatches(spec: "15.5", probed: "15"))
        #expect(!profile.releaseMatches(spec: "1", probed: "15.5"))
        #expect(!DistributionProfile.of(.ubuntu).releaseMatches(spec: "24", probed: "24.04"))
    }

    @Test func nvidiaRepositoryDirectories() {
        #expect(DistributionProfile.of(.ubuntu).nvidiaRepositoryDirectory(release: "24.04") == "ubuntu2404")
        #expect(DistributionProfile.of(.pop).nvidiaRepositoryDirectory(release: "22.04") == "ubuntu2204")
        #expect(DistributionProfile.of(.debian).nvidiaRepositoryDirectory(release: "12") == "debian12")
        #expect(DistributionProfile.of(.debian).nvidiaRepositoryDirectory(release: "12.5") == "debian12")
    }

    @Test func theDriverSourceDependsOnTheArchitecture() {
        #expect(DistributionProfile.of(.ubuntu).nvidiaDriverSource(.amd64) == .distributionArchive)
        #expect(DistributionProfile.of(.ubuntu).nvidiaDriverSource(.arm64) == .nvidiaRepository)
        #expect(DistributionProfile.of(.debian).nvidiaDriverSource(.amd64) == .nvidiaRepository)
        #expect(DistributionProfile.of(.pop).nvidiaDriverSource(.amd64) == .distributionArchive)
        #expect(DistributionProfile.of(.pop).nvidiaDriverSource(.arm64) == .distributionArchive)
    }

    @Test func popIsBuiltOnUbuntu() {
        #expect(DistributionProfile.of(.pop).releaseBase == .ubuntu)
        #expect(DistributionProfile.of(.pop).codename("22.04") == "jammy")
        #expect(DistributionProfile.of(.debian).releaseBase == .debian)
    }

    @Test func codeNamesOfKnownReleasesOnly() {
        #expect(DistributionProfile.of(.ubuntu).codename("24.04") == "noble")
        #expect(DistributionProfile.of(.debian).codename("12") == "bookworm")
        #expect(DistributionProfile.of(.ubuntu).codename("23.10") == nil)
    }

    @Test func osReleaseIDs() {
        #expect(DistributionProfile.of(osReleaseID: "pop")?.distro == .pop)
        #expect(DistributionProfile.of(osReleaseID: "Ubuntu")?.distro == .ubuntu)
        #expect(DistributionProfile.of(osReleaseID: "fedora") == nil)
    }

    @Test func architectureNames() {
        #expect(MachineSpec.OperatingSystem.Architecture.arm64.kernelName == "aarch64")
        #expect(MachineSpec.OperatingSystem.Architecture.amd64.kernelName == "x86_64")
        #expect(MachineSpec.OperatingSystem.Architecture.arm64.nvidiaRepositoryName == "sbsa")
        #expect(MachineSpec.OperatingSystem(distro: .ubuntu, release: "24.04").architecture == .amd64)
        #expect(MachineSpec.OperatingSystem(distro: .ubuntu, release: "24.04").declaredArchitecture == nil)
    }
}
