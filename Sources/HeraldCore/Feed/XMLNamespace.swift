/// The namespace URIs feed elements are matched on. Prefixes are the publisher's choice; only the
/// URI (with `XMLParser.shouldProcessNamespaces`) identifies a vocabulary.
enum XMLNamespace {
    static let none = ""
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    /// Used as a default namespace by a few early RSS 2.0 generators.
    static let rss20Userland = "http://backend.userland.com/rss2"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let atom10 = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let dublinCoreTerms = "http://purl.org/dc/terms/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let xhtml = "http://www.w3.org/1999/xhtml"
    static let media = "http://search.yahoo.com/mrss/"
    /// The scheme Media RSS gives categories that name none.
    static let mediaCategoryScheme = "http://search.yahoo.com/mrss/category_schema"
    /// The scheme of iTunes podcast categories.
    static let iTunesCategoryScheme = "http://www.itunes.com/"

    /// Media RSS, also met without its trailing slash.
    static func isMedia(_ namespace: String) -> Bool {
        namespace == media || namespace == "http://search.yahoo.com/mrss"
    }

    /// Apple's podcast namespace, which publishers spell with any capitalisation.
    static func isITunes(_ namespace: String) -> Bool {
        namespace.utf8.count == 42 && namespace.lowercased() == "http://www.itunes.com/dtds/podcast-1.0.dtd"
    }
}
