import Foundation
import Testing
@testable import RigSystem
import RigText

/// `BoundedMemo`: each key computed once while it is held, never more than `limit` held, and the same
/// values from every thread.
@Suite struct BoundedMemoTests {
    /// Counts the computations.
    private final class Calls: @unchecked Sendable {
        private let lock = Lock()
        private var made = 0
        func count() { lock.withLock { made += 1 } }
        var total: Int { lock.withLock { made } }
    }

    @Test func computesAKeyOnceWhileItIsHeld() {
        let memo = BoundedMemo<Int, String>(limit: 4)
        let calls = Calls()
        for _ in 0..<3 {
            for key in 0..<4 { #expect(memo.value(for: key) { calls.count(); return "v\($0)" } == "v\(key)") }
        }
        #expect(calls.total == 4)
        #expect(memo.count == 4)
    }

    @Test func neverHoldsMoreThanItsLimit() {
        let memo = BoundedMemo<Int, Int>(limit: 3)
        for key in 0..<100 {
            #expect(memo.value(for: key) { $0 * 2 } == key * 2)
            #expect(memo.count <= 3)
        }
        // Emptied when full: what is asked for again is computed again, and right.
        #expect(memo.value(for: 0) { $0 * 2 } == 0)
    }

    @Test func everyThreadGetsTheFunctionsValue() {
        let memo = BoundedMemo<Int, [Int]>(limit: 8)
        let results = ParallelMap.map(Array(0..<2000)) { item in memo.value(for: item % 11) { Array(0...$0) } }
        for (item, result) in results.enumerated() { #expect(result == Array(0...(item % 11))) }
        #expect(memo.count <= 8)
    }
}
