import RigSpec
import RigSystem
import RigProbe
import RigTheme
import RigAudit

/// `packages.brew` and `packages.casks` as a Brewfile for `brew bundle` (Homebrew's `brew bundle`
/// manpage: `tap "user/repo"`, `brew "name"`, `cask "name"` lines). The plan pipes it on standard input
/// (`--file=-`, which `brew bundle` reads as the Brewfile), so nothing is written to the machine but the
/// packages. Every name has passed `SpecPatterns.brewFormula`/`brewCask` (no quotes, `#`, `$` or
/// backslashes), so a name is a plain Ruby string literal, never code.
package struct Brewfile: Sendable, Equatable {
    package var formulae: [String]
    package var casks: [String]

    package init(formulae: [String], casks: [String]) {
        self.formulae = formulae
        self.casks = casks
    }

    /// The taps the tapped names need (`homebrew/cask-fonts/font-fira-code` → `homebrew/cask-fonts`), in first-use order.
    package var taps: [String] {
        var seen: Set<String> = []
        return (formulae + casks).compactMap { name -> String? in
            let parts = name.split(separator: "/")
            guard parts.count == 3 else { return nil }
            let tap = "\(parts[0])/\(parts[1])"
            return seen.insert(tap).inserted ? tap : nil
        }
    }

    package var text: String {
        var lines = ["# Written by rigctl from packages.brew and packages.casks; `brew bundle --file=-` reads it."]
        lines += taps.map { "tap \"\($0)\"" }
        lines += formulae.map { "brew \"\($0)\"" }
        lines += casks.map { "cask \"\($0)\"" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `brew bundle check` exits 0 when everything is installed; `--no-upgrade` keeps an outdated
    /// package from counting as missing, so a second run changes nothing.
    package static let checkArguments = ["bundle", "check", "--no-upgrade", "--file=-"]
    package static let installArguments = ["bundle", "install", "--no-upgrade", "--file=-"]

    package var summary: String {
        var parts: [String] = []
        if !formulae.isEmpty { parts.append("\(formulae.count) formula\(formulae.count == 1 ? "" : "e")") }
        if !casks.isEmpty { parts.append("\(casks.count) cask\(casks.count == 1 ? "" : "s")") }
        return parts.joined(separator: " and ")
    }
}
