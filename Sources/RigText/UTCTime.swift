#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// UTC timestamps for file names and logs, through the C library's `gmtime_r` (what the
/// Gregorian, en_US_POSIX formatters of Foundation produce for these layouts, without ICU).
package enum UTCTime {
    /// `20261122T171500Z`: sorts as text; for file names.
    package static func compact(secondsSince1970 seconds: Double) -> String {
        let t = fields(seconds)
        return String(cFormat: "%04d%02d%02dT%02d%02d%02dZ", t.year, t.month, t.day, t.hour, t.minute, t.second)
    }

    /// ISO 8601: `2026-11-22T17:15:00Z`.
    package static func iso8601(secondsSince1970 seconds: Double) -> String {
        let t = fields(seconds)
        return String(cFormat: "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour, t.minute, t.second)
    }

    private static func fields(_ seconds: Double) -> (year: Int32, month: Int32, day: Int32, hour: Int32, minute: Int32, second: Int32) {
        // Whole seconds, rounded down like the formatters; a value past time_t is clamped, never a trap.
        let whole = seconds.isFinite ? seconds.rounded(.down) : 0
        var time = time_t(clamping: Int64(exactly: whole) ?? (whole < 0 ? Int64.min / 2 : Int64.max / 2))
        var parts = tm()
        guard gmtime_r(&time, &parts) != nil else { return (1970, 1, 1, 0, 0, 0) }
        return (parts.tm_year &+ 1900, parts.tm_mon &+ 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}
