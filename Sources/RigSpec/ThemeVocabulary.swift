/// The theme's vocabulary, in one place: the spec's schema, the loader and the renderers all read
/// these names, so a name the schema accepts is one the theme renders.
package enum ThemeVocabulary {
    /// The base vim scheme's colour variables, in order: name → what it colours. `theme.vim` may set any of them.
    package static let vimVariables: [(name: String, meaning: String)] = [
        ("background", "Normal background"),
        ("foreground", "Normal text"),
        ("accent", "status line, current tab, titles, matching bracket"),
        ("cursor", "the cursor"),
        ("on_accent", "text on the accent"),
        ("surface", "inactive status lines, tab line, popup menu"),
        ("cursorline", "current line and colour column"),
        ("selection", "Visual selection"),
        ("muted", "line numbers, folds"),
        ("border", "window separators, non-text characters"),
        ("diff_add", "added lines"),
        ("diff_delete", "deleted lines"),
        ("diff_change", "changed lines"),
        ("diff_text", "changed text in a changed line"),
        ("comment", "comments"),
        ("string", "strings, characters"),
        ("constant", "numbers, booleans, constants, preprocessor"),
        ("identifier", "identifiers, functions, types"),
        ("statement", "keywords, statements, directories"),
        ("special", "special characters, tags, delimiters"),
        ("search", "search matches"),
        ("error", "errors"),
    ]

    package static var vimVariableNames: [String] { vimVariables.map(\.name) }
}
