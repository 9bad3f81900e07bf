/// A strict pattern for a string that may later reach a shell or a playbook. The same
/// regular expression validates specs and goes into the JSON Schema, so they cannot disagree.
public struct StringPattern: Sendable {
    public let regex: String
    /// What the pattern means, for error messages ("a hostname (RFC 1123)").
    public let meaning: String
    private let compiled: Regex<AnyRegexOutput>

    public init(_ regex: String, meaning: String) {
        self.regex = regex
        self.meaning = meaning
        // The patterns are constants of this file; a bad one is a programming error.
        self.compiled = try! Regex(regex)
    }

    public func matches(_ text: String) -> Bool {
        (try? compiled.wholeMatch(in: text)) != nil
    }
}

extension Regex: @retroactive @unchecked Sendable {}

public enum SpecPatterns {
    /// RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, 63 each, 253 in all.
    public static let hostname = StringPattern(
        "^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$",
        meaning: "a hostname (RFC 1123: letters, digits and inner hyphens, labels of at most 63)")
    /// Debian policy 5.6.1: lower case letters, digits, `+ - .`, at least two characters, starting alphanumeric.
    public static let debianPackage = StringPattern(
        "^[a-z0-9][a-z0-9+.-]+$",
        meaning: "a Debian package name (lower case letters, digits, '+', '-', '.'; at least 2 characters)")
    /// Debian policy 5.6.12 version: [epoch:]upstream[-revision].
    public static let debianVersion = StringPattern(
        "^([0-9]+:)?[0-9][A-Za-z0-9.+~-]*$",
        meaning: "a Debian version such as 3.2a-4")
    /// `tmux` or `tmux=3.2a-4`.
    public static let aptPackage = StringPattern(
        "^[a-z0-9][a-z0-9+.-]+(=([0-9]+:)?[0-9][A-Za-z0-9.+~-]*)?$",
        meaning: "a Debian package name, optionally pinned as name=version")
    /// POSIX portable user name.
    public static let userName = StringPattern(
        "^[a-z_][a-z0-9_-]{0,31}$",
        meaning: "a user name (lower case letters, digits, '_' and '-', starting with a letter or '_')")
    /// A hardware name as vendors write it: printable, no quotes, backslashes, `$` or backticks.
    public static let label = StringPattern(
        "^[A-Za-z0-9][A-Za-z0-9 ._+/()&,:@#-]{0,127}$",
        meaning: "a name of letters, digits, spaces and . _ + / ( ) & , : @ # - (at most 128 characters)")
    /// Free prose (description, notes): one or more lines, no control characters but newlines and tabs.
    public static let prose = StringPattern(
        "^[^\\x00-\\x08\\x0b-\\x1f\\x7f]{0,2000}$",
        meaning: "text without control characters (at most 2000 characters)")
    /// An OS release such as `22.04` or `12`.
    public static let osRelease = StringPattern(
        "^[0-9]{1,4}(\\.[0-9]{1,4}){0,2}$",
        meaning: "an OS release such as \"22.04\"")
    /// A BIOS version string as vendors print it (`3902`, `F15c`, `1.2.3`).
    public static let biosVersion = StringPattern(
        "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$",
        meaning: "a BIOS version of letters, digits, '.', '_' and '-'")
    /// A BIOS setting name: kebab-case, and not `version`, which is `bios.version` (its plan step,
    /// checklist item and shell function would collide with that one's).
    public static let settingName = StringPattern(
        "^(?!version$)[a-z0-9]+(-[a-z0-9]+)*$",
        meaning: "a kebab-case setting name such as above-4g-decoding (not 'version': that is bios.version)")
    /// A BIOS setting value: a word or short phrase.
    public static let settingValue = StringPattern(
        "^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$",
        meaning: "a value of letters, digits, spaces, '.', '_' and '-'")
    /// A colour `#rrggbb`.
    public static let color = StringPattern(
        "^#[0-9A-Fa-f]{6}$",
        meaning: "a colour written #rrggbb")
    /// A VS Code colour customization key such as `titleBar.activeBackground`.
    public static let vscodeColorKey = StringPattern(
        "^[a-zA-Z]+(\\.[a-zA-Z0-9]+)+$",
        meaning: "a VS Code colour key such as titleBar.activeBackground")
    /// A relative include path of plain file names ending in .yaml/.yml.
    public static let includePath = StringPattern(
        "^[A-Za-z0-9._/-]+\\.ya?ml$",
        meaning: "a relative path to a .yaml file")
}

extension SpecPatterns {
    /// A machine's name (its file name): used in paths such as build-logs/<machine>/.
    public static let machineName = StringPattern(
        "^[a-z0-9][a-z0-9-]{0,62}$",
        meaning: "lower case letters, digits and '-' (it names build-logs/ and playbooks/ files)")
}
