/// Readable text for `XMLParser` errors. On Linux the parser reports only libxml2's error number
/// (its `xmlParserErrors`, which `XMLParser.ErrorCode`'s cases do not line up with), and a number
/// means nothing to a user reading why a feed is broken.
enum XMLErrorMessage {
    /// libxml2's namespace errors (`XML_NS_ERR_*`, 200-299), such as an undeclared `dc:` prefix.
    /// The document is still well-formed XML; the handler recovers by guessing the namespace.
    static func isNamespaceError(_ code: Int) -> Bool {
        (200..<300).contains(code)
    }

    static func text(forCode code: Int) -> String {
        switch code {
        case 3, 4: "document does not start with XML markup"
        // In the push parser libxml2 uses XML_ERR_DOCUMENT_END for data ending inside the root element.
        case 5: "document ends prematurely or has content after its root element"
        case 6, 7, 8: "invalid character reference"
        case 9: "invalid character"
        case 10...25: "malformed entity or character reference"
        case 26, 27: "undefined entity"
        case 31, 32, 79, 81: "unsupported character encoding"
        case 33, 34, 43, 44: "unterminated quoted string"
        case 35: "invalid namespace declaration"
        case 38: "'<' inside an attribute value"
        case 39, 40, 41: "malformed attribute"
        case 42: "attribute given twice"
        case 45, 80: "malformed comment"
        case 46, 47, 56, 57, 64: "malformed XML declaration or processing instruction"
        case 61: "malformed DOCTYPE"
        case 62: "']]>' outside a CDATA section"
        case 63: "unterminated CDATA section"
        case 65: "whitespace expected"
        case 68: "element or attribute name expected"
        case 72, 74: "start or end tag expected"
        case 73, 77: "unfinished tag"
        case 75: "'=' expected after an attribute name"
        case 76: "closing tag does not match the open element"
        case 85: "elements are not properly nested or closed"
        case 86: "extra content after the document's root element"
        case 87, 89, 90, 104: "entity references loop or expand too much"
        case 110: "name too long"
        default: "XML error \(code)"
        }
    }
}
