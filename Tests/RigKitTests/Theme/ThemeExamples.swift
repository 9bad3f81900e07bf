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

/// The example machines' themes, as the lead's machines/*.yaml write them.
enum ThemeExamples {
    static func color(_ hex: String) -> Color {
        guard let color = Color(hex: hex) else { fatalError("bad colour constant \(hex) in the tests") }
        return color
    }

    static let workstation = MachineSpec(
        name: "workstation", file: "machines/workstation.yaml", hostname: "workstation", role: .desktop,
        os: .init(distro: .ubuntu, release: "24.04"),
        theme: .init(background: color("#2c001e"), foreground: color("#f2e6ee"), accent: color("#c678dd"),
                     cursor: color("#e95420")))

    static let computeNode = MachineSpec(
        name: "compute-node", file: "machines/compute-node.yaml", hostname: "compute-node", role: .headless,
        os: .init(distro: .ubuntu, release: "22.04"),
        theme: .init(background: color("#0b2540"), foreground: color("#e6eef7"), accent: color("#4aa3ff"),
                     cursor: color("#4aa3ff")))

    static let bigRig = MachineSpec(
        name: "big-rig", file: "machines/big-rig.yaml", hostname: "big-rig", role: .headless,
        os: .init(distro: .ubuntu, release: "24.04"),
        theme: .init(background: color("#0f2a1d"), foreground: color("#e3f2e8"), accent: color("#3ddc84")))

    static let all = [workstation, computeNode, bigRig]

    static func palette(_ spec: MachineSpec) throws -> Palette { try Palette(spec: spec) }
}
