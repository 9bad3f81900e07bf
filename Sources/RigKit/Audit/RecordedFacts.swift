import RigSpec
import FoundationEssentials
import RigText
import RigSystem
import RigProbe

/// `build-logs/<machine>/facts.json`: where recorded facts live, and reading them with a clear
/// message instead of a decoding dump.
package enum RecordedFacts {
    /// `REPO/build-logs/<machine>/facts.json`.
    package static func path(repository: String, machine: String) -> String {
        (repository == "." ? "" : "\(repository)/") + "build-logs/\(machine)/facts.json"
    }

    package enum LoadError: Error, Equatable, CustomStringConvertible {
        case unreadable(String, reason: String)
        case malformed(String, reason: String)

        package var description: String {
            switch self {
            case let .unreadable(file, reason): return "\(file): \(reason)"
            case let .malformed(file, reason): return "\(file): not a facts file (rigctl probe --json / snapshot): \(reason)"
            }
        }

        /// The file the error is about.
        package var file: String {
            switch self {
            case .unreadable(let file, _), .malformed(let file, _): return file
            }
        }
    }

    /// Reads a facts JSON file; nil when it does not exist.
    package static func load(_ file: String, system: any System) throws(LoadError) -> Facts? {
        let data: Data
        do {
            data = try system.readFile(file)
        } catch .notFound {
            return nil
        } catch {
            throw .unreadable(file, reason: error.reason)
        }
        do {
            return try Facts.decode(data)
        } catch let DecodingError.dataCorrupted(context) {
            throw .malformed(file, reason: syntaxError(data).map { "invalid JSON (\($0))" } ?? context.debugDescription)
        } catch let DecodingError.typeMismatch(_, context) {
            throw .malformed(file, reason: "\(path(context)): \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw .malformed(file, reason: "\(path(context, key)): missing")
        } catch let DecodingError.valueNotFound(_, context) {
            throw .malformed(file, reason: "\(path(context)): null where a value is needed")
        } catch {
            throw .malformed(file, reason: String(describing: error))
        }
    }

    /// Where the text stops being JSON, when that is why decoding failed.
    private static func syntaxError(_ data: Data) -> JSONValue.SyntaxError? {
        do throws(JSONValue.SyntaxError) {
            _ = try JSONValue.parse(data)
            return nil
        } catch {
            return error
        }
    }

    private static func path(_ context: DecodingError.Context, _ last: (any CodingKey)? = nil) -> String {
        let keys = context.codingPath + (last.map { [$0] } ?? [])
        let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "top level" : text)
    }
}
