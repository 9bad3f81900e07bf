import Foundation
import Testing
import RigSpec
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit

/// The package-manager seam (`SystemPackageManager`): the files the plan writes for a repository, a key and a
/// preference, checked as text and read back by the real apt.
@Suite struct SystemPackageManagerTests {
    @Test func everyLinuxProfileNamesItsPackageManagerAndTheMacNone() {
        for profile in DistributionProfile.all {
            #expect((profile.systemPackages != nil) == (profile.platform == .linux), "\(profile.displayName)")
        }
        #expect(DistributionProfile.of(.debian).systemPackages == .apt)
        #expect(DistributionProfile.of(.pop).systemPackages == .apt)
    }

    @Test func aptKeysAreArmouredUnderEtcAptKeyrings() {
        #expect(SystemPackageManager.apt.keyringPath("docker") == "/etc/apt/keyrings/docker.asc")
    }

    @Test func aptNamesAVersionWithAnEqualsSign() {
        #expect(SystemPackageManager.apt.versioned("tmux", "3.2a-4") == "tmux=3.2a-4")
        #expect(SystemPackageManager.apt.versioned("nvidia-open", "570.*") == "nvidia-open=570.*")
        #expect(SystemPackageManager.apt.versioned("tmux", nil) == "tmux")
    }

    @Test func aptSourcesFileIsOneSourcesListLine() {
        let repository = PackageRepository(
            name: "example", comment: "Managed by rigctl: an example.", url: "https://example.org/deb", suite: "noble",
            components: ["main", "contrib"], architectures: ["amd64", "arm64"], keyring: "/etc/apt/keyrings/example.asc")
        let file = SystemPackageManager.apt.sourcesFile(for: repository)
        #expect(file.path == "/etc/apt/sources.list.d/example.list")
        #expect(file.contents == """
            # Managed by rigctl: an example.
            deb [arch=amd64,arm64 signed-by=/etc/apt/keyrings/example.asc] https://example.org/deb noble main contrib

            """)
        let flat = PackageRepository(name: "flat", url: "https://example.org/deb/$(ARCH)", suite: "/", keyring: "/etc/apt/keyrings/flat.asc")
        #expect(SystemPackageManager.apt.sourcesFile(for: flat).contents == "deb [signed-by=/etc/apt/keyrings/flat.asc] https://example.org/deb/$(ARCH) /\n")
    }

    @Test func aptPreferenceFiles() {
        let version = SystemPackageManager.apt.preferenceFile(PackagePreference(
            name: "lock", explanation: "Keeps x.", packages: ["x-*", "libx*"], pin: .version("1.2.*"), priority: 1001))
        #expect(version.path == "/etc/apt/preferences.d/lock")
        #expect(version.contents == "Explanation: Keeps x.\nPackage: x-* libx*\nPin: version 1.2.*\nPin-Priority: 1001\n")
        let origin = SystemPackageManager.apt.preferenceFile(PackagePreference(
            name: "prefer", explanation: "Prefers y.", packages: ["*"], pin: .origin("repo.example.org"), priority: 600))
        #expect(origin.contents == "Explanation: Prefers y.\nPackage: *\nPin: release o=repo.example.org\nPin-Priority: 600\n")
    }

    /// Every sources file and preference the example plans write, as the planner makes them.
    private static func aptFiles() -> (sources: [SystemFile], preferences: [SystemFile]) {
        func os(_ distro: MachineSpec.OperatingSystem.Distro, _ release: String,
                _ arch: MachineSpec.OperatingSystem.Architecture? = nil) -> MachineSpec.OperatingSystem {
            MachineSpec.OperatingSystem(distro: distro, release: release, architecture: arch)
        }
        let rocm = ROCmInstall(constraint: PlanExamples.constraint("6.2.4"), os: os(.ubuntu, "24.04"))
        var sources = rocm.sources + [AptSource.nvidiaContainerToolkit(.apt).sources]
        sources += [os(.ubuntu, "24.04"), os(.debian, "12", .arm64), os(.pop, "22.04")].compactMap { AptSource.docker($0)?.sources }
        let driver = MachineSpec.Drivers.NVIDIA(version: PlanExamples.constraint("570"), flavor: .open)
        let lock = NVIDIADriverInstall(driver: driver, os: os(.debian, "12")).preferences
        return (sources, [rocm.preferences] + (lock.map { [$0] } ?? []))
    }

    /// `apt-get update --print-uris` reads the sources files and prints what apt would download, downloading
    /// nothing; `apt-cache policy` reads the preferences. A malformed entry makes either exit 100 with `E:`.
    private static func apt(_ tool: String, _ arguments: [String], sources: [SystemFile], preferences: [SystemFile]) throws -> PlanTools.Result? {
        let root = try PlanTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for directory in ["sources.list.d", "preferences.d", "lists/partial", "cache/archives/partial"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        // Numbered: the Docker files of different releases share a name.
        for (index, file) in (sources + preferences).enumerated() {
            let directory = file.path.hasPrefix("/etc/apt/preferences.d/") ? "preferences.d" : "sources.list.d"
            let name = "\(index)-" + String(file.path.split(separator: "/").last ?? "")
            try file.contents.write(to: root.appendingPathComponent(directory).appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let options = [
            "Dir::Etc::SourceList=/dev/null", "Dir::Etc::SourceParts=\(root.path)/sources.list.d",
            "Dir::Etc::Preferences=/dev/null", "Dir::Etc::PreferencesParts=\(root.path)/preferences.d",
            "Dir::State::Lists=\(root.path)/lists", "Dir::Cache=\(root.path)/cache", "Debug::NoLocking=1",
        ].flatMap { ["-o", $0] }
        return try PlanTools.run(tool, options + arguments)
    }

    @Test func realAptReadsTheSourcesFiles() throws {
        let files = Self.aptFiles()
        let run = try #require(try Self.apt("apt-get", ["update", "--print-uris"], sources: files.sources, preferences: []))
        #expect(run.status == 0, "\(run.output)")
        #expect(!run.output.contains("E:") && !run.output.contains("W:"), "\(run.output)")
        for uri in [
            "https://repo.radeon.com/amdgpu/6.2.4/ubuntu/dists/noble/InRelease",
            "https://repo.radeon.com/rocm/apt/6.2.4/dists/noble/main/binary-amd64/Packages",
            "https://download.docker.com/linux/ubuntu/dists/noble/InRelease",
            "https://download.docker.com/linux/debian/dists/bookworm/stable/binary-arm64/Packages",
            "https://download.docker.com/linux/ubuntu/dists/jammy/InRelease",
            "https://nvidia.github.io/libnvidia-container/stable/deb/",
        ] {
            #expect(run.output.contains(uri), "apt would not fetch \(uri):\n\(run.output)")
        }
    }

    @Test func realAptReadsThePreferences() throws {
        let files = Self.aptFiles()
        #expect(files.preferences.count == 2)
        let run = try #require(try Self.apt("apt-cache", ["policy"], sources: [], preferences: files.preferences))
        #expect(run.status == 0 && !run.output.contains("E:"), "\(run.output)")
        // The same check rejects a broken preference, so it can fail.
        let broken = SystemFile(path: "/etc/apt/preferences.d/broken", contents: "Package: x\nPin: version 1.*\nPin-Priority: high\n")
        let rejected = try #require(try Self.apt("apt-cache", ["policy"], sources: [], preferences: [broken]))
        #expect(rejected.status != 0 && rejected.output.contains("E:"), "\(rejected.output)")
    }
}
