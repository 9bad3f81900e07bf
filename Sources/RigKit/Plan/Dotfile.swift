/// A file for the user's home directory, as a renderer (the theme) produces it.
public struct Dotfile: Sendable, Equatable {
    /// Path relative to the user's home (`.config/rigctl/theme.bash`); never absolute, never `..`.
    public var path: String
    public var contents: String
    public var placement: Placement

    /// How the contents land in the file.
    public enum Placement: Sendable, Equatable {
        /// The whole file is rigctl's; a differing file is backed up before it is replaced.
        case whole
        /// Only a block between `<comment> BEGIN rigctl managed block` and `<comment> END …`
        /// is rigctl's (appended when missing); the rest of the file is the user's.
        case managedBlock(comment: String)
    }

    public init(path: String, contents: String, placement: Placement = .whole) {
        self.path = path
        self.contents = contents
        self.placement = placement
    }

    /// The marker lines of a managed block, the same ones Ansible's `blockinfile` writes.
    public static func markers(comment: String) -> (begin: String, end: String) {
        ("\(comment) BEGIN rigctl managed block", "\(comment) END rigctl managed block")
    }

    /// Whether the path is a plain relative path inside the home directory.
    public var isSafePath: Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.hasPrefix("~")
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
            && path.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-/".contains($0)) }
    }
}
