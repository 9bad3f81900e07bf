import RigSpec
import FoundationEssentials
import RigSystem
/// A tiny XML reader for tool output (nvidia-smi -q -x): elements, attributes, text, with the
/// prolog, DOCTYPE, comments and CDATA handled. No FoundationXML, so the static binary needs
/// no libxml2 on the target machine.
struct XMLNode: Sendable, Equatable {
    var name: String
    var attributes: [String: String] = [:]
    var children: [XMLNode] = []
    var text = ""

    /// The first direct child called `name`.
    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// Every direct child called `name`.
    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// The text of the element at a path of direct children (`fb_memory_usage/total`), trimmed.
    func value(_ path: String) -> String? {
        var node = self
        for part in path.split(separator: "/") {
            guard let next = node.child(String(part)) else { return nil }
            node = next
        }
        return node.text.trimmed
    }

    enum ParseError: Error, Equatable { case malformed(String) }

    /// Parses a document and returns its root element.
    static func parse(_ text: String) throws(ParseError) -> XMLNode {
        var reader = Reader(bytes: Array(text.utf8))
        return try reader.document()
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        mutating func document() throws(ParseError) -> XMLNode {
            var stack: [XMLNode] = []
            var root: XMLNode?
            while position < bytes.count {
                if bytes[position] != UInt8(ascii: "<") {
                    let start = position
                    while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
                    if !stack.isEmpty { stack[stack.count - 1].text += Self.decodeEntities(string(start, position)) }
                    continue
                }
                if starts(with: "<?") { try skip(past: "?>"); continue }
                if starts(with: "<!--") { try skip(past: "-->"); continue }
                if starts(with: "<![CDATA[") {
                    let start = position + 9
                    try skip(past: "]]>")
                    if !stack.isEmpty { stack[stack.count - 1].text += string(start, position - 3) }
                    continue
                }
                if starts(with: "<!") { try skipDeclaration(); continue }
                if starts(with: "</") {
                    try skip(past: ">")
                    guard let closed = stack.popLast() else { throw .malformed("unexpected closing tag") }
                    if stack.isEmpty { root = closed } else { stack[stack.count - 1].children.append(closed) }
                    continue
                }
                let (element, selfClosing) = try openTag()
                if selfClosing {
                    if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
                } else {
                    stack.append(element)
                }
            }
            guard stack.isEmpty, let root else { throw .malformed("unclosed element or no root element") }
            return root
        }

        mutating func openTag() throws(ParseError) -> (XMLNode, Bool) {
            position += 1
            let nameStart = position
            while position < bytes.count, !Self.isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">"), bytes[position] != UInt8(ascii: "/") { position += 1 }
            var node = XMLNode(name: string(nameStart, position))
            while true {
                while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
                guard position < bytes.count else { throw .malformed("unterminated tag <\(node.name)>") }
                if bytes[position] == UInt8(ascii: ">") { position += 1; return (node, false) }
                if starts(with: "/>") { position += 2; return (node, true) }
                let keyStart = position
                while position < bytes.count, bytes[position] != UInt8(ascii: "="), !Self.isSpace(bytes[position]) { position += 1 }
                let key = string(keyStart, position)
                while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "'") { position += 1 }
                guard position < bytes.count else { throw .malformed("attribute \(key) without value") }
                let quote = bytes[position]
                position += 1
                let valueStart = position
                while position < bytes.count, bytes[position] != quote { position += 1 }
                node.attributes[key] = Self.decodeEntities(string(valueStart, position))
                position += 1
            }
        }

        /// `<!DOCTYPE … [ … ]>` may nest brackets.
        mutating func skipDeclaration() throws(ParseError) {
            var depth = 0
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "]"): depth -= 1
                case UInt8(ascii: ">") where depth == 0: position += 1; return
                default: break
                }
                position += 1
            }
            throw .malformed("unterminated declaration")
        }

        mutating func skip(past marker: String) throws(ParseError) {
            let pattern = Array(marker.utf8)
            while position + pattern.count <= bytes.count {
                if Array(bytes[position..<position + pattern.count]) == pattern { position += pattern.count; return }
                position += 1
            }
            throw .malformed("missing \(marker)")
        }

        func starts(with prefix: String) -> Bool {
            let pattern = Array(prefix.utf8)
            return position + pattern.count <= bytes.count && Array(bytes[position..<position + pattern.count]) == pattern
        }

        func string(_ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }

        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

        static func decodeEntities(_ text: String) -> String {
            guard text.contains("&") else { return text }
            return text.replacingEvery("&lt;", with: "<").replacingEvery("&gt;", with: ">")
                .replacingEvery("&quot;", with: "\"").replacingEvery("&apos;", with: "'")
                .replacingEvery("&amp;", with: "&")
        }
    }
}
