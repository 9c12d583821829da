import CCurl

/// Fetches a page or a feed over HTTP(S) with libcurl, for `claims ingest URL`: redirects
/// followed (at most 5, HTTP and HTTPS only), a connect timeout and a whole-transfer timeout, a
/// size limit (`--max-bytes`) enforced while receiving, compressed transfer accepted. The
/// `Content-Type` header gives the charset when the page's `<meta>` does not.
public struct WebFetcher: Sendable {
    public struct Options: Sendable {
        public var connectTimeoutSeconds = 10
        public var timeoutSeconds = 30
        public var maxBytes = 50 * 1024 * 1024
        public var maxRedirects = 5
        public init() {}
    }

    public struct Response: Sendable {
        /// The address after redirects.
        public let url: String
        public let status: Int
        public let contentType: String?
        public let body: [UInt8]
    }

    public let options: Options
    public init(options: Options = Options()) { self.options = options }

    public static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// The response, or an `InputProblem` saying what went wrong (unreachable, timeout, too
    /// large, an HTTP error status).
    public func fetch(_ url: String) throws -> Response {
        guard let handle = curl_easy_init() else { throw InputProblem(location: url, reason: "cannot start an HTTP transfer") }
        defer { curl_easy_cleanup(handle) }
        let sink = Sink(limit: options.maxBytes)
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { errorPointer in
            withExtendedLifetime(sink) {
                _ = claims_curl_set_string(handle, CURLOPT_URL, url)
                _ = claims_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 1)
                _ = claims_curl_set_long(handle, CURLOPT_MAXREDIRS, options.maxRedirects)
                _ = claims_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
                _ = claims_curl_set_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
                _ = claims_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, options.connectTimeoutSeconds)
                _ = claims_curl_set_long(handle, CURLOPT_TIMEOUT, options.timeoutSeconds)
                _ = claims_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
                _ = claims_curl_set_long(handle, CURLOPT_MAXFILESIZE, options.maxBytes)
                _ = claims_curl_set_string(handle, CURLOPT_ACCEPT_ENCODING, "")
                _ = claims_curl_set_string(handle, CURLOPT_USERAGENT, "claims (Arabic news claims database)")
                _ = claims_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorPointer.baseAddress)
                _ = claims_curl_set_pointer(handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque())
                _ = claims_curl_set_write_function(handle) { data, size, count, context in
                    let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
                    let length = size * count
                    if sink.bytes.count + length > sink.limit { sink.overLimit = true; return 0 }
                    data.map { sink.bytes.append(contentsOf: UnsafeRawBufferPointer(start: $0, count: length)) }
                    return length
                }
                return curl_easy_perform(handle)
            }
        }
        guard code == CURLE_OK else {
            if sink.overLimit || code == CURLE_FILESIZE_EXCEEDED {
                throw InputProblem(location: url, reason: "larger than the limit of \(options.maxBytes) bytes (raise it with --max-bytes)")
            }
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let reason = code == CURLE_OPERATION_TIMEDOUT ? "timed out" : code == CURLE_TOO_MANY_REDIRECTS ? "too many redirects" : "cannot fetch"
            throw InputProblem(location: url, reason: "\(reason): \(detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail)")
        }
        var status = 0
        _ = claims_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var typePointer: UnsafeMutablePointer<CChar>?
        _ = claims_curl_get_string(handle, CURLINFO_CONTENT_TYPE, &typePointer)
        var effectivePointer: UnsafeMutablePointer<CChar>?
        _ = claims_curl_get_string(handle, CURLINFO_EFFECTIVE_URL, &effectivePointer)
        let response = Response(url: effectivePointer.map { String(cString: $0) } ?? url, status: status,
                                contentType: typePointer.map { String(cString: $0) }, body: sink.bytes)
        guard (200..<300).contains(status) else { throw InputProblem(location: url, reason: "HTTP status \(status)") }
        return response
    }

    /// Where the received bytes go (the write callback's context).
    private final class Sink {
        var bytes: [UInt8] = []
        let limit: Int
        var overLimit = false
        init(limit: Int) { self.limit = limit }
    }
}

extension WebInputReader {
    /// Fetches `url` and reads it as a page, a feed, a web archive or a CSV table (by content, else
    /// by `Content-Type`).
    public func fetchAndRead(_ url: String, _ handle: (InputReader.Event) throws -> Void) throws {
        var fetchOptions = WebFetcher.Options()
        fetchOptions.maxBytes = options.maxBytes
        fetchOptions.timeoutSeconds = options.fetchTimeoutSeconds
        let response: WebFetcher.Response
        do { response = try WebFetcher(options: fetchOptions).fetch(url) }
        catch let problem as InputProblem { try handle(.problem(problem)); return }
        let type = (response.contentType ?? "").lowercased()
        // The content first (a feed served as text/html is still a feed), then the header.
        var format = Self.format(name: "", head: response.body.prefix(1024))
        if format == nil {
            if type.contains("html") { format = .html }
            else if type.contains("xml") || type.contains("rss") || type.contains("atom") { format = .feed }
            else if type.contains("csv") { format = .csv }
        }
        guard let format else {
            try handle(.problem(InputProblem(location: url, reason: "not a web page or a feed (Content-Type: \(response.contentType ?? "none"))")))
            return
        }
        if format == .html {
            do {
                var page = try WebPage(bytes: response.body, source: url, contentType: response.contentType, options: options)
                if let note = page.note { try handle(.note(InputProblem(location: url, reason: note))) }
                page.fallbackURL = response.url
                try handle(.article(try page.draft()))
            } catch let error as IngestError {
                try handle(.problem(InputProblem(location: url, reason: error.description)))
            } catch let error as MarkupParser.ParseError {
                try handle(.problem(InputProblem(location: url, reason: error.message)))
            } catch let error as TextDecoder.DecodeError {
                try handle(.problem(InputProblem(location: url, reason: error.message)))
            }
        } else {
            try read(response.body, format: format, name: url, contentType: response.contentType, handle)
        }
    }
}
