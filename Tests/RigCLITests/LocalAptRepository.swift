import Foundation
import Testing

/// A one-package apt repository in a temporary directory (`deb [trusted=yes] file:… ./`), so the
/// end-to-end test installs a real package without depending on what a mirror carries. The package
/// is built but not published until `publish()`: before that, installing it fails as a typo would.
struct LocalAptRepository {
    static let package = "rigctl-e2e-marker"
    let directory: String
    let sourcesFile: String

    init() throws {
        directory = try Subprocess.temporaryDirectory("rigctl-e2e-apt")
        sourcesFile = "/etc/apt/sources.list.d/rigctl-e2e-\(UUID().uuidString.prefix(8)).list"
        let script = """
            set -euo pipefail
            cd "$1"
            mkdir -p pkg/DEBIAN "pkg/usr/share/doc/$2"
            printf 'Package: %s\\nVersion: 1.0\\nArchitecture: all\\nMaintainer: rigctl tests <tests@rigctl.invalid>\\nDescription: marker package of rigctl end-to-end tests\\n' "$2" > pkg/DEBIAN/control
            echo 'installed by the rigctl end-to-end test' > "pkg/usr/share/doc/$2/README"
            dpkg-deb --build --root-owner-group pkg "$2_1.0_all.deb" >/dev/null
            rm -rf pkg
            : > Packages
            chmod -R a+rX .
            echo "deb [trusted=yes] file:$PWD ./" > "$3"
            """
        let result = try Subprocess.run("bash", ["-c", script, "repo", directory, Self.package, sourcesFile])
        guard result.status == 0 else { throw SetupError(what: "building the local apt repository", output: result.output) }
    }

    /// Lists the package in the repository's index.
    func publish() throws {
        let script = """
            set -euo pipefail
            cd "$1"
            deb="$2_1.0_all.deb"
            { dpkg-deb -f "$deb"; echo "Filename: ./$deb"; echo "Size: $(stat -c %s "$deb")"; echo "SHA256: $(sha256sum "$deb" | cut -d' ' -f1)"; echo; } > Packages
            """
        let result = try Subprocess.run("bash", ["-c", script, "publish", directory, Self.package])
        guard result.status == 0 else { throw SetupError(what: "publishing the package", output: result.output) }
    }

    /// Whether dpkg has the package installed.
    static func isInstalled() throws -> Bool {
        let result = try Subprocess.run("dpkg-query", ["-W", "-f", "${db:Status-Status}", package])
        return result.status == 0 && result.output == "installed"
    }

    static func purge() throws {
        _ = try Subprocess.run("dpkg", ["--purge", package])
    }

    /// Purges the package and removes the source and the directory.
    func remove() {
        _ = try? Self.purge()
        try? FileManager.default.removeItem(atPath: sourcesFile)
        try? FileManager.default.removeItem(atPath: directory)
    }

    struct SetupError: Error, CustomStringConvertible {
        var what: String
        var output: String
        var description: String { "\(what) failed:\n\(output)" }
    }
}
