/// The namespace bindings in effect at each element, for resolving prefixes to URIs.
///
/// A flat list of bindings plus the count each element added: elements that declare nothing (nearly
/// all of them) cost one integer.
struct XMLNamespaceScopes {
    private var bindings: [(prefix: Substring, uri: String)] = [("xml", "http://www.w3.org/XML/1998/namespace")]
    private var added: [Int] = []

    /// Enters an element whose attributes are `attributes` (qualified name, value). Returns the
    /// attributes that are not namespace declarations.
    mutating func enter(_ attributes: [(name: String, value: String)]) -> [(name: String, value: String)] {
        // Most elements declare nothing: no need to build a second list.
        guard attributes.contains(where: { $0.name.utf8.starts(with: "xmlns".utf8) }) else {
            added.append(0)
            return attributes
        }
        var declared = 0
        var others: [(name: String, value: String)] = []
        for attribute in attributes {
            if attribute.name == "xmlns" {
                bindings.append(("", attribute.value))
                declared += 1
            } else if attribute.name.hasPrefix("xmlns:") {
                bindings.append((attribute.name.dropFirst(6), attribute.value))
                declared += 1
            } else {
                others.append(attribute)
            }
        }
        added.append(declared)
        return declared == 0 ? attributes : others
    }

    mutating func leave() {
        guard let count = added.popLast() else { return }
        bindings.removeLast(count)
    }

    /// The URI bound to a prefix ("" for the default namespace); nil when undeclared. An empty
    /// default declaration (`xmlns=""`) means no namespace and returns "".
    func uri(forPrefix prefix: Substring) -> String? {
        for binding in bindings.reversed() where binding.prefix == prefix { return binding.uri }
        return prefix.isEmpty ? "" : nil
    }
}
