import RigTheme

/// The tasks `AnsibleEmitter.appendDotfileTasks` builds for one theme file, written straight to the
/// document's bytes: the same lines as `YAMLWriter` writes for those nodes, without the nodes and their
/// strings (a themed playbook's dotfile tasks are most of its bytes, and `audit` writes every playbook).
/// `AnsibleEmitterTests` holds the two to the same bytes.
extension YAMLWriter.Writer {
    /// Each task a list item whose dash is at `indent`.
    mutating func writeDotfileTasks(_ file: RenderedFile, tags: YAMLNode, indent: Int) {
        let home = AnsibleEmitter.home
        let slash = AnsibleEmitter.lastSlash(file.path)
        let entry = indent + 2, argument = indent + 4
        // The file's directory, `{{ rigctl_home }}/<dir>` (the home itself for a file at its top).
        let relative = slash.map { String(file.path[..<$0]) }
        if let relative {
            item(indent)
            stringEntry("name", "Create ~/", relative, indent: entry, first: true)
            keyLine("ansible.builtin.file", indent: entry)
            stringEntry("path", home, "/", relative, indent: argument)
            wordEntry("state", "directory", indent: argument)
            stringEntry("mode", "0755", indent: argument)
            userAndTags(tags, indent: entry)
        }
        let mode = AnsibleEmitter.modeText(file.mode)
        switch file.installation {
        case .wholeFile(let text):
            item(indent)
            stringEntry("name", "Write ~/", file.path, indent: entry, first: true)
            keyLine("ansible.builtin.copy", indent: entry)
            stringEntry("dest", home, "/", file.path, indent: argument)
            unsafeEntry("content", text, indent: argument)
            stringEntry("mode", mode, indent: argument)
            boolEntry("backup", true, indent: argument)
            userAndTags(tags, indent: entry)
        case .managedBlock(let block):
            if !block.newFilePreamble.isEmpty {
                item(indent)
                stringEntry("name", "Start a new ~/", file.path, " with the defaults it would lose", indent: entry, first: true)
                keyLine("ansible.builtin.copy", indent: entry)
                stringEntry("dest", home, "/", file.path, indent: argument)
                unsafeEntry("content", block.newFilePreamble, indent: argument)
                stringEntry("mode", mode, indent: argument)
                boolEntry("force", false, indent: argument)
                userAndTags(tags, indent: entry)
            }
            item(indent)
            comments.append("noqa: risky-file-permissions")
            stringEntry("name", "Write the rigctl block in ~/", file.path, indent: entry, first: true)
            keyLine("ansible.builtin.blockinfile", indent: entry)
            stringEntry("path", home, "/", file.path, indent: argument)
            unsafeEntry("block", block.body, indent: argument)
            stringEntry("marker", block.commentLeader, " {mark} rigctl theme {mark}", indent: argument)
            stringEntry("marker_begin", ">>>", indent: argument)
            stringEntry("marker_end", "<<<", indent: argument)
            boolEntry("prepend_newline", true, indent: argument)
            boolEntry("create", true, indent: argument)
            boolEntry("backup", true, indent: argument)
            userAndTags(tags, indent: entry)
        case .jsonSettings(let edit):
            item(indent)
            stringEntry("name", "Merge the colours into ~/", file.path, indent: entry, first: true)
            keyLine(JSONCSettingsModule.name, indent: entry)
            stringEntry("path", home, "/", file.path, indent: argument)
            stringEntry("key", edit.key, indent: argument)
            if edit.settings.isEmpty {
                out.appendSpaces(argument)
                writeEntry("settings", .map([]), indent: argument)
            } else {
                keyLine("settings", indent: argument)
                for setting in edit.settings {
                    out.appendSpaces(argument + 2)
                    appendKey(setting.key)
                    out.append(": ")
                    appendString(setting.value, indent: argument + 2)
                    endLine()
                }
            }
            stringEntry("mode", mode, indent: argument)
            boolEntry("backup", true, indent: argument)
            userAndTags(tags, indent: entry)
        }
        writePruneBackupTasks(file, relative: relative, slash: slash, tags: tags, indent: indent)
    }

    /// `AnsibleEmitter.appendPruneBackupTasks`' two tasks.
    private mutating func writePruneBackupTasks(_ file: RenderedFile, relative: String?, slash: String.Index?, tags: YAMLNode, indent: Int) {
        let entry = indent + 2, argument = indent + 4
        // The file name's regex and the register's name straight from the path's bytes where the byte rules of
        // `regexEscaped` and `variableName` hold (ASCII without CR: every theme file's); else through them.
        let bytewise = file.path.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }
        let register = bytewise ? "" : "rigctl_backups_" + AnsibleEmitter.variableName(file.path)
        item(indent)
        stringEntry("name", "Find Ansible's backups of ~/", file.path, indent: entry, first: true)
        keyLine("ansible.builtin.find", indent: entry)
        if let relative {
            stringEntry("paths", AnsibleEmitter.home, "/", relative, indent: argument)
        } else {
            stringEntry("paths", AnsibleEmitter.home, indent: argument)
        }
        if bytewise {
            out.appendSpaces(argument)
            out.append("patterns: \"^")
            let start = slash.map { file.path.utf8.distance(from: file.path.utf8.startIndex, to: $0) + 1 } ?? 0
            var path = file.path
            path.withUTF8 { bytes in
                for byte in bytes[start...] {
                    if AnsibleEmitter.isASCIIAlphanumeric(byte) {
                        out.append(byte)
                    } else {
                        out.append("\\\\")   // the regex's backslash, escaped in the quoted scalar
                        appendEscaped(byte)
                    }
                }
            }
            appendEscaped(Self.backupSuffixPattern)
            out.append(0x22)
            endLine()
        } else {
            stringEntry("patterns", "^", AnsibleEmitter.regexEscaped(String(file.path[(slash.map { file.path.index(after: $0) } ?? file.path.startIndex)...])),
                        Self.backupSuffixPattern, indent: argument)
        }
        boolEntry("use_regex", true, indent: argument)
        boolEntry("hidden", true, indent: argument)
        out.appendSpaces(entry)
        out.append("register: ")
        appendRegister(file.path, bytewise: bytewise, register)
        endLine()
        boolEntry("become", false, indent: entry)
        tagsEntry(tags, indent: entry)

        item(indent)
        stringEntry("name", AnsibleEmitter.keepBackupsPrefix, file.path, ": the first and the newest", indent: entry, first: true)
        keyLine("ansible.builtin.file", indent: entry)
        stringEntry("path", "{{ item.path }}", indent: argument)
        wordEntry("state", "absent", indent: argument)
        // `"{{ (<register>.files | …) }}"`: the register is letters, digits and `_`, and the text ends in `}`: quoted as it is.
        out.appendSpaces(entry)
        out.append("loop: \"{{ (")
        appendRegister(file.path, bytewise: bytewise, register)
        appendEscaped(AnsibleEmitter.keepBackupsLoopSuffix)
        out.append(0x22)
        endLine()
        keyLine("loop_control", indent: entry)
        stringEntry("label", "{{ item.path }}", indent: argument)
        userAndTags(tags, indent: entry)
    }

    /// What follows the file name in the backups' regex (`appendPruneBackupTasks`).
    private static let backupSuffixPattern = "\\.[0-9]+\\.[0-9-]+@[0-9:]+~$"

    /// `rigctl_backups_` and `AnsibleEmitter.variableName(path)`: mapped byte by byte when `bytewise`, else `register`.
    private mutating func appendRegister(_ path: String, bytewise: Bool, _ register: String) {
        guard bytewise else { out.append(utf8: register); return }
        out.append("rigctl_backups_")
        var path = path
        path.withUTF8 { bytes in
            for byte in bytes {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                let kept = (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39)
                out.append(kept ? lower : 0x5F)
            }
        }
    }

    /// One ASCII byte as `appendQuoted` writes it inside the quotes.
    private mutating func appendEscaped(_ byte: UInt8) {
        if byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C {
            out.append(byte)
        } else {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1) { one in
                one[0] = byte
                out.appendEscaped(UnsafeBufferPointer(one))
            }
        }
    }

    /// `- ` of a task whose dash is at `indent`.
    private mutating func item(_ indent: Int) {
        out.appendSpaces(indent)
        out.append("- ")
    }

    /// `key:` ending a line (a nested map follows).
    private mutating func keyLine(_ key: StaticString, indent: Int) {
        out.appendSpaces(indent)
        out.append(key)
        out.append(0x3A)
        endLine()
    }

    /// The same for a key that is not the writer's own (quoted when it must be).
    private mutating func keyLine(_ key: String, indent: Int) {
        out.appendSpaces(indent)
        appendKey(key)
        out.append(0x3A)
        endLine()
    }

    /// `key: ` and the string `a + b + c + d` as `appendString` writes it; `first`: after the item's dash.
    private mutating func stringEntry(_ key: StaticString, _ a: String, _ b: String = "", _ c: String = "", _ d: String = "",
                                      indent: Int, first: Bool = false) {
        if !first { out.appendSpaces(indent) }
        out.append(key)
        out.append(": ")
        appendJoined(a, b, c, d, indent: indent)
        endLine()
    }

    /// `key: !unsafe ` and the string.
    private mutating func unsafeEntry(_ key: StaticString, _ text: String, indent: Int) {
        out.appendSpaces(indent)
        out.append(key)
        out.append(": !unsafe ")
        appendString(text, indent: indent)
        endLine()
    }

    private mutating func wordEntry(_ key: StaticString, _ word: StaticString, indent: Int) {
        out.appendSpaces(indent)
        out.append(key)
        out.append(": ")
        out.append(word)
        endLine()
    }

    private mutating func boolEntry(_ key: StaticString, _ value: Bool, indent: Int) {
        out.appendSpaces(indent)
        out.append(key)
        if value { out.append(": true") } else { out.append(": false") }
        endLine()
    }

    /// `become: false` and the step's tags, the end of every dotfile task.
    private mutating func userAndTags(_ tags: YAMLNode, indent: Int) {
        boolEntry("become", false, indent: indent)
        tagsEntry(tags, indent: indent)
    }

    private mutating func tagsEntry(_ tags: YAMLNode, indent: Int) {
        out.appendSpaces(indent)
        writeEntry("tags", tags, indent: indent)
    }

    /// The string `a + b + c + d`, without joining it: a literal block is possible only when it ends with a
    /// newline, so any other is the parts' escaped bytes between quotes (`appendEscaped`).
    private mutating func appendJoined(_ a: String, _ b: String, _ c: String, _ d: String, indent: Int) {
        let last = !d.isEmpty ? d : !c.isEmpty ? c : !b.isEmpty ? b : a
        guard last.utf8.last != 0x0A else {
            appendString(a + b + c + d, indent: indent)
            return
        }
        out.append(0x22)
        appendEscaped(a)
        appendEscaped(b)
        appendEscaped(c)
        appendEscaped(d)
        out.append(0x22)
    }

    private mutating func appendEscaped(_ text: String) {
        guard !text.isEmpty else { return }
        var text = text
        text.withUTF8 { out.appendEscaped($0) }
    }
}
