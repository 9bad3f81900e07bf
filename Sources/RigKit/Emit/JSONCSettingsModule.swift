/// The Ansible module the playbooks merge VS Code settings with (`playbooks/library/rigctl_jsonc_settings.py`,
/// written by `rigctl generate`): a Python port of `JSONCMerger`, byte for byte the same result, so a
/// machine the playbook converged is one `rigctl apply` finds current (tested in `JSONCSettingsModuleTests`).
package enum JSONCSettingsModule {
    package static let name = "rigctl_jsonc_settings"
    package static let path = "library/\(name).py"

    package static let source = ##"""
#!/usr/bin/python
# Written by `rigctl generate` (Sources/RigKit/Emit/JSONCSettingsModule.swift); changes here are overwritten.
# An Ansible module: sets keys inside one object of a JSON-with-comments settings file (VS Code's
# settings.json) by editing its bytes in place, as `rigctl apply` does (JSONCMerger): comments,
# trailing commas, key order, formatting, every other key and every byte of another encoding stay as
# they were. Reports changed exactly when the file's bytes change.
import os
import re
import tempfile

from ansible.module_utils.basic import AnsibleModule

DOCUMENTATION = r"""
module: rigctl_jsonc_settings
short_description: Merge string keys into one object of a JSON-with-comments settings file
options:
  path: {description: The settings file; a symbolic link is followed., type: path, required: true}
  key: {description: The top-level key of the object, such as workbench.colorCustomizations., type: str, required: true}
  settings: {description: Keys and string values to set in that object, in order., type: dict, required: true}
  mode: {description: The mode of a new file; an existing one keeps its own., type: str, default: '0644'}
  backup: {description: Keep a copy of the previous file., type: bool, default: false}
"""

BLANK = b" \t\n\r"


class JSONCError(Exception):
    def __init__(self, data, position, message):
        line, column = 1, 1
        for byte in data[:min(position, len(data))]:
            if byte == 0x0A:
                line, column = line + 1, 1
            elif byte & 0xC0 != 0x80:
                column += 1
        Exception.__init__(self, "%d:%d: %s" % (line, column, message))


class Obj(object):
    def __init__(self, open_, close, members):
        self.open, self.close, self.members = open_, close, members

    @property
    def start(self):
        return self.open

    @property
    def end(self):
        return self.close + 1

    def member(self, key):
        found = [m for m in self.members if m[0] == key]
        return found[-1] if found else None


class Other(object):
    def __init__(self, start, end):
        self.start, self.end = start, end


class Parser(object):
    SCALAR = re.compile(rb"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\Z")

    def __init__(self, data):
        self.data, self.pos = data, 0

    def error(self, message):
        return JSONCError(self.data, self.pos, message)

    def peek(self, ahead):
        return self.data[self.pos + ahead] if self.pos + ahead < len(self.data) else None

    def document(self):
        if self.data.startswith(b"\xef\xbb\xbf"):
            self.pos = 3
        self.skip_trivia()
        if self.pos >= len(self.data):
            return None
        value = self.value()
        self.skip_trivia()
        if self.pos != len(self.data):
            raise self.error("unexpected text after the top-level value")
        return value

    def skip_trivia(self):
        data = self.data
        while self.pos < len(data):
            byte = data[self.pos]
            if byte in BLANK:
                self.pos += 1
            elif byte == 0x2F and self.peek(1) == 0x2F:
                while self.pos < len(data) and data[self.pos] != 0x0A:
                    self.pos += 1
            elif byte == 0x2F and self.peek(1) == 0x2A:
                start = self.pos
                self.pos += 2
                while self.pos < len(data) and not (data[self.pos] == 0x2A and self.peek(1) == 0x2F):
                    self.pos += 1
                if self.pos >= len(data):
                    self.pos = start
                    raise self.error("unterminated /* comment")
                self.pos += 2
            else:
                return

    def value(self):
        if self.pos >= len(self.data):
            raise self.error("expected a value, found the end of the file")
        byte, start = self.data[self.pos], self.pos
        if byte == 0x7B:
            return self.object()
        if byte == 0x5B:
            self.array()
        elif byte == 0x22:
            self.string()
        else:
            self.scalar()
        return Other(start, self.pos)

    def object(self):
        open_ = self.pos
        self.pos += 1
        members = []
        while True:
            self.skip_trivia()
            if self.pos >= len(self.data):
                raise self.error("expected '}' to close the object")
            if self.data[self.pos] == 0x7D:
                self.pos += 1
                return Obj(open_, self.pos - 1, members)
            if self.data[self.pos] != 0x22:
                raise self.error("expected a quoted key or '}'")
            key_start = self.pos
            key = self.string()
            self.skip_trivia()
            if self.pos >= len(self.data) or self.data[self.pos] != 0x3A:
                raise self.error("expected ':' after the key \"%s\"" % key)
            self.pos += 1
            self.skip_trivia()
            members.append((key, key_start, self.value()))
            self.skip_trivia()
            if self.pos >= len(self.data):
                raise self.error("expected '}' to close the object")
            if self.data[self.pos] == 0x2C:
                self.pos += 1
            elif self.data[self.pos] != 0x7D:
                raise self.error("expected ',' or '}' after the value of \"%s\"" % key)

    def array(self):
        self.pos += 1
        while True:
            self.skip_trivia()
            if self.pos >= len(self.data):
                raise self.error("expected ']' to close the array")
            if self.data[self.pos] == 0x5D:
                self.pos += 1
                return
            self.value()
            self.skip_trivia()
            if self.pos >= len(self.data):
                raise self.error("expected ']' to close the array")
            if self.data[self.pos] == 0x2C:
                self.pos += 1
            elif self.data[self.pos] != 0x5D:
                raise self.error("expected ',' or ']' in the array")

    def string(self):
        start = self.pos
        self.pos += 1
        text, raw = [], bytearray()
        escapes = {0x6E: u"\n", 0x74: u"\t", 0x72: u"\r", 0x62: u"\b", 0x66: u"\f"}
        while self.pos < len(self.data):
            byte = self.data[self.pos]
            if byte == 0x22:
                self.pos += 1
                text.append(raw.decode("utf-8", "replace"))
                return u"".join(text)
            if byte == 0x0A:
                raise self.error("string is not closed on its line")
            if byte == 0x5C:
                text.append(raw.decode("utf-8", "replace"))
                raw = bytearray()
                escaped = self.peek(1)
                if escaped is None:
                    self.pos = start
                    raise self.error("string is not closed")
                self.pos += 2
                if escaped == 0x75:
                    digits = self.data[self.pos:self.pos + 4]
                    if len(digits) != 4 or not re.match(rb"[0-9A-Fa-f]{4}\Z", digits):
                        raise self.error("expected four hex digits after \\u")
                    self.pos += 4
                    text.append(u"%c" % int(digits, 16))
                else:
                    text.append(escapes.get(escaped, u"%c" % escaped))
            else:
                raw.append(byte)
                self.pos += 1
        self.pos = start
        raise self.error("string is not closed")

    def scalar(self):
        start = self.pos
        while self.pos < len(self.data) and (chr(self.data[self.pos]).isalnum() and self.data[self.pos] < 0x80 or self.data[self.pos] in b"-+."):
            self.pos += 1
        word = self.data[start:self.pos]
        if not (self.SCALAR.match(word) or word in (b"true", b"false", b"null")):
            self.pos = start
            raise self.error("unexpected character" if not word else "unexpected '%s'; expected a value" % word.decode("utf-8", "replace"))


def skip_trivia_from(data, offset):
    parser = Parser(data)
    parser.pos = offset
    try:
        parser.skip_trivia()
    except JSONCError:
        pass
    return parser.pos


def indentation(data, offset):
    start = offset
    while start > 0 and data[start - 1] != 0x0A:
        start -= 1
    end = start
    while end < len(data) and data[end] in b" \t":
        end += 1
    return data[start:end].decode("ascii")


def same_line(data, a, b):
    return b"\n" not in data[min(a, b):max(a, b)]


def quote(text):
    out = [u'"']
    for char in text:
        code = ord(char)
        if char == u'"':
            out.append(u'\\"')
        elif char == u"\\":
            out.append(u"\\\\")
        elif char == u"\n":
            out.append(u"\\n")
        elif char == u"\t":
            out.append(u"\\t")
        elif char == u"\r":
            out.append(u"\\r")
        elif code < 0x20:
            out.append(u"\\u%04x" % code)
        else:
            out.append(char)
    out.append(u'"')
    return u"".join(out)


def render_object(settings, indent, unit):
    lines = [u"%s%s%s: %s" % (indent, unit, quote(k), quote(v)) for k, v in settings]
    return u"{\n" + u",\n".join(lines) + u"\n" + indent + u"}"


def fresh_document(settings, key):
    return (u"{\n    " + quote(key) + u": " + render_object(settings, u"    ", u"    ") + u"\n}\n").encode("utf-8")


def splice(data, offset, count, text):
    return bytes(data[:offset]) + text.encode("utf-8") + bytes(data[offset + count:])


def insert(member, obj, data, unit):
    if not obj.members:
        interior = data[obj.open + 1:obj.close]
        close_indent = indentation(data, obj.open)
        if all(byte in BLANK for byte in bytearray(interior)):
            body = u"\n%s%s%s\n%s" % (close_indent, unit, member, close_indent)
            return splice(data, obj.open + 1, obj.close - obj.open - 1, body)
        return splice(data, obj.open + 1, 0, u"\n%s%s%s," % (close_indent, unit, member))
    last = obj.members[-1]
    value_end = last[2].end
    following = skip_trivia_from(data, value_end)
    has_comma = following < len(data) and data[following] == 0x2C
    if same_line(data, obj.open, last[1]):
        if has_comma:
            return splice(data, following + 1, 0, u" %s," % member)
        return splice(data, value_end, 0, u", %s" % member)
    indent = indentation(data, last[1])
    edited = bytearray(data)
    after_comma = following + 1
    if not has_comma:
        edited.insert(value_end, 0x2C)
        after_comma = value_end + 1
    point = after_comma
    while point < len(edited) and edited[point] in b" \t":
        point += 1
    if point + 1 < len(edited) and edited[point] == 0x2F and edited[point + 1] == 0x2F:
        while point < len(edited) and edited[point] != 0x0A:
            point += 1
    else:
        point = after_comma
    return splice(edited, point, 0, u"\n%s%s%s" % (indent, member, u"," if has_comma else u""))


def set_one(setting, key, data):
    root = Parser(data).document()
    if not isinstance(root, Obj):
        raise JSONCError(data, 0, "the settings file is not a JSON object")
    first = root.members[0] if root.members else None
    unit = u"    "
    if first is not None and not same_line(data, root.open, first[1]):
        unit = indentation(data, first[1]) or u"    "
    name, value = setting
    member = root.member(key)
    if member is None:
        indent = indentation(data, root.members[-1][1]) if root.members else indentation(data, root.open) + unit
        return insert(u"%s: %s" % (quote(key), render_object([setting], indent, unit)), root, data, unit)
    if not isinstance(member[2], Obj):
        indent = indentation(data, member[1])
        return splice(data, member[2].start, member[2].end - member[2].start, render_object([setting], indent, unit))
    existing = member[2].member(name)
    if existing is not None:
        return splice(data, existing[2].start, existing[2].end - existing[2].start, quote(value))
    return insert(u"%s: %s" % (quote(name), quote(value)), member[2], data, unit)


def merge(settings, key, data):
    if Parser(data).document() is None:
        kept = data.rstrip(BLANK)
        fresh = fresh_document(settings, key)
        return fresh if not kept else kept + b"\n" + fresh
    for setting in settings:
        data = set_one(setting, key, data)
    return data


def write(module, target, data, mode):
    directory = os.path.dirname(target) or "."
    handle, temporary = tempfile.mkstemp(prefix="." + os.path.basename(target) + ".rigctl-tmp-", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if os.path.exists(target):
            info = os.stat(target)
            os.chmod(temporary, info.st_mode & 0o7777)
            if os.geteuid() == 0:
                os.chown(temporary, info.st_uid, info.st_gid)
        else:
            os.chmod(temporary, int(mode, 8))
        os.rename(temporary, target)
    except Exception as error:
        if os.path.exists(temporary):
            os.unlink(temporary)
        module.fail_json(msg="%s: cannot write: %s" % (target, error))


def main():
    module = AnsibleModule(
        argument_spec=dict(
            path=dict(type="path", required=True),
            key=dict(type="str", required=True, no_log=False),
            settings=dict(type="dict", required=True),
            mode=dict(type="str", default="0644"),
            backup=dict(type="bool", default=False),
        ),
        supports_check_mode=True,
    )
    path = module.params["path"]
    # A symbolic link (a dotfiles manager's) stays a link: its target is the file (a dangling link's target is created).
    target = os.path.realpath(path)
    settings = [(str(k), str(v)) for k, v in module.params["settings"].items()]
    before = b""
    exists = os.path.exists(target)
    if exists:
        if os.stat(target).st_mode & 0o200 == 0:
            module.fail_json(msg="%s: read-only (mode %04o); rigctl leaves it alone: make it writable (chmod u+w) to install"
                             % (target, os.stat(target).st_mode & 0o7777))
        with open(target, "rb") as stream:
            before = stream.read()
    try:
        after = merge(settings, module.params["key"], before)
    except JSONCError as error:
        module.fail_json(msg="%s: %s" % (path, error))
    changed = after != before or not exists
    result = dict(changed=changed, path=path, target=target)
    if changed and module._diff:
        result["diff"] = dict(before=before.decode("utf-8", "replace"), after=after.decode("utf-8", "replace"))
    if changed and not module.check_mode:
        if exists and module.params["backup"]:
            result["backup_file"] = module.backup_local(target)
        write(module, target, after, module.params["mode"])
    module.exit_json(**result)


if __name__ == "__main__":
    main()

"""##
}
