import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

/// `python:` as uv makes it: uv itself from PyPI into its own venv, the environment with
/// `uv venv --python <version>`, the requirements with `uv pip install` (PyTorch routed to its
/// wheel index by `--torch-backend`, uv's PyTorch integration guide). The guard is uv's own
/// offline dry run, so a check never downloads and never changes anything.
package struct PythonEnvironment: Sendable, Equatable {
    /// uv from PyPI, pinned so every machine resolves the same way (https://pypi.org/project/uv/, 0.13.9).
    package static let uvVersion = "0.13.9"
    /// Where uv is installed; `RIGCTL_UV_HOME` (shell, `rigctl apply`) or `rigctl_uv_home` (Ansible) moves it.
    package static let uvHome = "/opt/rigctl/uv"
    /// On a Mac, where every user may write without root: `/Users/Shared` (macOS creates it mode 1777,
    /// "for files shared by all users of the Mac", Apple's Mac User Guide).
    package static let macUVHome = "/Users/Shared/rigctl/uv"

    /// Where uv goes on this platform.
    package static func uvHome(on platform: DistributionProfile.Platform) -> String {
        platform == .macOS ? macUVHome : uvHome
    }

    /// The uv home this plan sets itself, or nil for the prelude's default (`uvHome`).
    package var platformUVHome: String?

    package var version: String
    package var path: String
    /// `--torch-backend`: `cu128` or `cpu`; nil without `torch:`.
    package var torchBackend: String?
    /// What `uv pip install` gets: `torch==2.7.*` first, then the spec's packages.
    package var requirements: [String]

    package init(_ python: MachineSpec.Python, platform: DistributionProfile.Platform = .linux) {
        platformUVHome = platform == .macOS ? Self.macUVHome : nil
        version = python.version
        path = python.path
        torchBackend = python.torch?.variant
        var requirements: [String] = []
        if let torch = python.torch { requirements.append(Self.torchRequirement(torch.version)) }
        requirements += python.packages
        self.requirements = requirements
    }

    /// `2.7` → `torch==2.7.*` (any 2.7.x), `2.7.1` → `torch==2.7.1`, `>=2.7` → `torch>=2.7`.
    static func torchRequirement(_ constraint: VersionConstraint) -> String {
        switch constraint.kind {
        case .atLeast: return "torch>=\(constraint.version)"
        case .prefix: return constraint.version.components.count >= 3 ? "torch==\(constraint.version)" : "torch==\(constraint.version).*"
        }
    }

    /// `/opt/ml/venv/bin/python`.
    package var interpreter: String { path + "/bin/python" }

    /// `uv pip install` arguments after `install` (the same for the dry run and the real one).
    package var installArguments: [String] {
        ["--python", interpreter] + (torchBackend.map { ["--torch-backend", $0] } ?? []) + requirements
    }

    package var summary: String {
        "Python \(version) at \(path)" + (requirements.isEmpty ? "" : " with \(requirements.joined(separator: ", "))")
    }
}
