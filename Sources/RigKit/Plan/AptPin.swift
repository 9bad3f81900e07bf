import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

/// An apt package to install, optionally restricted to versions matching a glob and held there.
package struct AptPin: Sendable, Equatable {
    package var name: String
    /// An apt/fnmatch version glob (`570.124.06-*`) or an exact version (`3.2a-4`); nil for any version.
    package var versionGlob: String?
    /// `apt-mark hold` after installing, so an unattended upgrade cannot move it.
    package var hold: Bool

    package init(name: String, versionGlob: String? = nil, hold: Bool = false) {
        self.name = name
        self.versionGlob = versionGlob
        self.hold = hold
    }

    /// `name` or `name=glob`, as Ansible's apt module takes it.
    package var specifier: String { versionGlob.map { "\(name)=\($0)" } ?? name }

    /// The glob that matches apt versions of a dotted upstream version: a full `570.124.06`
    /// matches `570.124.06-0ubuntu1`; a shorter `570` or `570.124` matches anything below it.
    package static func versionGlob(for version: Version, fullComponents: Int) -> String {
        version.components.count >= fullComponents ? "\(version.text)-*" : "\(version.text).*"
    }
}

