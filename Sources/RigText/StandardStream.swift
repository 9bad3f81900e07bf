#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output or error, written with `write(2)` until every byte is out (what
/// `FileHandle.standardOutput.write` does, without Foundation).
package enum StandardStream: Int32, Sendable {
    case output = 1
    case error = 2

    package func write(_ text: String) {
        var text = text
        text.withUTF8(write(buffer:))
    }

    package func write(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer(write(buffer:))
    }

    private func write(buffer bytes: UnsafeBufferPointer<UInt8>) {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(rawValue, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return   // a closed stream: nothing more can be said
            }
            offset += written
        }
    }
}

/// `write(2)`, named apart from `StandardStream.write(_:)`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
