#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte transcoding through the C library's iconv, which knows the legacy charsets (windows-1256,
/// ISO-8859-6...) that Foundation on Linux does not.
enum IConv {
    enum Failure: Error {
        /// iconv has no converter for this charset name.
        case unsupportedCharset
        /// The bytes are not valid in the source charset (or end mid-character).
        case invalidInput
    }

    /// `bytes` converted from `charset` (any name iconv accepts) to UTF-8.
    static func toUTF8(_ bytes: [UInt8], from charset: String) throws(Failure) -> [UInt8] {
        let descriptor = iconv_open("UTF-8", charset)
        // iconv_open reports failure as (iconv_t)-1, not as nil.
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { throw .unsupportedCharset }
        defer { iconv_close(descriptor) }
        guard !bytes.isEmpty else { return [] }

        var input = bytes
        // Most legacy charsets grow by at most 3x into UTF-8 (one byte to a BMP character).
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        var produced = 0
        var failed = false
        input.withUnsafeMutableBufferPointer { inputBuffer in
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inputBuffer.baseAddress!)
                .assumingMemoryBound(to: CChar.self)
            var inLeft = inputBuffer.count
            while inLeft > 0 {
                if output.count - produced < 16 { output.append(contentsOf: repeatElement(0, count: output.count)) }
                let converted = output.withUnsafeMutableBufferPointer { outputBuffer -> (Int, Int32) in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(
                        outputBuffer.baseAddress! + produced
                    ).assumingMemoryBound(to: CChar.self)
                    var outLeft = outputBuffer.count - produced
                    let before = outLeft
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    let errorCode = result == -1 ? errno : 0
                    return (before - outLeft, errorCode)
                }
                produced += converted.0
                if converted.1 == E2BIG { continue }
                if converted.1 != 0 {
                    failed = true
                    return
                }
            }
        }
        if failed { throw .invalidInput }
        output.removeSubrange(produced...)
        return output
    }
}
