import Dispatch

/// Frees a large value on another core while the caller goes on, or not at all when the process exits first.
///
/// A command's last steps ran on one core while the other waited: freeing the 1,000 machine verdicts, the
/// report and the loader's caches was about a fifth of `audit`'s wall time, and the kernel takes the memory
/// back at exit anyway (clang's `-disable-free` skips the same work).
package enum BackgroundRelease {
    /// One queue, so frees never take both cores from the work that is still going on.
    private static let queue = DispatchQueue(label: "rigctl.background-release", qos: .utility)

    /// Takes `value` (the caller's last copy: pass it with `consume`) and drops it on the release queue.
    package static func release<T: Sendable>(_ value: consuming T) {
        // Moved into a box the queue empties: whichever thread lets go of the box last, the value's own
        // teardown runs in `empty()`, on the queue.
        let box = Box(value)
        queue.async { box.empty() }
    }

    private final class Box<T: Sendable>: @unchecked Sendable {
        private var value: T?
        init(_ value: consuming T) { self.value = consume value }
        func empty() { value = nil }
    }
}
