import Foundation
import HeraldCore

/// Conditional GET of feed documents over the shared `HTTPClient`.
public struct FeedFetcher: FeedFetching {
    public let client: HTTPClient

    public init(client: HTTPClient) {
        self.client = client
    }

    public func fetch(_ request: FeedFetchRequest) async -> FeedFetchOutcome {
        var headers: [(name: String, value: String)] = [
            (
                "Accept",
                "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"
            )
        ]
        if let etag = request.etag { headers.append(("If-None-Match", etag)) }
        if let lastModified = request.lastModified { headers.append(("If-Modified-Since", lastModified)) }
        let http = HTTPRequest(
            url: request.url, headers: headers, allowFile: request.allowFile,
            allowPrivateNetwork: request.allowPrivateNetwork, connectTimeout: min(.seconds(10), request.timeout),
            timeout: request.timeout, slowTimeout: min(.seconds(15), request.timeout),
            maxBodyBytes: request.maxBodyBytes)
        let response: HTTPResponse
        do {
            response = try await client.execute(http)
        } catch let error as HTTPError {
            return .failed(Self.failure(for: error))
        } catch {
            return .failed(FeedFetchFailure(kind: .network, message: "\(error)"))
        }
        switch response.status {
        case 200..<300:
            return .fetched(
                FetchedDocument(
                    body: response.body, contentType: response.header("Content-Type"), etag: response.header("ETag"),
                    lastModified: response.header("Last-Modified"), finalURL: response.effectiveURL,
                    permanentRedirect: response.permanentRedirectTarget, freshFor: Self.freshness(of: response)))
        case 304:
            return .notModified(freshFor: Self.freshness(of: response))
        default:
            // Honoured where RFC 9110 gives it a meaning for a failure: "come back later".
            let asksToWait = response.status == 429 || response.status == 503
            let retryAfter = asksToWait ? response.header("Retry-After").flatMap { parseRetryAfter($0) } : nil
            return .failed(
                FeedFetchFailure(
                    kind: .httpStatus, status: response.status, retryAfter: retryAfter,
                    message: "HTTP \(response.status) from \(response.effectiveURL.absoluteString)"))
        }
    }

    static func freshness(of response: HTTPResponse) -> Duration? {
        let cacheControl = response.headerValues("Cache-Control")
        return parseFreshness(
            cacheControl: cacheControl.isEmpty ? nil : cacheControl.joined(separator: ", "),
            expires: response.header("Expires"), date: response.header("Date"), age: response.header("Age"))
    }

    static func failure(for error: HTTPError) -> FeedFetchFailure {
        let kind: FeedFetchFailure.Kind =
            switch error.kind {
            case .timeout: .timeout
            case .connect, .resolve, .truncated, .cancelled, .transfer: .network
            case .tls: .tls
            case .tooManyRedirects: .redirects
            case .bodyTooLarge, .headersTooLarge: .tooLarge
            case .protocolNotAllowed, .blockedAddress: .refused
            }
        return FeedFetchFailure(kind: kind, message: error.description)
    }
}
