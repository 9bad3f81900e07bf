import RigSpec
import RigSystem

/// Renders the rigctl vim family: one shared base scheme (`~/.vim/colors/rigctl.vim`, dark and wombat-like)
/// whose colours are variables, one small per-machine scheme (`~/.vim/colors/rigctl-<machine>.vim`) that sets
/// them and loads the base, and the `~/.vimrc` block that picks the machine's scheme.
package enum VimThemeRenderer {
    /// The base scheme's variables in order (`ThemeVocabulary`, which the schema reads too).
    package static let variableOrder: [String] = ThemeVocabulary.vimVariableNames
    package static let variables: [String: String] = Dictionary(uniqueKeysWithValues: ThemeVocabulary.vimVariables.map { ($0.name, $0.meaning) })

    /// The wombat-like syntax colours every machine shares (unless its spec overrides them).
    private static let syntaxColors: [String: Color] = [
        "comment": "#99968b", "string": "#95e454", "constant": "#e5786d", "identifier": "#cae682",
        "statement": "#8ac6f2", "special": "#e7f6da", "search": "#e5c07b", "error": "#ff6a6a",
    ].compactMapValues { Color(hex: $0) }

    /// The family's neutral grey: what `:colorscheme rigctl` shows on its own.
    static let neutral = Palette(machine: "rigctl", role: .desktop, background: Color(red: 0x24, green: 0x24, blue: 0x24),
                                 foreground: Color(red: 0xf6, green: 0xf3, blue: 0xe8),
                                 accent: Color(red: 0x8a, green: 0xc6, blue: 0xf2), cursor: nil)

    package static let basePath = ".vim/colors/rigctl.vim"

    package static func schemeName(_ palette: Palette) -> String { "rigctl-\(palette.machine)" }
    package static func schemePath(_ palette: Palette) -> String { ".vim/colors/\(schemeName(palette)).vim" }

    /// `machineScheme`: the palette's scheme when the caller has it already (neovim's is the same file).
    package static func render(_ palette: Palette, machineScheme scheme: String? = nil) -> [RenderedFile] {
        [
            RenderedFile(path: basePath, installation: .wholeFile(baseScheme)),
            RenderedFile(path: schemePath(palette), installation: .wholeFile(scheme ?? machineScheme(palette))),
            RenderedFile(path: ".vimrc", installation: .managedBlock(ManagedBlock(
                commentLeader: "\"", body: vimrcBlock(palette),
                // A new ~/.vimrc would switch off Debian's defaults.vim (syntax, filetype plugins): keep them.
                newFilePreamble: "unlet! skip_defaults_vim\nsource $VIMRUNTIME/defaults.vim\n\n"))),
        ]
    }

    /// The values a palette gives the variables; `theme.vim` overrides win.
    static func values(_ palette: Palette) -> [String: Color] { values(SchemeColours(palette)) }

    /// Everything of a palette the machine scheme's variables come from: its colours and `theme.vim`,
    /// not its machine's name (the key of `paletteLines`).
    struct SchemeColours: Hashable, Sendable {
        var background, foreground, accent, cursor, onAccent, surface, lineHighlight, selection, muted, border: Color
        var vimOverrides: [String: Color]

        init(_ p: Palette) {
            background = p.background; foreground = p.foreground; accent = p.accent; cursor = p.cursor
            onAccent = p.onAccent; surface = p.surface; lineHighlight = p.lineHighlight; selection = p.selection
            muted = p.muted; border = p.border; vimOverrides = p.vimOverrides
        }
    }

    static func values(_ p: SchemeColours) -> [String: Color] {
        var values = syntaxColors
        let derived: [String: Color] = [
            "background": p.background, "foreground": p.foreground, "accent": p.accent, "cursor": p.cursor,
            "on_accent": p.onAccent, "surface": p.surface, "cursorline": p.lineHighlight, "selection": p.selection,
            "muted": p.muted, "border": p.border,
            "diff_add": ColorMath.mix(p.background, syntaxColors["string"] ?? p.accent, 0.25),
            "diff_delete": ColorMath.mix(p.background, syntaxColors["constant"] ?? p.accent, 0.25),
            "diff_change": ColorMath.mix(p.background, syntaxColors["statement"] ?? p.accent, 0.2),
            "diff_text": ColorMath.mix(p.background, syntaxColors["statement"] ?? p.accent, 0.4),
        ]
        values.merge(derived) { _, new in new }
        values.merge(p.vimOverrides) { _, new in new }
        return values
    }

    /// `'name': ['#rrggbb', 256-index],` lines of a vim dictionary, in variable order.
    static func dictionaryLines(_ values: [String: Color], indices: [String: Int]) -> String {
        variableOrder.compactMap { name in
            values[name].map { "      \\ '\(name)': ['\($0.hex)', \(indices[name] ?? ColorMath.nearestXterm256($0))]," }
        }.joined(separator: "\n")
    }

    /// The variables the machine scheme sets itself: those that differ from the base's, and overrides.
    static func ownValues(_ palette: Palette) -> [String: Color] { ownValues(SchemeColours(palette)) }

    static func ownValues(_ colours: SchemeColours) -> [String: Color] {
        let base = neutralValues
        return values(colours).filter { base[$0.key] != $0.value || colours.vimOverrides[$0.key] != nil }
    }

    /// The 256-colour index of every variable as vim ends up with it: the base's own for the variables the
    /// machine scheme leaves to it, the machine's for the rest, chosen so that no two different colours
    /// share one (`ColorMath.distinctXterm256`).
    static func xtermIndices(_ palette: Palette) -> [String: Int] {
        palette == neutral ? neutralIndices : xtermIndices(SchemeColours(palette))
    }

    static func xtermIndices(_ colours: SchemeColours) -> [String: Int] {
        let ordered = { (values: [String: Color]) in variableOrder.compactMap { name in values[name].map { (name: name, color: $0) } } }
        let baseValues = neutralValues
        let base = neutralIndices
        let own = ownValues(colours)
        let pinned = ordered(baseValues.filter { own[$0.key] == nil }).map { (name: $0.name, color: $0.color, index: base[$0.name] ?? 16) }
        return ColorMath.distinctXterm256(ordered(own), pinned: pinned)
    }

    static func vimrcBlock(_ palette: Palette) -> String {
        """
        " This machine's colours (rigctl theme). 24-bit colour where the terminal says it has it.
        if has('termguicolors') && ($COLORTERM ==# 'truecolor' || $COLORTERM ==# '24bit')
          set termguicolors
        endif
        syntax enable
        colorscheme \(schemeName(palette))

        """
    }

    /// The machine scheme's `g:rigctl_palette` lines: only what differs from the base's own values (the
    /// machine's colours and its overrides), with their 256-colour indices. A pure function of the
    /// palette's `SchemeColours`, and most machines share a theme: chosen once per colours (`paletteLines`).
    static func paletteLines(_ colours: SchemeColours) -> String {
        paletteLinesMemo.value(for: colours) { dictionaryLines(ownValues($0), indices: xtermIndices($0)) }
    }

    /// Keyed by all of `paletteLines`' input; a few dozen themes at most in any repository.
    private static let paletteLinesMemo = BoundedMemo<SchemeColours, String>(limit: 256)

    static func machineScheme(_ palette: Palette) -> String {
        let lines = paletteLines(SchemeColours(palette))
        return """
            " \(schemeName(palette)): the \(palette.machine) machine's colours on the rigctl base scheme.
            " Generated by rigctl from the machine's spec (theme:, theme.vim:); changes here are overwritten.
            let s:cpo_save = &cpo
            set cpo&vim
            " variable: ['#gui colour', xterm-256 index]; the base (colors/rigctl.vim) fills in the rest.
            let g:rigctl_palette = {
            \(lines)
                  \\ }
            runtime colors/rigctl.vim
            let g:colors_name = '\(schemeName(palette))'
            let &cpo = s:cpo_save
            unlet s:cpo_save

            """
    }

    /// The base scheme's own values (the neutral palette), computed once.
    static let neutralValues = values(neutral)
    /// The base scheme's own 256-colour indices, chosen together once.
    static let neutralIndices = ColorMath.distinctXterm256(variableOrder.compactMap { name in neutralValues[name].map { (name: name, color: $0) } })

    /// The same for every machine: built once per process.
    static let baseScheme: String = {
        let variableDocs = ThemeVocabulary.vimVariables.map { "\"   \($0.name): \($0.meaning)" }.joined(separator: "\n")
        return """
            " rigctl: the shared base of the rigctl colour schemes, a dark wombat-like family.
            " Generated by rigctl; changes here are overwritten.
            " Each machine's scheme (colors/rigctl-<machine>.vim) sets g:rigctl_palette and loads this file;
            " loaded on its own it shows the family's neutral grey. g:rigctl_palette maps a variable to
            " ['#gui colour', xterm-256 index]; the variables:
            \(variableDocs)
            let s:cpo_save = &cpo
            set cpo&vim

            set background=dark
            highlight clear
            if exists('syntax_on')
              syntax reset
            endif
            let g:colors_name = 'rigctl'

            let s:p = {
            \(dictionaryLines(neutralValues, indices: xtermIndices(neutral)))
                  \\ }
            call extend(s:p, get(g:, 'rigctl_palette', {}))
            " Terminal colours only where the terminal has 256 of them (or the GUI's are used).
            let s:cterm = has('gui_running') || &t_Co >= 256 || (has('termguicolors') && &termguicolors)

            " s:hi(group, foreground variable, background variable, attributes); '' leaves a colour unset.
            function! s:hi(group, fg, bg, attr) abort
              let l:cmd = ['highlight', a:group, 'gui=' . a:attr, 'cterm=' . a:attr]
              if a:fg !=# ''
                call add(l:cmd, 'guifg=' . s:p[a:fg][0])
                if s:cterm | call add(l:cmd, 'ctermfg=' . s:p[a:fg][1]) | endif
              endif
              if a:bg !=# ''
                call add(l:cmd, 'guibg=' . s:p[a:bg][0])
                if s:cterm | call add(l:cmd, 'ctermbg=' . s:p[a:bg][1]) | endif
              endif
              execute join(l:cmd)
            endfunction

            " The editor: machine colours.
            call s:hi('Normal', 'foreground', 'background', 'NONE')
            call s:hi('Cursor', 'background', 'cursor', 'NONE')
            call s:hi('lCursor', 'background', 'cursor', 'NONE')
            call s:hi('CursorLine', '', 'cursorline', 'NONE')
            call s:hi('CursorColumn', '', 'cursorline', 'NONE')
            call s:hi('ColorColumn', '', 'cursorline', 'NONE')
            call s:hi('CursorLineNr', 'accent', 'cursorline', 'bold')
            call s:hi('LineNr', 'muted', 'background', 'NONE')
            call s:hi('SignColumn', 'muted', 'background', 'NONE')
            call s:hi('FoldColumn', 'muted', 'background', 'NONE')
            call s:hi('Folded', 'muted', 'surface', 'NONE')
            call s:hi('NonText', 'border', '', 'NONE')
            call s:hi('SpecialKey', 'border', '', 'NONE')
            call s:hi('EndOfBuffer', 'border', '', 'NONE')
            call s:hi('VertSplit', 'border', 'background', 'NONE')
            call s:hi('StatusLine', 'on_accent', 'accent', 'bold')
            call s:hi('StatusLineNC', 'muted', 'surface', 'NONE')
            call s:hi('StatusLineTerm', 'on_accent', 'accent', 'bold')
            call s:hi('StatusLineTermNC', 'muted', 'surface', 'NONE')
            call s:hi('TabLine', 'muted', 'surface', 'NONE')
            call s:hi('TabLineFill', '', 'surface', 'NONE')
            call s:hi('TabLineSel', 'on_accent', 'accent', 'bold')
            call s:hi('Title', 'accent', '', 'bold')
            call s:hi('Visual', '', 'selection', 'NONE')
            call s:hi('VisualNOS', '', 'selection', 'underline')
            call s:hi('Search', 'background', 'search', 'NONE')
            call s:hi('IncSearch', 'on_accent', 'accent', 'NONE')
            call s:hi('MatchParen', 'accent', 'selection', 'bold')
            call s:hi('Pmenu', 'foreground', 'surface', 'NONE')
            call s:hi('PmenuSel', 'on_accent', 'accent', 'bold')
            call s:hi('PmenuSbar', '', 'surface', 'NONE')
            call s:hi('PmenuThumb', '', 'muted', 'NONE')
            call s:hi('WildMenu', 'on_accent', 'accent', 'bold')
            call s:hi('ModeMsg', 'accent', '', 'bold')
            call s:hi('MoreMsg', 'string', '', 'NONE')
            call s:hi('Question', 'string', '', 'NONE')
            call s:hi('ErrorMsg', 'error', '', 'bold')
            call s:hi('WarningMsg', 'constant', '', 'NONE')
            call s:hi('Directory', 'statement', '', 'NONE')
            call s:hi('DiffAdd', '', 'diff_add', 'NONE')
            call s:hi('DiffDelete', 'constant', 'diff_delete', 'NONE')
            call s:hi('DiffChange', '', 'diff_change', 'NONE')
            call s:hi('DiffText', '', 'diff_text', 'bold')
            call s:hi('SpellBad', 'error', '', 'underline')
            call s:hi('SpellCap', 'statement', '', 'underline')

            " Syntax: the wombat-like family colours.
            call s:hi('Comment', 'comment', '', 'italic')
            call s:hi('Constant', 'constant', '', 'NONE')
            call s:hi('String', 'string', '', 'NONE')
            call s:hi('Identifier', 'identifier', '', 'NONE')
            call s:hi('Function', 'identifier', '', 'NONE')
            call s:hi('Type', 'identifier', '', 'NONE')
            call s:hi('Statement', 'statement', '', 'NONE')
            call s:hi('PreProc', 'constant', '', 'NONE')
            call s:hi('Special', 'special', '', 'NONE')
            call s:hi('Underlined', 'statement', '', 'underline')
            call s:hi('Error', 'error', 'background', 'bold')
            call s:hi('Todo', 'accent', 'surface', 'bold')
            highlight! link Character String
            highlight! link Number Constant
            highlight! link Boolean Constant
            highlight! link Float Constant

            delfunction s:hi
            unlet s:p s:cterm
            let &cpo = s:cpo_save
            unlet s:cpo_save

            """
    }()
}
