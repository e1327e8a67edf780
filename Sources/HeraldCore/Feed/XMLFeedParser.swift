import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 documents.
enum XMLFeedParser {
    static func parse(_ data: Data, contentType: String?, url: URL?) throws(FeedParseError) -> ParsedFeed {
        var bytes = try FeedCharset.utf8Document(data, contentType: contentType)
        switch XMLPrescan.root(bytes) {
        case .html:
            throw FeedParseError(.notAFeed, "document is an HTML page, not a feed")
        case .none:
            throw FeedParseError(.notAFeed, "document has no XML root element")
        case .element:
            break
        }
        bytes = XMLPrescan.repairingReferences(bytes)

        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        // Feeds never need external entities, and resolving them would let a document make us fetch URLs.
        parser.shouldResolveExternalEntities = false
        let handler = XMLFeedHandler(documentURL: url)
        parser.delegate = handler
        _ = parser.parse()
        parser.delegate = nil

        if let failure = handler.failure { throw failure }
        // libxml2 reports some errors (a truncated document) without a delegate callback.
        if let error = parser.parserError, !XMLErrorMessage.isNamespaceError((error as NSError).code) {
            let code = (error as NSError).code
            throw FeedParseError(
                .malformed, "XML is malformed: " + XMLErrorMessage.text(forCode: code),
                line: parser.lineNumber > 0 ? parser.lineNumber : nil)
        }
        guard let feed = handler.result() else {
            throw FeedParseError(.notAFeed, "document has no XML root element")
        }
        return feed
    }
}
