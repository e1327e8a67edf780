import CCurl
import Foundation

/// The state of one easy handle while libcurl runs it. Owned by the client's curl thread from the
/// moment it is added to the multi handle until it completes; the C callbacks reach it through
/// their `userdata` pointer.
final class CurlTransfer {
    let id: UInt64
    let request: HTTPRequest
    let continuation: CheckedContinuation<HTTPResponse, any Error>
    let easy: UnsafeMutableRawPointer
    var body = Data()
    var headers: [(name: String, value: String)] = []
    var redirects: [HTTPResponse.Redirect] = []
    var currentStatus = 0
    var pendingLocation: String?
    /// Header bytes seen so far, over every hop, against `request.maxHeaderBytes`.
    var headerBytes = 0
    /// The body was cut at the cap on purpose (`HTTPRequest.truncateBody`).
    var bodyTruncated = false
    /// Set by a callback that stopped the transfer on purpose; it explains the failure better than
    /// libcurl's "write error".
    var abortReason: HTTPError?
    /// The last connection the address guard refused. libcurl goes on to the host's other addresses,
    /// so this is the reason for a failure only if no address worked.
    var refusedConnection: HTTPError?
    let addressPolicy: NetworkAddressPolicy
    var requestHeaders: UnsafeMutablePointer<curl_slist>?
    /// libcurl writes its detailed error message here; it must outlive the transfer.
    let errorBuffer: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        buffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        return buffer
    }()

    init(
        id: UInt64, request: HTTPRequest, continuation: CheckedContinuation<HTTPResponse, any Error>,
        easy: UnsafeMutableRawPointer, addressPolicy: NetworkAddressPolicy
    ) {
        self.id = id
        self.request = request
        self.continuation = continuation
        self.easy = easy
        self.addressPolicy = addressPolicy
    }

    deinit {
        curl_slist_free_all(requestHeaders)
        curl_easy_cleanup(easy)
        errorBuffer.deallocate()
    }

    /// Sets every option of the request on the easy handle. Returns an error for a URL libcurl
    /// must not be asked to fetch.
    func configure(userAgent: String) -> HTTPError? {
        let url = request.url
        let scheme = url.scheme?.lowercased() ?? ""
        let allowed = request.allowFile ? ["http", "https", "file"] : ["http", "https"]
        guard allowed.contains(scheme) else {
            let hint = scheme == "file" ? "; set allow_file: true on the feed to read local files" : ""
            return HTTPError(.protocolNotAllowed, url: url, message: "scheme '\(scheme)' is not allowed\(hint)")
        }
        let me = Unmanaged.passUnretained(self).toOpaque()
        set(CURLOPT_URL, url.absoluteString)
        set(CURLOPT_PROTOCOLS_STR, allowed.joined(separator: ","))
        // Redirects may never lead to file:, whatever the feed allows.
        set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        set(CURLOPT_USERAGENT, userAgent)
        // "" asks for every encoding this libcurl was built with (gzip, deflate, br, zstd) and
        // makes it decode them, so the write callback sees — and caps — decompressed bytes.
        set(CURLOPT_ACCEPT_ENCODING, "")
        set(CURLOPT_NOSIGNAL, 1)
        set(CURLOPT_FOLLOWLOCATION, request.followRedirects ? 1 : 0)
        set(CURLOPT_MAXREDIRS, request.maxRedirects)
        set(CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeout.milliseconds)
        set(CURLOPT_TIMEOUT_MS, request.timeout.milliseconds)
        set(CURLOPT_LOW_SPEED_LIMIT, request.minimumSpeed)
        set(CURLOPT_LOW_SPEED_TIME, max(1, request.slowTimeout.milliseconds / 1000))
        // Explicit although they are libcurl's defaults: a build or an environment that relaxes
        // them must not silently turn feeds into unauthenticated downloads.
        set(CURLOPT_SSL_VERIFYPEER, 1)
        set(CURLOPT_SSL_VERIFYHOST, 2)
        set(CURLOPT_SSLVERSION, Int(CURL_SSLVERSION_TLSv1_2))
        // Every socket is opened by the address guard (which lets allowed addresses through).
        herald_easy_setopt_pointer(easy, CURLOPT_OPENSOCKETDATA, me)
        herald_easy_setopt_opensocket_callback(easy, CURLOPT_OPENSOCKETFUNCTION, curlOpenSocketCallback)
        // A reused connection opens no socket: the guard looks again at the address of the
        // connection each request is about to be sent on, so a guarded transfer never rides one a
        // transfer allowed on private networks left in the pool.
        herald_easy_setopt_pointer(easy, CURLOPT_PREREQDATA, me)
        herald_easy_setopt_prereq_callback(easy, CURLOPT_PREREQFUNCTION, curlPrerequestCallback)
        herald_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)
        herald_easy_setopt_pointer(easy, CURLOPT_PRIVATE, me)
        herald_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, me)
        herald_easy_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION, curlWriteCallback)
        herald_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, me)
        herald_easy_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION, curlHeaderCallback)
        for header in request.headers {
            requestHeaders = curl_slist_append(requestHeaders, "\(header.name): \(header.value)")
        }
        if request.method != .get {
            if request.method != .post { set(CURLOPT_CUSTOMREQUEST, request.method.rawValue) }
            var body = Array(request.body ?? Data())
            // No "Expect: 100-continue" round trip for small webhook bodies.
            requestHeaders = curl_slist_append(requestHeaders, "Expect:")
            set(CURLOPT_POST, 1)
            herald_easy_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            // COPYPOSTFIELDS makes libcurl keep its own copy, so the bytes need not outlive this call.
            _ = body.withUnsafeMutableBytes { bytes in
                herald_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, bytes.baseAddress)
            }
        }
        if let requestHeaders { herald_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, requestHeaders) }
        return nil
    }

    private func set(_ option: CURLoption, _ value: String) {
        herald_easy_setopt_string(easy, option, value)
    }

    private func set(_ option: CURLoption, _ value: Int) {
        herald_easy_setopt_long(easy, option, value)
    }

    /// Builds the outcome once libcurl reports the transfer done.
    func finish(code: CURLcode) -> Result<HTTPResponse, HTTPError> {
        let url = request.url
        if let abortReason { return .failure(abortReason) }
        guard code == CURLE_OK || (bodyTruncated && code == CURLE_WRITE_ERROR) else {
            if let refusedConnection { return .failure(refusedConnection) }
            if code == CURLE_OUT_OF_MEMORY && body.isEmpty {
                // libcurl refuses one header line over CURL_MAX_HTTP_HEADER (100 KiB) with this
                // code, before the header callback sees any of it.
                return .failure(
                    HTTPError(
                        .headersTooLarge, url: url,
                        message: "a response header line exceeds libcurl's \(CURL_MAX_HTTP_HEADER)-byte limit"))
            }
            let detail = String(cString: errorBuffer)
            var message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            let kind = Self.kind(of: code)
            if kind == .truncated { message = "response truncated: \(message)" }
            return .failure(HTTPError(kind, url: url, message: message))
        }
        var status = 0
        herald_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafePointer<CChar>?
        herald_easy_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &effective)
        let effectiveURL = effective.flatMap { URL(string: String(cString: $0)) } ?? url
        // file: transfers have no status line; treat a successful read as 200.
        var response = HTTPResponse(
            status: status == 0 ? 200 : status, headers: headers, body: body, effectiveURL: effectiveURL,
            redirects: redirects)
        response.bodyTruncated = bodyTruncated
        return .success(response)
    }

    static func kind(of code: CURLcode) -> HTTPError.Kind {
        switch code {
        case CURLE_OPERATION_TIMEDOUT: .timeout
        case CURLE_COULDNT_CONNECT: .connect
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: .resolve
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM: .tls
        case CURLE_TOO_MANY_REDIRECTS: .tooManyRedirects
        case CURLE_PARTIAL_FILE: .truncated
        case CURLE_UNSUPPORTED_PROTOCOL: .protocolNotAllowed
        case CURLE_ABORTED_BY_CALLBACK: .cancelled
        default: .transfer
        }
    }

    /// Records one header line; a new status line (after a redirect) starts a new header block.
    func receiveHeaderLine(_ raw: String) {
        let line = Self.trimmed(raw[...])
        if line.hasPrefix("HTTP/") {
            let parts = line.split(separator: " ", maxSplits: 2)
            let status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            if (300..<400).contains(currentStatus), let location = pendingLocation, status != 100 {
                redirects.append(.init(status: currentStatus, location: location))
            }
            if status != 100 {
                currentStatus = status
                pendingLocation = nil
                headers.removeAll()
            }
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(Self.trimmed(line[..<colon]))
        let value = String(Self.trimmed(line[line.index(after: colon)...]))
        if name.lowercased() == "location" { pendingLocation = value }
        headers.append((name, value))
    }

    /// Without ASCII spaces, tabs and line ends at either end: all HTTP allows around a header.
    static func trimmed(_ text: Substring) -> Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let first = text.firstIndex(where: { !blank($0) }) else { return "" }
        let last = text.lastIndex(where: { !blank($0) })!
        return text[first...last]
    }
}
