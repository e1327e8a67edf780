import Foundation
import Testing

@testable import HeraldCore

@Suite("HTMLText")
struct HTMLTextTests {
    @Test func stripsInlineTags() {
        #expect(HTMLText.plainText("<p>Hello <b>brave</b> <a href=\"/x\">world</a></p>") == "Hello brave world")
    }

    @Test func blockElementsBecomeParagraphs() {
        #expect(HTMLText.plainText("<p>One</p><p>Two</p><div>Three</div>") == "One\n\nTwo\n\nThree")
        #expect(HTMLText.plainText("<h1>Title</h1>Body<blockquote>Quote</blockquote>") == "Title\n\nBody\n\nQuote")
        #expect(HTMLText.plainText("<ul><li>a</li><li>b</li></ul>") == "a\n\nb")
        #expect(HTMLText.plainText("<section>S</section><article>A</article>") == "S\n\nA")
        #expect(HTMLText.plainText("<table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr></table>") == "x y\n\nz")
        #expect(HTMLText.plainText("<H2>Upper</H2><P>case</P>") == "Upper\n\ncase")
    }

    @Test func lineBreaks() {
        #expect(
            HTMLText.plainText("Line one<br>Line two<br/>Line three<BR />end") == "Line one\nLine two\nLine three\nend")
        // Two breaks in a row are a paragraph break, more add nothing.
        #expect(HTMLText.plainText("a<br><br>b<br><br><br><br>c") == "a\n\nb\n\nc")
    }

    @Test func scriptAndStyleContentIsDropped() {
        let html = """
            <p>Before</p><script type="text/javascript">var s = "<p>not text</p>";</script>
            <style>p { color: red; }</style><STYLE>.x{}</STYLE><p>After</p>
            """
        #expect(HTMLText.plainText(html) == "Before\n\nAfter")
    }

    @Test func commentsAndDoctypesAreDropped() {
        #expect(HTMLText.plainText("<!DOCTYPE html>a<!-- hidden <p>x</p> -->b<?php echo 1 ?>c") == "abc")
    }

    @Test(
        "named entities",
        arguments: [
            ("&mdash;", "\u{2014}"), ("&ndash;", "\u{2013}"), ("&lsquo;", "\u{2018}"), ("&rsquo;", "\u{2019}"),
            ("&ldquo;", "\u{201C}"), ("&rdquo;", "\u{201D}"), ("&hellip;", "\u{2026}"), ("&laquo;", "\u{AB}"),
            ("&raquo;", "\u{BB}"), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""),
            ("&apos;", "'"), ("&euro;", "\u{20AC}"), ("&copy;", "\u{A9}"), ("&trade;", "\u{2122}"),
            ("&bull;", "\u{2022}"), ("&deg;", "\u{B0}"), ("&times;", "\u{D7}"), ("&rlm;", "\u{200F}"),
        ])
    func namedEntity(entity: String, expected: String) {
        #expect(HTMLText.plainText("x\(entity)y") == "x\(expected)y")
    }

    @Test func latin1Letters() {
        #expect(HTMLText.plainText("&eacute;&Agrave;&ccedil;&uuml;&szlig;&ntilde;&Oslash;&yuml;") == "éÀçüßñØÿ")
    }

    @Test func numericReferences() {
        // U+0634 is ش (sheen), written in decimal and in hex.
        #expect(HTMLText.plainText("&#1588;&#x634;&#X634;") == "ششش")
        #expect(HTMLText.plainText("&#8212;") == "—")
        // HTML reads C1 code points as the windows-1252 characters publishers meant.
        #expect(HTMLText.plainText("&#150;&#147;q&#148;") == "–“q”")
        #expect(HTMLText.plainText("&#0;&#xD800;&#99999999999;") == "\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    @Test func nbspCollapsesLikeSpace() {
        #expect(HTMLText.plainText("a&nbsp;&nbsp; b\u{A0}c") == "a b c")
        #expect(HTMLText.plainText("&nbsp;<p>&nbsp;</p>x&nbsp;") == "x")
    }

    @Test func whitespaceIsCollapsedAndTrimmed() {
        #expect(HTMLText.plainText("  \n\tHello \n\n   world \r\n ") == "Hello world")
        #expect(HTMLText.plainText("<p>  spaced   out  </p>\n\n<p>\n next </p>") == "spaced out\n\nnext")
    }

    @Test func arabicText() {
        let html = "<p>وصل وزير الخارجية <strong>أسعد الشيباني</strong> إلى باريس.</p><p>ثم غادر إلى إسرائيل؟</p>"
        #expect(HTMLText.plainText(html) == "وصل وزير الخارجية أسعد الشيباني إلى باريس.\n\nثم غادر إلى إسرائيل؟")
    }

    @Test func malformedMarkupDoesNotCrash() {
        #expect(HTMLText.plainText("Hello <b") == "Hello")
        #expect(HTMLText.plainText("a <!-- never closed") == "a")
        #expect(HTMLText.plainText("<script>alert(1)") == "")
        #expect(HTMLText.plainText("<a title='x > y' href=\"#\">link</a> after") == "link after")
        #expect(HTMLText.plainText("<a title=\"unclosed>text") == "text")
        #expect(HTMLText.plainText("<") == "<")
        #expect(HTMLText.plainText("&") == "&")
        #expect(HTMLText.plainText("") == "")
    }

    @Test func unterminatedAndUnknownEntities() {
        #expect(HTMLText.plainText("AT&T &amp") == "AT&T &")
        #expect(HTMLText.plainText("&unknownentity; &#x; &#; &") == "&unknownentity; &#x; &#; &")
        #expect(HTMLText.plainText("fish &amp chips") == "fish & chips")
        #expect(HTMLText.plainText("&#1588") == "ش")
    }

    @Test func lessThanThatOpensNothingIsText() {
        #expect(HTMLText.plainText("3 < 5 and 5 > 3") == "3 < 5 and 5 > 3")
    }

    @Test func largeInputIsLinear() {
        let chunk = "<div class=\"c\"><p>Paragraph with &amp; entity &#1588; and <b>bold</b></p></div>\n"
        let html = String(repeating: chunk, count: 20_000)
        let clock = ContinuousClock()
        var text = ""
        let elapsed = clock.measure { text = HTMLText.plainText(html) }
        #expect(text.hasPrefix("Paragraph with & entity ش and bold\n\nParagraph"))
        #expect(text.components(separatedBy: "\n\n").count == 20_000)
        // ~1.7 MB: a quadratic scan would take minutes; the linear pass takes well under a second.
        #expect(elapsed < .seconds(10))
    }

    @Test func pathologicalInputs() {
        // Thousands of unclosed tags, comments and entity starts must neither crash nor stall.
        let inputs = [
            String(repeating: "<a ", count: 50_000), String(repeating: "<!--", count: 50_000),
            String(repeating: "&#", count: 50_000), String(repeating: "<a title=\"", count: 50_000),
            String(repeating: "&amp", count: 50_000),
        ]
        for input in inputs { _ = HTMLText.plainText(input) }
        #expect(HTMLText.plainText(String(repeating: "&amp", count: 3)) == "&&&")
    }
}
