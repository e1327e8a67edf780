import CCurl
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

// libcurl's C callbacks. Each runs on the curl thread, inside `curl_multi_perform`, and reaches its
// transfer through the `userdata` pointer set in `CurlTransfer.configure`.

func curlWriteCallback(
    data: UnsafeMutablePointer<CChar>?, size: Int, count: Int, context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    if transfer.body.count + length > transfer.request.maxBodyBytes {
        if transfer.request.truncateBody {
            let room = max(0, transfer.request.maxBodyBytes - transfer.body.count)
            data.withMemoryRebound(to: UInt8.self, capacity: room) { transfer.body.append($0, count: room) }
            transfer.bodyTruncated = true
            return 0  // stop reading; `finish` still reports the response
        }
        let message = "body exceeds the \(transfer.request.maxBodyBytes)-byte cap (counted after decompression)"
        transfer.abortReason = HTTPError(.bodyTooLarge, url: transfer.request.url, message: message)
        return 0  // makes libcurl abort with CURLE_WRITE_ERROR
    }
    data.withMemoryRebound(to: UInt8.self, capacity: length) { transfer.body.append($0, count: length) }
    return length
}

func curlHeaderCallback(
    data: UnsafeMutablePointer<CChar>?, size: Int, count: Int, context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    transfer.headerBytes += length
    if transfer.headerBytes > transfer.request.maxHeaderBytes {
        let message = "response headers exceed the \(transfer.request.maxHeaderBytes)-byte cap"
        transfer.abortReason = HTTPError(.headersTooLarge, url: transfer.request.url, message: message)
        return 0
    }
    let line = data.withMemoryRebound(to: UInt8.self, capacity: length) {
        String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }
    transfer.receiveHeaderLine(line)
    return length
}

/// Opens the socket for every connection libcurl makes, after refusing addresses the request may
/// not reach. Here, rather than on the URL's host name, because only the resolved address tells:
/// a public-looking name may resolve to 127.0.0.1, now or on the next lookup (DNS rebinding), and
/// a redirect may lead anywhere.
func curlOpenSocketCallback(
    context: UnsafeMutableRawPointer?, purpose: curlsocktype, address: UnsafeMutablePointer<curl_sockaddr>?
) -> curl_socket_t {
    guard let context, let address else { return CURL_SOCKET_BAD }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let target = address.pointee
    if !transfer.request.allowPrivateNetwork {
        guard let ip = IPAddress(socketAddress: address) else {
            transfer.refusedConnection = transfer.blockedError("an address of family \(target.family)", "not IP")
            return CURL_SOCKET_BAD
        }
        if transfer.refuses(ip) { return CURL_SOCKET_BAD }
    }
    // Close-on-exec, so that a program Herald starts (an exec sink) inherits no feed connection.
    return socket(target.family, target.socktype | Int32(SOCK_CLOEXEC.rawValue), target.protocol)
}

/// Checks the address of the connection a request is about to be sent on, new or reused (a
/// reused one opened no socket, so `curlOpenSocketCallback` did not see it for this transfer).
func curlPrerequestCallback(
    context: UnsafeMutableRawPointer?, primaryIP: UnsafeMutablePointer<CChar>?, localIP: UnsafeMutablePointer<CChar>?,
    primaryPort: Int32, localPort: Int32
) -> Int32 {
    guard let context else { return Int32(CURL_PREREQFUNC_ABORT) }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    if transfer.request.allowPrivateNetwork { return Int32(CURL_PREREQFUNC_OK) }
    let text = primaryIP.map { String(cString: $0) } ?? ""
    // No address: no network connection (a `file:` feed, which `allow_file` guards).
    if text.isEmpty { return Int32(CURL_PREREQFUNC_OK) }
    guard let ip = IPAddress(text) else {
        transfer.refusedConnection = transfer.blockedError("the address \"\(text)\"", "not IP")
        return Int32(CURL_PREREQFUNC_ABORT)
    }
    return transfer.refuses(ip) ? Int32(CURL_PREREQFUNC_ABORT) : Int32(CURL_PREREQFUNC_OK)
}

extension CurlTransfer {
    /// Whether the address policy refuses `ip` for this transfer; when it does, the transfer
    /// fails with the reason (`refusedConnection`).
    func refuses(_ ip: IPAddress) -> Bool {
        guard let reason = addressPolicy.refusal(for: ip) else { return false }
        refusedConnection = blockedError("\(ip)", reason)
        return true
    }

    /// The error for a refused connection, naming the address and the hop that led there.
    func blockedError(_ address: String, _ reason: String) -> HTTPError {
        var hop: UnsafePointer<CChar>?
        herald_easy_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &hop)
        let hopURL = hop.map { String(cString: $0) } ?? request.url.absoluteString
        return HTTPError(
            .blockedAddress, url: request.url,
            message: "refused to connect to \(address) (\(reason)) for \(hopURL): private networks are off limits "
                + "to this feed; set allow_private_network: true on the feed if this is intended")
    }
}

extension IPAddress {
    /// The address in libcurl's `curl_sockaddr`, whose `addr` member is the start of a
    /// `sockaddr_in` or `sockaddr_in6` of `addrlen` bytes.
    init?(socketAddress: UnsafeMutablePointer<curl_sockaddr>) {
        let family = socketAddress.pointee.family
        let length = Int(socketAddress.pointee.addrlen)
        guard let offset = MemoryLayout<curl_sockaddr>.offset(of: \.addr) else { return nil }
        let raw = UnsafeRawPointer(socketAddress) + offset
        switch family {
        case AF_INET where length >= MemoryLayout<sockaddr_in>.size:
            let ipv4 = raw.loadUnaligned(as: sockaddr_in.self)
            self.init(bytes: withUnsafeBytes(of: ipv4.sin_addr) { Array($0) })
        case AF_INET6 where length >= MemoryLayout<sockaddr_in6>.size:
            let ipv6 = raw.loadUnaligned(as: sockaddr_in6.self)
            self.init(bytes: withUnsafeBytes(of: ipv6.sin6_addr) { Array($0) })
        default:
            return nil
        }
    }
}
