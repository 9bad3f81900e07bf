/// A value computed on first read, from any thread, and kept: for results most runs never read
/// (a machine's theme files, a fit verdict's explanation).
package final class ComputedOnce<Value: Sendable>: Sendable {
    private let compute: @Sendable () -> Value
    private let lock = Lock()
    nonisolated(unsafe) private var computed: Value?

    package init(_ compute: @escaping @Sendable () -> Value) { self.compute = compute }

    package var value: Value {
        lock.withLock {
            if let computed { return computed }
            let value = compute()
            computed = value
            return value
        }
    }
}
