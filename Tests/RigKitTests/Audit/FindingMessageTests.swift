import Foundation
import Testing
import RigSpec
@testable import RigAudit

/// A finding whose message is a lead and details written out when read (the workload verdicts):
/// the same message, the same equality, and the same text up to the first `;` as a written one.
@Suite struct FindingMessageTests {
    private let spec = MachineSpec(name: "a", file: "machines/a.yaml", hostname: "a", os: .init(distro: .ubuntu, release: "22.04"))

    private func pair(_ lead: String, _ details: String) -> (lazy: Finding, written: Finding) {
        (Finding(spec: spec, keyPath: "workloads[0]", status: .ok, severity: .info, lead: lead, details: { details }, rule: "r"),
         Finding(spec: spec, keyPath: "workloads[0]", status: .ok, severity: .info, message: lead + "; " + details, rule: "r"))
    }

    @Test(arguments: [
        ("workload 'chat': llama-3.1-8b inference bf16, 8192 tokens × 1: fits on one GPU", "weights 15.0 GiB; needs 18.0 GiB"),
        ("plain ascii lead", "details; more"),
        ("a lead; with a semicolon", "details"),
        ("é; non-ASCII before the semicolon", "x"),
        ("ends in a prepended mark \u{0600}", "the first ';' joins it"),
        ("ends in a letter and a combining mark é\u{301}", "rest"),
    ])
    func readsAsTheWrittenMessage(lead: String, details: String) throws {
        let (lazy, written) = pair(lead, details)
        #expect(lazy.message == written.message)
        #expect(lazy == written)
        #expect(lazy.messageUpToFirstSemicolon == written.messageUpToFirstSemicolon)
        #expect(written.messageUpToFirstSemicolon == Finding.upToFirstSemicolon(written.message))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(lazy) == encoder.encode(written))
    }

    @Test func aDifferentDetailIsADifferentFinding() {
        #expect(pair("lead", "one").lazy != pair("lead", "two").lazy)
    }

    @Test func settingTheMessageReplacesTheLead() {
        var finding = pair("lead", "details").lazy
        finding.message = "other; text"
        #expect(finding.message == "other; text")
        #expect(finding.messageUpToFirstSemicolon == "other")
    }

    @Test func upToFirstSemicolonCountsCharactersNotBytes() {
        #expect(Finding.upToFirstSemicolon("abc; d") == "abc")
        #expect(Finding.upToFirstSemicolon("no semicolon") == "no semicolon")
        #expect(Finding.upToFirstSemicolon("é; d") == "é")
        // U+0600 is a prepended mark: it and the ';' after it are one character, so the cut is at the next ';'.
        #expect(Finding.upToFirstSemicolon("a\u{600}; b; c") == "a\u{600}; b")
        // A combining mark after ';' makes one character of the two.
        #expect(Finding.upToFirstSemicolon("a;\u{301} b; c") == "a;\u{301} b")
        #expect(Finding.upToFirstSemicolon("8192 tokens × 1: fits; 12 GB") == "8192 tokens × 1: fits")
    }

    @Test func upToFirstSemicolonAgreesWithTheCharacterScan() {
        // Every short string over ASCII, ';', a two-byte letter, a prepended mark and a combining mark.
        let pieces = ["a", ";", " ", "é", "\u{600}", "\u{301}", "×"]
        var strings = [""]
        for _ in 0..<4 { strings = strings.flatMap { text in pieces.map { text + $0 } } }
        for text in strings {
            #expect(Finding.upToFirstSemicolon(text) == text.prefix { $0 != ";" }, "\(Array(text.unicodeScalars))")
        }
    }
}
