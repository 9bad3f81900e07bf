import Testing
@testable import RigSystem
@testable import RigProbe
@testable import RigTheme
@testable import RigAudit
@testable import RigPlan
@testable import RigEmit
@testable import RigBuildLog
@testable import RigApply
@testable import RigKit

@Suite struct XMLNodeTests {
    @Test func elementsAttributesEntitiesAndPrologue() throws {
        let xml = """
        <?xml version="1.0" ?>
        <!DOCTYPE log SYSTEM "log.dtd" [ <!ENTITY x "y"> ]>
        <!-- comment -->
        <log a='1'><item id="A&amp;B">x &lt; y</item><empty/><data><![CDATA[<raw>]]></data></log>
        """
        let root = try XMLNode.parse(xml)
        #expect(root.name == "log")
        #expect(root.attributes["a"] == "1")
        #expect(root.child("item")?.attributes["id"] == "A&B")
        #expect(root.value("item") == "x < y")
        #expect(root.child("empty")?.children.isEmpty == true)
        #expect(root.value("data") == "<raw>")
    }

    @Test func malformed() {
        #expect(throws: XMLNode.ParseError.self) { try XMLNode.parse("<a><b></a>") }
        #expect(throws: XMLNode.ParseError.self) { try XMLNode.parse("no xml") }
    }
}
