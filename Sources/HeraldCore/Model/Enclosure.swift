/// A media file attached to an item: a podcast episode, an image, a PDF.
public struct Enclosure: Sendable, Hashable, Codable {
    /// Absolute when the document gave a base to resolve it against.
    public var url: String
    /// The MIME type the publisher declared.
    public var type: String?
    /// Size in bytes as declared; nil when absent or not a number (publishers often write 0 or junk).
    public var length: Int64?

    public init(url: String, type: String? = nil, length: Int64? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }
}
