import FoundationEssentials
import RigText
import RigSystem

/// The rigctl binary copied to a remote machine and the architecture it runs on.
package struct RemoteBinary: Sendable, Equatable {
    package var path: String
    package var architecture: String

    /// The ELF file at `path` and its machine (`x86_64`, `aarch64`); nil with the reason when it is
    /// not a Linux executable rigctl knows. e_machine is the 16-bit field at offset 18 of the ELF
    /// header (System V ABI, "ELF Header"): 62 EM_X86_64, 183 EM_AARCH64 (<elf.h>).
    package static func inspect(_ path: String, system: any SystemReader) -> Result<RemoteBinary, RemoteError> {
        let data: Data
        do { data = try system.readFile(path) } catch { return .failure(.binary("\(path): \(error.reason)")) }
        let header = [UInt8](data.prefix(20))
        guard header.count == 20, header[0] == 0x7f, header[1] == 0x45, header[2] == 0x4c, header[3] == 0x46 else {
            return .failure(.binary("\(path) is not an ELF executable"))
        }
        guard header[5] == 1 else { return .failure(.binary("\(path) is a big-endian ELF file")) }
        switch UInt16(header[18]) | UInt16(header[19]) << 8 {
        case 62: return .success(RemoteBinary(path: path, architecture: "x86_64"))
        case 183: return .success(RemoteBinary(path: path, architecture: "aarch64"))
        case let other: return .failure(.binary("\(path) is for ELF machine \(other), not x86_64 or aarch64"))
        }
    }

    /// The rigctl that is running (Linux: /proc/self/exe).
    package static var running: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

/// Why a remote command could not run (or finish); each names what to do.
package enum RemoteError: Error, Equatable, CustomStringConvertible {
    case binary(String)
    case connection(String)
    case remote(String)

    package var description: String {
        switch self {
        case .binary(let why), .connection(let why), .remote(let why): why
        }
    }
}
