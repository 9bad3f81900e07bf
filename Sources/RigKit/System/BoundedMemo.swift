import RigText

/// A process-wide table of a pure function's results, shared by every thread and bounded: when it
/// holds `limit` results it is emptied before the next one goes in. The key must be every input of
/// the function; the value is computed outside the lock (two threads may compute the same key at
/// once: both get equal values, and one is kept).
package final class BoundedMemo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = Lock()
    private var table: [Key: Value] = [:]
    package let limit: Int

    package init(limit: Int) {
        precondition(limit > 0, "a memo holds at least one result")
        self.limit = limit
    }

    /// `compute(key)`, from the table when it has been computed before.
    package func value(for key: Key, compute: (Key) -> Value) -> Value {
        if let known = lock.withLock({ table[key] }) { return known }
        let value = compute(key)
        lock.withLock {
            if table.count >= limit { table.removeAll(keepingCapacity: true) }
            table[key] = value
        }
        return value
    }

    /// How many results the table holds now.
    package var count: Int { lock.withLock { table.count } }
}
