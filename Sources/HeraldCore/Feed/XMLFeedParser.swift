import Foundation

/// Reads RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 documents.
enum XMLFeedParser {
    static func parse(_ data: Data, contentType: String?, url: URL?) throws(FeedParseError) -> ParsedFeed {
        let decoded = try FeedCharset.decode(data, contentType: contentType)
        let bytes = decoded.bytes
        switch XMLPrescan.root(bytes) {
        case .html:
            throw FeedParseError(.notAFeed, "document is an HTML page, not a feed")
        case .none:
            throw FeedParseError(.notAFeed, "document has no XML root element")
        case .element:
            break
        }
        let handler = XMLFeedHandler(documentURL: url)
        try bytes.withUnsafeBufferPointer { (buffer) throws(FeedParseError) in
            try run(buffer, into: handler)
        }
        guard var feed = handler.result() else {
            throw FeedParseError(.notAFeed, "document has no XML root element")
        }
        feed.encoding = decoded.label
        feed.encodingReason = decoded.reason
        feed.problems = decoded.problems + feed.problems
        return feed
    }

    /// Feeds the scanner's tokens to the handler, resolving namespaces and decoding text on the way.
    private static func run(_ buffer: UnsafeBufferPointer<UInt8>, into handler: XMLFeedHandler) throws(FeedParseError) {
        var scanner = XMLScanner(buffer)
        var decoder: XMLReferenceDecoder?
        var scopes = XMLNamespaceScopes()
        var names: [(local: String, qualified: String)] = []
        var text: [UInt8] = []
        while let token = try scanner.next() {
            // The doctype, if any, precedes the first tag, so the decoder can be made at the first token.
            if decoder == nil { decoder = XMLReferenceDecoder(buffer, doctype: scanner.doctype) }
            switch token {
            case .start(let nameRange, let selfClosing):
                var attributes: [(name: String, value: String)] = []
                if !scanner.attributes.isEmpty { attributes.reserveCapacity(scanner.attributes.count) }
                for attribute in scanner.attributes {
                    text.removeAll(keepingCapacity: true)
                    try decoder!.append(attribute.value, to: &text)
                    attributes.append((scanner.string(attribute.name), attributeValue(text)))
                }
                attributes = scopes.enter(attributes)
                if names.isEmpty {
                    handler.rootDefaultNamespace = scopes.uri(forPrefix: "")
                    handler.doctypeID = scanner.doctype.externalID
                }
                let qualified = scanner.string(nameRange)
                let (local, namespace) = resolve(qualified, in: scopes, handler: handler)
                handler.startElement(
                    local, namespace: namespace, qualifiedName: qualified, attributes: XMLAttributes(attributes))
                if let failure = handler.failure { throw failure }
                if selfClosing {
                    handler.endElement(local)
                    scopes.leave()
                } else {
                    names.append((local, qualified))
                }
            case .end:
                handler.endElement(names.popLast()?.local ?? "")
                scopes.leave()
            case .text(let range):
                guard handler.isCapturing else { continue }
                if handler.capturesTextAsIs {
                    try handler.appendText { (output) throws(FeedParseError) in try decoder!.append(range, to: &output)
                    }
                    continue
                }
                text.removeAll(keepingCapacity: true)
                try decoder!.append(range, to: &text)
                text.withUnsafeBufferPointer { handler.characters($0) }
            case .cdata(let range):
                guard handler.isCapturing else { continue }
                handler.characters(UnsafeBufferPointer(rebasing: buffer[range]))
            }
        }
        if scanner.endsInsideRootEndTag {
            handler.noteProblem("the document ends before the '>' of its last end tag")
        }
        if let name = decoder?.htmlEntity {
            handler.noteProblem("HTML entity &\(name); is not defined in XML")
        }
        if decoder?.sawBareAmpersand == true {
            handler.noteProblem("'&' not escaped as &amp;")
        }
    }

    /// Local name and namespace URI of a qualified name. An undeclared prefix is an error XML
    /// parsers forgive in feeds: it gets its conventional namespace, if it has one.
    private static func resolve(_ qualified: String, in scopes: XMLNamespaceScopes, handler: XMLFeedHandler)
        -> (String, String)
    {
        guard let colon = qualified.utf8.firstIndex(of: UInt8(ascii: ":")) else {
            return (qualified, scopes.uri(forPrefix: "") ?? "")
        }
        let prefix = qualified[..<colon]
        let local = String(qualified[qualified.utf8.index(after: colon)...])
        return (local, scopes.uri(forPrefix: prefix) ?? handler.namespace(undeclaredPrefix: prefix))
    }

    /// An attribute value with XML's normalisation: each tab, newline or carriage return is a space.
    private static func attributeValue(_ bytes: [UInt8]) -> String {
        guard bytes.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(decoding: bytes.map { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }, as: UTF8.self)
    }
}
