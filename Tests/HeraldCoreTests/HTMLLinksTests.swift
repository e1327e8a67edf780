import Foundation
import Testing

@testable import HeraldCore

@Suite("Relative links in feed HTML")
struct HTMLLinksTests {
    let base = URL(string: "https://wire.example.org/2026/01/talks.html")!

    @Test("relative href and src become absolute; absolute, fragment and other attributes stay as written")
    func resolves() {
        let html = """
            <p class=lead><a href="/syria">Syria</a> <img SRC='img/paris.jpg' alt=x> \
            <a href="https://other.example/a">a</a> <a href="#top">top</a> <a title=/not-a-link href=../up?a=1&amp;b=2>up</a></p>
            """
        #expect(
            HTMLLinks.resolvingRelativeURLs(html, against: base) == """
                <p class=lead><a href="https://wire.example.org/syria">Syria</a> \
                <img SRC='https://wire.example.org/2026/01/img/paris.jpg' alt=x> \
                <a href="https://other.example/a">a</a> <a href="#top">top</a> \
                <a title=/not-a-link href="https://wire.example.org/2026/up?a=1&amp;b=2">up</a></p>
                """)
    }

    @Test("HTML with only absolute links, or without a base, comes back unchanged")
    func unchanged() {
        let html = #"<a href="https://wire.example.org/x">x</a><img src="http://cdn.example/y.png">"#
        #expect(HTMLLinks.resolvingRelativeURLs(html, against: base) == html)
        #expect(HTMLLinks.resolvingRelativeURLs(#"<a href="/x">x</a>"#, against: nil) == #"<a href="/x">x</a>"#)
    }
}
