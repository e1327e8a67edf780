/// The attributes of a start tag, values decoded, namespace declarations left out.
///
/// A list rather than a dictionary: elements carry a handful of attributes, and hashing them all
/// would cost more than the few lookups made.
struct XMLAttributes {
    var list: [(name: String, value: String)]

    init(_ list: [(name: String, value: String)] = []) {
        self.list = list
    }

    /// The value of the attribute with this qualified name.
    subscript(_ name: String) -> String? {
        for attribute in list where attribute.name == name { return attribute.value }
        return nil
    }

    /// The value of the attribute with this name in any case (CDF writes `HREF`).
    func value(ignoringCase name: String) -> String? {
        for attribute in list where attribute.name.lowercased() == name { return attribute.value }
        return nil
    }

    /// The value of the first attribute whose local name (after any prefix) is `localName`.
    func value(localName: String) -> String? {
        for attribute in list {
            let local = attribute.name.split(separator: ":").last.map(String.init) ?? attribute.name
            if local == localName { return attribute.value }
        }
        return nil
    }
}
