@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("HTML escaping")
struct HTMLEscapingTests {
    @Test("markup characters become entities and everything else is copied as it is")
    func escapesMarkup() {
        #expect(HTMLEscaping.escape(#"<a href="x">&'"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
        #expect(HTMLEscaping.escape("张三 1.5 万元") == "张三 1.5 万元")
        #expect(HTMLEscaping.escape("") == "")
    }

    @Test("the views' text nodes escape an ampersand even where it looks like an entity")
    func textNodesUseTheViewsEscaping() {
        // Plot's own text escaping would leave "&lt;" as it is, and the page would show "<".
        let page = LoginPage(username: "", next: nil, error: "输入了 &lt;script&gt;").render()
        #expect(page.contains("输入了 &amp;lt;script&amp;gt;"))
    }

    @Test("what a user typed comes back inside attribute values escaped, never as markup")
    func attributeValuesAreEscaped() async throws {
        try await withDemoApp(households: 20) { app in
            let hostile = #""><b id="injected">x"#
            // act: a failed sign-in shows the username again
            try await app.testing().test(
                .POST, "login", headers: sameSiteForm(),
                beforeRequest: { request in
                    try request.content.encode(
                        ["username": hostile, "password": "wrong-password"], as: .urlEncodedForm)
                },
                afterResponse: { response in
                    // check
                    #expect(response.status == .unauthorized)
                    #expect(!response.body.string.contains(#"<b id="injected">"#))
                    #expect(response.body.string.contains("&quot;&gt;&lt;b id=&quot;injected&quot;&gt;x"))
                })
            // act: the household search shows the query again
            let session = try await app.signIn("county")
            let query = hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            try await app.testing().test(.GET, "households?q=\(query)", headers: session.headers) { response in
                // check
                #expect(!response.body.string.contains(#"<b id="injected">"#))
                #expect(response.body.string.contains("&quot;&gt;&lt;b id=&quot;injected&quot;&gt;x"))
            }
        }
    }
}
