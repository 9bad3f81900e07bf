import Foundation
import Testing
@testable import RigSystem
import RigText

/// `ParallelMap.map(_:chunk:worker:_:)`: every item transformed once, results in input order, and a
/// worker (a loader with its cache) made once per core, never once per item or per chunk.
@Suite struct ParallelMapTests {
    /// Counts the workers made and the items each one transformed.
    private final class Workers: @unchecked Sendable {
        private let lock = Lock()
        private var made = 0
        func make() -> Int { lock.withLock { made += 1; return made } }
        var count: Int { lock.withLock { made } }
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 17, 1000])
    func everyItemOnceInOrder(count: Int) {
        let items = Array(0..<count)
        let workers = Workers()
        let results = ParallelMap.map(items, chunk: 4, worker: { workers.make() }) { worker, item in (item * 3, worker) }
        #expect(results.map(\.0) == items.map { $0 * 3 })
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        #expect(workers.count <= max(1, min(cores, count)))
        #expect(Set(results.map(\.1)).isSubset(of: Set(1...max(1, workers.count))))
    }

    @Test func aChunkLargerThanTheItemsOrBelowOneStillCoversThem() {
        let items = Array(0..<10)
        #expect(ParallelMap.map(items, chunk: 100, worker: { 0 }) { _, item in item } == items)
        #expect(ParallelMap.map(items, chunk: 0, worker: { 0 }) { _, item in item } == items)
    }
}
