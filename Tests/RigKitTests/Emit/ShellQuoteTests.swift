import Testing
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct ShellQuoteTests {
    @Test func quotesWithSingleQuotes() {
        #expect(ShellQuote.quote("plain") == "'plain'")
        #expect(ShellQuote.quote("it's") == #"'it'\''s'"#)
        #expect(ShellQuote.quote("") == "''")
    }

    @Test(arguments: ["it's", "$(touch /tmp/x)", "`id`", "a\nb\n", "back\\slash", "\"double\"", "tab\there", "* ? [a]", "ünïcødé ✓", "'"])
    func bashReadsBackExactlyTheValue(_ value: String) throws {
        let result = try #require(try PlanTools.run("bash", ["-c", "printf '%s' \(ShellQuote.quote(value))"]))
        #expect(result.status == 0)
        #expect(result.output == value)
    }
}
