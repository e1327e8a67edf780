/// An author or contributor as the feed names them: Atom `author`, RSS `author`/`dc:creator`,
/// JSON Feed `authors`. Every part is optional because publishers give whichever they like.
public struct Person: Sendable, Hashable, Codable {
    public var name: String?
    public var email: String?
    /// The person's home page (Atom `uri`, Atom 0.3 `url`, JSON Feed `url`).
    public var url: String?

    public init(name: String? = nil, email: String? = nil, url: String? = nil) {
        self.name = name
        self.email = email
        self.url = url
    }

    /// The name, else the email address, else the URL: what a listing shows.
    public var displayName: String? { name ?? email ?? url }
}

/// A category with what the feed says about it: Atom `term`/`scheme`/`label`, RSS `category` and
/// its `domain`, `dc:subject`, JSON Feed `tags`.
public struct FeedCategory: Sendable, Hashable, Codable {
    public var term: String
    /// The vocabulary the term belongs to (Atom `scheme`, RSS `domain`).
    public var scheme: String?
    /// A human-readable form of the term (Atom `label`).
    public var label: String?

    public init(term: String, scheme: String? = nil, label: String? = nil) {
        self.term = term
        self.scheme = scheme
        self.label = label
    }
}
