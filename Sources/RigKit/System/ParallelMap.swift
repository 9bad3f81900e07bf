import Dispatch

/// `map` over all cores, results in input order; for independent, CPU-bound work per machine.
package enum ParallelMap {
    package static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = Slots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.set(index, transform(items[index]))
        }
        return slots.values()
    }

    /// One slot per item; each iteration writes only its own, so no two threads touch the same memory.
    private final class Slots<R>: @unchecked Sendable {
        private var buffer: UnsafeMutableBufferPointer<R?>

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }

        func set(_ index: Int, _ value: R) { buffer[index] = value }

        func values() -> [R] { buffer.map { $0! } }
    }
}
