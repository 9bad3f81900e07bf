import RigSpec
import RigText

/// `brew list --formula --versions` / `brew list --cask --versions`: one `name version…` line per
/// installed package, the installed versions separated by spaces (`python@3.12 3.12.10 3.12.11`).
/// Homebrew's manpage, `brew list`: "--versions: Show the version number for installed formulae".
package enum BrewList {
    /// Name → the newest listed version (the last one: Homebrew lists them in ascending order).
    /// Lines that are not `name version` are skipped; nil when no line is.
    package static func parse(_ text: String) -> [PackageFacts]? {
        var packages: [String: PackageFacts] = [:]
        var lines = 0
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            lines += 1
            guard fields.count >= 2, let name = fields.first, let version = fields.last,
                  SpecPatterns.brewFormula.matches(String(name)) else { continue }
            packages[String(name)] = PackageFacts(name: String(name), version: String(version))
        }
        if lines > 0 && packages.isEmpty { return nil }
        return packages.values.sorted { $0.name < $1.name }
    }
}
