import Dispatch
import FoundationEssentials
import RigText

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

    /// `map` over all cores where each core needs its own `worker` (a loader with its cache, which is
    /// not thread-safe): one worker per core, each taking the next `chunk` items from a shared index
    /// until none are left, so a core that is descheduled holds up only the chunk it has, not a fixed
    /// share of the items. Results in input order.
    package static func map<T: Sendable, W, R: Sendable>(_ items: [T], chunk: Int, worker: @Sendable () -> W,
                                                          _ transform: @Sendable (W, T) -> R) -> [R] {
        let workers = min(max(1, ProcessInfo.processInfo.activeProcessorCount), items.count)
        guard workers > 1 else {
            let one = worker()
            return items.map { transform(one, $0) }
        }
        let size = max(1, chunk)
        let slots = Slots<R>(count: items.count)
        let next = NextChunk(count: items.count, size: size)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let own = worker()
            while let range = next.take() {
                for index in range { slots.set(index, transform(own, items[index])) }
            }
        }
        return slots.values()
    }

    /// The shared index the workers take chunks from.
    private final class NextChunk: @unchecked Sendable {
        private let lock = Lock()
        private var start = 0
        private let count: Int
        private let size: Int

        init(count: Int, size: Int) {
            self.count = count
            self.size = size
        }

        func take() -> Range<Int>? {
            lock.withLock {
                guard start < count else { return nil }
                let end = count - start > size ? start + size : count
                defer { start = end }
                return start..<end
            }
        }
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
