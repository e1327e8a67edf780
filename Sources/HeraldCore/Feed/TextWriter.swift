/// The output side of `HTMLTextRenderer`: collects UTF-8 and applies the whitespace rules.
///
/// Spaces and breaks are held back until the next visible character, so leading and trailing
/// whitespace never reaches the output and a break swallows the spaces around it.
struct TextWriter {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false
    private var pendingBreaks = 0

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func space() {
        pendingSpace = true
    }

    /// A `<br>`: two in a row make a paragraph break, more do not add further blank lines.
    mutating func lineBreak() {
        pendingBreaks = min(pendingBreaks + 1, 2)
    }

    mutating func paragraphBreak() {
        pendingBreaks = 2
    }

    mutating func append(_ run: UnsafeBufferPointer<UInt8>.SubSequence) {
        guard !run.isEmpty else { return }
        flush()
        bytes.append(contentsOf: run)
    }

    mutating func append(scalar value: UInt32) {
        // NBSP is a space for matching purposes: "&nbsp;" between words must not glue them together.
        if value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D || value == 0x0C || value == 0xA0 {
            space()
            return
        }
        guard let scalar = Unicode.Scalar(value) else { return }
        flush()
        bytes.append(contentsOf: scalar.utf8)
    }

    private mutating func flush() {
        defer {
            pendingSpace = false
            pendingBreaks = 0
        }
        guard !bytes.isEmpty else { return }
        if pendingBreaks > 0 {
            bytes.append(contentsOf: pendingBreaks == 1 ? [0x0A] : [0x0A, 0x0A])
        } else if pendingSpace {
            bytes.append(0x20)
        }
    }
}
