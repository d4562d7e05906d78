@testable import App
import Foundation
import Testing
import Vapor
import VaporTesting

/// A form read from a rendered page the way a browser reads it, so a test can submit it with the choices as shipped:
/// an `<option>` without a `value` attribute submits its text, a checkbox without one submits "on", the selected
/// option (or the first) of each `<select>` is sent, unchecked boxes and disabled controls are not.
struct BrowserForm {
    let action: String
    let method: String
    var fields: [(name: String, value: String)]

    /// The forms of a page, in order.
    static func all(in html: String) -> [BrowserForm] {
        matches(#"<form\b([^>]*)>(.*?)</form>"#, in: html).map { groups in
            let attributes = Self.attributes(groups[0])
            return BrowserForm(
                action: attributes["action"] ?? "", method: (attributes["method"] ?? "get").lowercased(),
                fields: controls(in: groups[1]))
        }
    }

    /// The first form of the page whose action is `action`.
    static func named(_ action: String, in html: String) throws -> BrowserForm {
        try #require(all(in: html).first { $0.action == action }, "no form posting to \(action)")
    }

    func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    /// What choosing the option with this text in the select `name` of the page submits, as a browser reads it.
    static func optionValue(select name: String, text: String, in html: String) -> String? {
        for select in matches(#"<select\b([^>]*)>(.*?)</select>"#, in: html) where attributes(select[0])["name"] == name
        {
            for option in matches(#"<option\b([^>]*)>(.*?)</option>"#, in: select[1]) where unescape(option[1]) == text
            {
                return attributes(option[0])["value"] ?? unescape(option[1])
            }
        }
        return nil
    }

    /// Replaces (or adds) a field, as a user typing or choosing would.
    mutating func set(_ name: String, _ value: String) {
        fields.removeAll { $0.name == name }
        fields.append((name, value))
    }

    var encoded: String {
        fields.map { "\(Self.escape($0.name))=\(Self.escape($0.value))" }.joined(separator: "&")
    }

    private static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    private static func controls(in body: String) -> [(name: String, value: String)] {
        var found: [(offset: Int, name: String, value: String)] = []
        let text = body as NSString
        let pattern = #"<input\b([^>]*)>|<select\b([^>]*)>(.*?)</select>|<textarea\b([^>]*)>(.*?)</textarea>"#
        guard
            let regex = try? NSRegularExpression(
                pattern: pattern, options: [.dotMatchesLineSeparators, .caseInsensitive])
        else { return [] }
        for match in regex.matches(in: body, range: NSRange(location: 0, length: text.length)) {
            func group(_ index: Int) -> String? {
                let range = match.range(at: index)
                return range.location == NSNotFound ? nil : text.substring(with: range)
            }
            if let input = group(1) {
                let attributes = Self.attributes(input)
                guard let name = attributes["name"], attributes["disabled"] == nil else { continue }
                let type = (attributes["type"] ?? "text").lowercased()
                if ["submit", "button", "reset", "file"].contains(type) { continue }
                if ["checkbox", "radio"].contains(type) {
                    guard attributes["checked"] != nil else { continue }
                    found.append((match.range.location, name, attributes["value"] ?? "on"))
                } else {
                    found.append((match.range.location, name, attributes["value"] ?? ""))
                }
            } else if let select = group(2), let options = group(3) {
                let attributes = Self.attributes(select)
                guard let name = attributes["name"], attributes["disabled"] == nil else { continue }
                let parsed = matches(#"<option\b([^>]*)>(.*?)</option>"#, in: options).map { option in
                    let optionAttributes = Self.attributes(option[0])
                    return (
                        selected: optionAttributes["selected"] != nil,
                        value: optionAttributes["value"] ?? unescape(option[1])
                    )
                }
                if let chosen = parsed.first(where: \.selected) ?? parsed.first {
                    found.append((match.range.location, name, chosen.value))
                }
            } else if let area = group(4), let content = group(5) {
                let attributes = Self.attributes(area)
                guard let name = attributes["name"], attributes["disabled"] == nil else { continue }
                found.append((match.range.location, name, unescape(content)))
            }
        }
        return found.sorted { $0.offset < $1.offset }.map { ($0.name, $0.value) }
    }

    /// Attributes of a start tag; a bare attribute (`value`, `checked`) has the empty value.
    private static func attributes(_ tag: String) -> [String: String] {
        var result: [String: String] = [:]
        for groups in matches(#"([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*"([^"]*)")?"#, in: tag) {
            result[groups[0].lowercased()] = unescape(groups[1])
        }
        return result
    }

    private static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard
            let regex = try? NSRegularExpression(
                pattern: pattern, options: [.dotMatchesLineSeparators, .caseInsensitive])
        else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            (1..<match.numberOfRanges).map { index in
                let range = match.range(at: index)
                return range.location == NSNotFound ? "" : ns.substring(with: range)
            }
        }
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}

extension Application {
    /// The body of a page the session opens.
    func page(_ path: String, as session: BrowserSession) async throws -> String {
        var body = ""
        try await testing().test(.GET, path, headers: session.headers) { response in
            #expect(response.status == .ok, "GET \(path) answered \(response.status)")
            body = response.body.string
        }
        return body
    }

    /// Submits a form as the browser would: a GET form as a query, a POST form as its encoded fields.
    func submit(
        _ form: BrowserForm, as session: BrowserSession, check: (TestingHTTPResponse) throws -> Void
    ) async throws {
        let path = String(form.action.drop { $0 == "/" })
        if form.method == "get" {
            try await testing().test(.GET, path + "?" + form.encoded, headers: session.headers) { try check($0) }
            return
        }
        var headers = session.formHeaders
        headers.contentType = .urlEncodedForm
        try await testing().test(
            .POST, path, headers: headers,
            beforeRequest: { request in
                request.body = ByteBuffer(string: form.encoded)
            }, afterResponse: { try check($0) })
    }
}
