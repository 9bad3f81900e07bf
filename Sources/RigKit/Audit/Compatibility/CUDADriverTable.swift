import RigSpec
import RigSystem
import RigProbe

/// CUDA toolkit release → minimum Linux x86_64 driver.
///
/// Sources (docs/compatibility.md §1):
/// - NVIDIA CUDA Toolkit Release Notes, Table 3 "CUDA Toolkit and Corresponding Driver Versions"
///   (https://docs.nvidia.com/cuda/cuda-toolkit-release-notes/index.html, 13.2 Update 2 edition).
/// - Driver bundled in each `.run` installer: spack/spack-packages `repos/spack_repo/builtin/packages/cuda/package.py`
///   (commit 0cd1d466…). 12.3 Update 2 is not in Table 3; its runfile driver is used as its minimum.
/// - Family floors (minor-version compatibility): NVIDIA CUDA Compatibility guide, Table 1, and Release Notes Table 2.
package struct CUDADriverTable: Sendable {
    package struct Entry: Sendable, Equatable {
        /// `12.8.1`; a GA release is `x.y.0` (11.0 GA is 11.0.2).
        package let toolkit: Version
        /// `12.8 Update 1`, as the release notes name it.
        package let release: String
        package let minimumDriver: Version
        /// The driver in the `.run` installer, where it differs from or completes Table 3.
        package let bundledDriver: Version?
    }

    /// The oldest driver that runs a CUDA major family under minor-version compatibility.
    package struct FamilyFloor: Sendable, Equatable {
        package let major: Int
        package let minimumDriver: Version
    }

    /// What a CUDA pin needs from the driver.
    package enum Requirement: Sendable, Equatable {
        /// The release is in Table 3.
        case release(Entry, floor: FamilyFloor?)
        /// The release is not in the table, but its major family is.
        case familyOnly(FamilyFloor)
        /// Neither the release nor its family is known.
        case unknown
    }

    package let entries: [Entry]
    package let floors: [FamilyFloor]

    /// Answers already given, by the asked version's components (all that `requirement(for:)` reads of
    /// it; not by `Version`, whose equality ignores trailing zeros that `hasPrefix` counts). The table
    /// never changes, so a copy shares them.
    private let answers = BoundedMemo<[Int], Requirement>(limit: 256)

    package init(entries: [Entry], floors: [FamilyFloor]) {
        self.entries = entries
        self.floors = floors
    }

    /// The requirement of the newest release a CUDA pin admits at the precision it is written:
    /// `12.8` installs 12.8 Update 1, `12.8.0` the GA, `>=12.8` at least the newest 12.8.
    /// Looked up once per version: each spec asks twice (its toolkit and its PyTorch wheels), and a
    /// scan of the table cost thousands of instructions.
    package func requirement(for cuda: VersionConstraint) -> Requirement {
        answers.value(for: cuda.version.components) { _ in scan(for: cuda.version) }
    }

    private func scan(for version: Version) -> Requirement {
        let floor = floors.first(where: { $0.major == version.components[0] })
        // The newest matching entry, the first of equals (as max(by:) picks), in one pass without copies.
        var newest: Int?
        for index in entries.indices where entries[index].toolkit.hasPrefix(version) {
            if let best = newest, !(entries[best].toolkit < entries[index].toolkit) { continue }
            newest = index
        }
        if let newest { return .release(entries[newest], floor: floor) }
        if let floor { return .familyOnly(floor) }
        return .unknown
    }

    private static func entry(_ toolkit: String, _ release: String, _ driver: String, bundled: String? = nil) -> Entry? {
        guard let toolkit = Version(toolkit), let driver = Version(driver) else { return nil }
        return Entry(toolkit: toolkit, release: release, minimumDriver: driver, bundledDriver: bundled.flatMap(Version.init))
    }

    private static func floor(_ major: Int, _ driver: String) -> FamilyFloor? {
        Version(driver).map { FamilyFloor(major: major, minimumDriver: $0) }
    }

    /// Table 3 (incl. updates) with the runfile drivers, and the 11.x/12.x/13.x floors.
    package static let standard = CUDADriverTable(entries: [
        entry("13.2.2", "13.2 Update 2", "595.71.05"),
        entry("13.2.1", "13.2 Update 1", "595.58.03"),
        entry("13.2.0", "13.2 GA", "595.45.04"),
        entry("13.1.1", "13.1 Update 1", "590.48.01", bundled: "590.48.01"),
        entry("13.1.0", "13.1 GA", "590.44.01", bundled: "590.44.01"),
        entry("13.0.2", "13.0 Update 2", "580.95.05", bundled: "580.95.05"),
        entry("13.0.1", "13.0 Update 1", "580.82.07", bundled: "580.82.07"),
        entry("13.0.0", "13.0 GA", "580.65.06", bundled: "580.65.06"),
        entry("12.9.1", "12.9 Update 1", "575.57.08", bundled: "575.57.08"),
        entry("12.9.0", "12.9 GA", "575.51.03", bundled: "575.51.03"),
        entry("12.8.1", "12.8 Update 1", "570.124.06", bundled: "570.124.06"),
        entry("12.8.0", "12.8 GA", "570.26", bundled: "570.86.10"),
        entry("12.6.3", "12.6 Update 3", "560.35.05", bundled: "560.35.05"),
        entry("12.6.2", "12.6 Update 2", "560.35.03", bundled: "560.35.03"),
        entry("12.6.1", "12.6 Update 1", "560.35.03", bundled: "560.35.03"),
        entry("12.6.0", "12.6 GA", "560.28.03", bundled: "560.28.03"),
        entry("12.5.1", "12.5 Update 1", "555.42.06", bundled: "555.42.06"),
        entry("12.5.0", "12.5 GA", "555.42.02", bundled: "555.42.02"),
        entry("12.4.1", "12.4 Update 1", "550.54.15", bundled: "550.54.15"),
        entry("12.4.0", "12.4 GA", "550.54.14", bundled: "550.54.14"),
        entry("12.3.2", "12.3 Update 2", "545.23.08", bundled: "545.23.08"),
        entry("12.3.1", "12.3 Update 1", "545.23.08", bundled: "545.23.08"),
        entry("12.3.0", "12.3 GA", "545.23.06", bundled: "545.23.06"),
        entry("12.2.2", "12.2 Update 2", "535.104.05", bundled: "535.104.05"),
        entry("12.2.1", "12.2 Update 1", "535.86.09", bundled: "535.86.10"),
        entry("12.2.0", "12.2 GA", "535.54.03", bundled: "535.54.03"),
        entry("12.1.1", "12.1 Update 1", "530.30.02", bundled: "530.30.02"),
        entry("12.1.0", "12.1 GA", "530.30.02", bundled: "530.30.02"),
        entry("12.0.1", "12.0 Update 1", "525.85.12", bundled: "525.85.12"),
        entry("12.0.0", "12.0 GA", "525.60.13", bundled: "525.60.13"),
        entry("11.8.0", "11.8 GA", "520.61.05", bundled: "520.61.05"),
        entry("11.7.1", "11.7 Update 1", "515.48.07"),
        entry("11.7.0", "11.7 GA", "515.43.04"),
        entry("11.6.2", "11.6 Update 2", "510.47.03"),
        entry("11.6.1", "11.6 Update 1", "510.47.03"),
        entry("11.6.0", "11.6 GA", "510.39.01"),
        entry("11.5.2", "11.5 Update 2", "495.29.05"),
        entry("11.5.1", "11.5 Update 1", "495.29.05"),
        entry("11.5.0", "11.5 GA", "495.29.05"),
        entry("11.4.4", "11.4 Update 4", "470.82.01"),
        entry("11.4.3", "11.4 Update 3", "470.82.01"),
        entry("11.4.2", "11.4 Update 2", "470.57.02"),
        entry("11.4.1", "11.4 Update 1", "470.57.02"),
        entry("11.4.0", "11.4 GA", "470.42.01"),
        entry("11.3.1", "11.3 Update 1", "465.19.01"),
        entry("11.3.0", "11.3 GA", "465.19.01"),
        entry("11.2.2", "11.2 Update 2", "460.32.03"),
        entry("11.2.1", "11.2 Update 1", "460.32.03"),
        entry("11.2.0", "11.2 GA", "460.27.03"),
        entry("11.1.1", "11.1 Update 1", "455.32"),
        entry("11.1.0", "11.1 GA", "455.23"),
        entry("11.0.3", "11.0 Update 1", "450.51.06"),
        entry("11.0.2", "11.0 GA", "450.51.05"),
    ].compactMap { $0 }, floors: [
        floor(13, "580"),
        floor(12, "525.60.13"),
        // 11.0 needs the recommended 450.80.02 driver for minor-version compatibility.
        floor(11, "450.80.02"),
    ].compactMap { $0 })
}
