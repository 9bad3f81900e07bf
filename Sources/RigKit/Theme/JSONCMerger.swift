import RigSpec
import RigSystem
/// Sets keys inside one object of a JSON-with-comments settings file by editing the text in place:
/// comments, trailing commas, key order, formatting and every other key stay byte-for-byte.
package enum JSONCMerger {
    /// `text` with `settings` (string values) set inside the object at top-level `key`; the object is created
    /// when missing, keys in it that are not in `settings` are kept. Nil or blank `text` gives a new document.
    /// The largest settings file rigctl edits (each setting re-reads the document; real ones are
    /// kilobytes, and a 20 MB one would take seconds).
    package static let sizeLimit = 4 * 1_048_576

    package static func set(_ settings: [JSONSetting], inObjectAt key: String, of text: String?) throws(JSONCError) -> String {
        String(decoding: try set(settings, inObjectAt: key, of: text.map { Array($0.utf8) }), as: UTF8.self)
    }

    /// The same on bytes: every byte outside the edited values is kept, whatever the file's encoding.
    package static func set(_ settings: [JSONSetting], inObjectAt key: String, of bytes: [UInt8]?) throws(JSONCError) -> [UInt8] {
        var bytes = bytes ?? []
        guard bytes.count <= sizeLimit else {
            throw JSONCError(line: 1, column: 1, message: "the settings file is over \(sizeLimit / 1_048_576) MiB; rigctl does not edit it")
        }
        if try JSONCDocument(bytes: bytes).root == nil {
            let fresh = Array(freshDocument(settings, inObjectAt: key).utf8)
            let blank: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
            var kept = bytes[...]
            while let last = kept.last, blank.contains(last) { kept = kept.dropLast() }
            return kept.isEmpty ? fresh : Array(kept) + [UInt8(ascii: "\n")] + fresh
        }
        for setting in settings {
            bytes = try setOne(setting, inObjectAt: key, of: bytes)
        }
        return bytes
    }

    /// A new settings document holding only the object at `key`.
    package static func freshDocument(_ settings: [JSONSetting], inObjectAt key: String) -> String {
        "{\n    \(quote(key)): \(renderObject(settings, indent: "    ", unit: "    "))\n}\n"
    }

    private static func setOne(_ setting: JSONSetting, inObjectAt key: String, of bytes: [UInt8]) throws(JSONCError) -> [UInt8] {
        let document = try JSONCDocument(bytes: bytes)
        guard case .object(let root)? = document.root else {
            throw JSONCError(line: 1, column: 1, message: "the settings file is not a JSON object")
        }
        let unit = indentUnit(of: root, in: document)
        guard let member = root.member(key) else {
            let indent = memberIndent(of: root, in: document, unit: unit)
            let value = renderObject([setting], indent: indent, unit: unit)
            return insert(member: "\(quote(key)): \(value)", into: root, in: document, unit: unit)
        }
        guard case .object(let object) = member.value else {
            let indent = document.indentation(ofLineAt: member.keyStart)
            return replace(member.value, with: renderObject([setting], indent: indent, unit: unit), in: document)
        }
        if let existing = object.member(setting.key) {
            return replace(existing.value, with: quote(setting.value), in: document)
        }
        return insert(member: "\(quote(setting.key)): \(quote(setting.value))", into: object, in: document, unit: unit)
    }

    private static func replace(_ value: JSONCDocument.Value, with replacement: String, in document: JSONCDocument) -> [UInt8] {
        splice(document.bytes, at: value.start, removing: value.end - value.start, inserting: replacement)
    }

    /// Adds `member` after the object's last member, in that member's style: same indentation,
    /// same line or not, and a trailing comma when the last member had one.
    private static func insert(member: String, into object: JSONCDocument.Object, in document: JSONCDocument, unit: String) -> [UInt8] {
        let bytes = document.bytes
        guard let last = object.members.last else {
            let interior = String(decoding: bytes[(object.open + 1)..<object.close], as: UTF8.self)
            let closeIndent = document.indentation(ofLineAt: object.open)
            if interior.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
                let body = "\n\(closeIndent)\(unit)\(member)\n\(closeIndent)"
                return splice(bytes, at: object.open + 1, removing: object.close - object.open - 1, inserting: body)
            }
            return splice(bytes, at: object.open + 1, removing: 0, inserting: "\n\(closeIndent)\(unit)\(member),")
        }
        let valueEnd = last.value.end
        let next = document.skipTrivia(from: valueEnd)
        let hasTrailingComma = next < bytes.count && bytes[next] == UInt8(ascii: ",")
        if document.sameLine(object.open, last.keyStart) {
            // An object written on one line stays on one line.
            if hasTrailingComma { return splice(bytes, at: next + 1, removing: 0, inserting: " \(member),") }
            return splice(bytes, at: valueEnd, removing: 0, inserting: ", \(member)")
        }
        let indent = document.indentation(ofLineAt: last.keyStart)
        var edited = bytes
        var afterComma = next + 1
        if !hasTrailingComma {
            edited.insert(UInt8(ascii: ","), at: valueEnd)
            afterComma = valueEnd + 1
        }
        // Keep a comment that ends the last member's line on that line.
        var point = afterComma
        while point < edited.count, edited[point] == UInt8(ascii: " ") || edited[point] == UInt8(ascii: "\t") { point += 1 }
        if point + 1 < edited.count, edited[point] == UInt8(ascii: "/"), edited[point + 1] == UInt8(ascii: "/") {
            while point < edited.count, edited[point] != UInt8(ascii: "\n") { point += 1 }
        } else {
            point = afterComma
        }
        return splice(edited, at: point, removing: 0, inserting: "\n\(indent)\(member)\(hasTrailingComma ? "," : "")")
    }

    /// The file's indentation step: how far the first top-level member is indented, else four spaces.
    private static func indentUnit(of root: JSONCDocument.Object, in document: JSONCDocument) -> String {
        guard let first = root.members.first, !document.sameLine(root.open, first.keyStart) else { return "    " }
        let indent = document.indentation(ofLineAt: first.keyStart)
        return indent.isEmpty ? "    " : indent
    }

    private static func memberIndent(of object: JSONCDocument.Object, in document: JSONCDocument, unit: String) -> String {
        if let last = object.members.last { return document.indentation(ofLineAt: last.keyStart) }
        return document.indentation(ofLineAt: object.open) + unit
    }

    private static func renderObject(_ settings: [JSONSetting], indent: String, unit: String) -> String {
        let lines = settings.map { "\(indent)\(unit)\(quote($0.key)): \(quote($0.value))" }
        return "{\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
    }

    private static func splice(_ bytes: [UInt8], at offset: Int, removing count: Int, inserting text: String) -> [UInt8] {
        var result = bytes
        result.replaceSubrange(offset..<(offset + count), with: Array(text.utf8))
        return result
    }

    /// A JSON string literal.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

/// A key and its string value inside a JSON settings object.
package struct JSONSetting: Sendable, Equatable {
    package var key: String
    package var value: String
    package init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// Keys to set inside the object at `key` of a settings.json (`workbench.colorCustomizations`).
package struct JSONSettingsEdit: Sendable, Equatable {
    package var key: String
    package var settings: [JSONSetting]

    package init(key: String, settings: [JSONSetting]) {
        self.key = key
        self.settings = settings
    }

    /// `existing` with the settings merged in.
    package func apply(to existing: String?) throws(JSONCError) -> String {
        try JSONCMerger.set(settings, inObjectAt: key, of: existing)
    }

    /// `existing` bytes with the settings merged in.
    package func apply(to existing: [UInt8]?) throws(JSONCError) -> [UInt8] {
        try JSONCMerger.set(settings, inObjectAt: key, of: existing)
    }

    /// A settings file holding only these settings.
    package var freshDocument: String { JSONCMerger.freshDocument(settings, inObjectAt: key) }
}
