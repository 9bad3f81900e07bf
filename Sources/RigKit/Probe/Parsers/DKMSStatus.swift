import RigSpec
import RigSystem

/// `dkms status`: one line per module, version and kernel. Two layouts exist:
/// dkms 3 writes `nvidia/570.172.08, 6.12.10-76061203-generic, x86_64: installed`
/// (pop-os/system76-driver#336), dkms 2 wrote `nvidia, 460.91.03, 5.11.0-36-generic, x86_64: installed`
/// (linux-surface/linux-surface#573). A module added but never built has no kernel:
/// `nvidia/570.172.08: added`. Lines that are neither (`Error! Could not locate dkms.conf file.`) are skipped.
package struct DKMSStatus: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var module: String
        package var version: String
        /// Nil for a module that is only added or built for no kernel.
        package var kernel: String?
        /// `installed`, `built`, `added`, with any warning dkms appends.
        package var state: String

        /// Built and installed into the kernel's module tree (dkms may append a warning in parentheses).
        package var isInstalled: Bool { state.hasPrefix("installed") }
    }

    package var entries: [Entry]

    package static func parse(_ text: String) -> DKMSStatus {
        DKMSStatus(entries: text.split(whereSeparator: \.isNewline).compactMap { entry(String($0)) })
    }

    private static func entry(_ line: String) -> Entry? {
        guard let colon = line.ranges(of: ": ").last else { return nil }
        let state = String(line[colon.upperBound...]).trimmed
        var fields = line[..<colon.lowerBound].split(separator: ",").map { String($0).trimmed }
        guard !fields.isEmpty, !state.isEmpty else { return nil }
        let module: String, version: String
        if let slash = fields[0].firstIndex(of: "/") {
            module = String(fields[0][..<slash])
            version = String(fields[0][fields[0].index(after: slash)...])
            fields.removeFirst()
        } else {
            guard fields.count >= 2 else { return nil }
            module = fields[0]
            version = fields[1]
            fields.removeFirst(2)
        }
        guard !module.isEmpty, !version.isEmpty, !module.contains(" ") else { return nil }
        return Entry(module: module, version: version, kernel: fields.first.flatMap { $0.isEmpty ? nil : $0 }, state: state)
    }
}
