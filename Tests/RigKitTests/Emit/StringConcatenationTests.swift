import Testing
@testable import RigEmit

/// `StringConcatenation.of` copies bytes: it must equal `+` for small, large, empty and non-ASCII parts.
@Suite struct StringConcatenationTests {
    @Test func joinsAsPlusDoes() {
        let parts = ["", "~", "{{ rigctl_home }}", ".config/alacritty/alacritty.toml", "é", "日本語のパス/ファイル", String(repeating: "x", count: 300), "\r\n"]
        for a in parts {
            for b in parts {
                for c in parts {
                    let joined = StringConcatenation.of(a, b, c)
                    #expect(joined == a + b + c)
                    #expect(Array(joined.utf8) == Array((a + b + c).utf8))
                }
            }
        }
        #expect(StringConcatenation.of() == "")
    }

    @Test func joinsSubstringsMadeStrings() {
        let path = "{{ rigctl_home }}/.config/kitty/kitty.conf"
        let cut = String(path[path.index(path.startIndex, offsetBy: 18)...])
        #expect(StringConcatenation.of("Write ~/", cut) == "Write ~/" + cut)
    }
}
