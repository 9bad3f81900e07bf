import RigSpec
import RigSystem

extension JSONCMerger {
    /// `bytes` without the members of the object at top-level `key` that still hold the values in `settings`
    /// (a value the user changed is theirs and stays); the object itself goes when nothing is left in it.
    /// Every other byte is kept. Nil when there is nothing of rigctl's to remove.
    package static func remove(_ settings: [JSONSetting], fromObjectAt key: String, of bytes: [UInt8]) throws(JSONCError) -> [UInt8]? {
        guard bytes.count <= sizeLimit else {
            throw JSONCError(line: 1, column: 1, message: "the settings file is over \(sizeLimit / 1_048_576) MiB; rigctl does not edit it")
        }
        var edited = bytes
        var changed = false
        for setting in settings {
            let document = try JSONCDocument(bytes: edited)
            guard case .object(let root)? = document.root, let member = root.member(key),
                  case .object(let object) = member.value,
                  let index = object.members.lastIndex(where: { $0.key == setting.key }) else { continue }
            let value = object.members[index].value
            guard String(decoding: edited[value.start..<value.end], as: UTF8.self) == quote(setting.value) else { continue }
            edited = removeMember(at: index, of: object, in: document)
            changed = true
        }
        guard changed else { return nil }
        let document = try JSONCDocument(bytes: edited)
        if case .object(let root)? = document.root, let index = root.members.lastIndex(where: { $0.key == key }),
           case .object(let object) = root.members[index].value, object.members.isEmpty,
           document.skipTrivia(from: object.open + 1) == object.close {
            edited = removeMember(at: index, of: root, in: document)
        }
        return edited
    }

    /// The text without member `index` of `object`: from its key to the next member's key, or, for the
    /// last member, from the end of the one before it (so no comma is left dangling); the only member
    /// takes its comma with it.
    private static func removeMember(at index: Int, of object: JSONCDocument.Object, in document: JSONCDocument) -> [UInt8] {
        var bytes = document.bytes
        let member = object.members[index]
        let range: Range<Int>
        if index + 1 < object.members.count {
            range = member.keyStart..<object.members[index + 1].keyStart
        } else if index > 0 {
            range = object.members[index - 1].value.end..<member.value.end
        } else {
            var end = member.value.end
            let next = document.skipTrivia(from: end)
            if next < bytes.count, bytes[next] == UInt8(ascii: ",") { end = next + 1 }
            // The line the member stood on goes too, when nothing else is on it.
            var start = member.keyStart
            while start > object.open + 1, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\t") { start -= 1 }
            if start > object.open + 1, bytes[start - 1] == UInt8(ascii: "\n"), end < bytes.count, bytes[end] == UInt8(ascii: "\n") {
                start -= 1
            }
            range = start..<end
        }
        bytes.removeSubrange(range)
        return bytes
    }
}
