import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

/// The CUDA toolkit from NVIDIA's repository (`cuda-toolkit-12-8`) and the profile script that puts it on PATH.
package struct CUDAToolkitInstall: Sendable, Equatable {
    package var constraint: VersionConstraint
    /// `12.8` (or `12` when the spec names only the major release).
    package var release: String
    /// `cuda-toolkit-12-8` (or `cuda-toolkit-12`); a three-part spec (`12.8.1`) pins and holds the version.
    package var package: AptPin
    /// `/etc/profile.d/cuda.sh`, adding the toolkit's bin directory to PATH for login shells.
    package var profileScript: SystemFile

    /// Full CUDA versions have three components (`12.8.1`).
    static let fullVersionComponents = 3

    /// For `>=X.Y` the named minimum is installed: toolkits install side by side, so a newer one never conflicts.
    package init(constraint: VersionConstraint) {
        self.constraint = constraint
        let components = constraint.version.components.prefix(2).map(String.init)
        release = components.joined(separator: ".")
        let name = "cuda-toolkit-" + components.joined(separator: "-")
        if constraint.kind == .prefix, constraint.version.components.count > 2 {
            package = AptPin(name: name, versionGlob: AptPin.versionGlob(for: constraint.version, fullComponents: Self.fullVersionComponents), hold: true)
        } else {
            package = AptPin(name: name)
        }
        let bin = "/usr/local/cuda-\(release)/bin"
        profileScript = SystemFile(path: "/etc/profile.d/cuda.sh", contents: """
            # Managed by rigctl: CUDA \(release) on PATH for login shells (drivers.cuda).
            case ":${PATH}:" in
              *:\(bin):*) ;;
              *) export PATH="\(bin)${PATH:+:${PATH}}" ;;
            esac

            """)
    }

    /// `/usr/local/cuda-12.8/bin`.
    package var binDirectory: String { "/usr/local/cuda-\(release)/bin" }
}
