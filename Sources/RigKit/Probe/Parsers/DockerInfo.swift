import RigSpec
import RigText
import RigSystem

/// `docker info --format '{{json .}}'`: one JSON object, the daemon's `GET /info` body (`ServerVersion`,
/// `Runtimes` as a map of name → `{"path": …}`, `DefaultRuntime`) plus the client's own keys. When the daemon
/// does not answer, the CLI still prints the object, with `ServerErrors` (`["Cannot connect to the Docker
/// daemon at unix:///var/run/docker.sock. Is the docker daemon running?"]`) and no server keys, and exits 1
/// (samples and their sources: Tests/RigKitTests/Fixtures/tools/15_docker).
package struct DockerInfo: Sendable, Equatable {
    package var serverVersion: String?
    /// Runtime names, sorted.
    package var runtimes: [String]
    package var defaultRuntime: String?
    /// Why the CLI could not reach the daemon.
    package var serverErrors: [String]

    /// Nil when `text` is not a JSON object.
    package static func parse(_ text: String) -> DockerInfo? {
        guard let object = try? JSONValue.parse(text.trimmed), object.members != nil else { return nil }
        func nonEmpty(_ value: JSONValue?) -> String? { value?.string.flatMap { $0.isEmpty ? nil : $0 } }
        return DockerInfo(serverVersion: nonEmpty(object["ServerVersion"]),
                          runtimes: (object["Runtimes"]?.members ?? []).map(\.key).sorted(),
                          defaultRuntime: nonEmpty(object["DefaultRuntime"]),
                          serverErrors: (object["ServerErrors"]?.array ?? []).compactMap(\.string))
    }
}

/// `nvidia-ctk --version`: `NVIDIA Container Toolkit CLI version 1.13.1` then `commit: …`.
package enum NvidiaCTKVersion {
    package static func parse(_ text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) {
            let words = line.split(separator: " ")
            guard let at = words.firstIndex(of: "version"), words[..<at].contains("Toolkit"), at + 1 < words.count else { continue }
            let version = String(words[at + 1])
            if version.first?.isNumber == true { return version }
        }
        return nil
    }
}

/// The members of one group in /etc/group (`docker:x:999:alice,bob`); nil when the group is not there.
package enum GroupFile {
    package static func members(of group: String, in text: String) -> [String]? {
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count >= 4, fields[0] == group else { continue }
            return fields[3].split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }.sorted()
        }
        return nil
    }
}
