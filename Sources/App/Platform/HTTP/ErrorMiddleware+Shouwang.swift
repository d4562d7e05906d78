import Domain
import Vapor

/// Turns every error into an answer a person can act on: a Chinese page for the web, a JSON error for the API.
/// Internal details never reach the client; they go to the log.
struct ShouwangErrorMiddleware: AsyncMiddleware {
    struct APIError: Content {
        struct Body: Content {
            let code: String
            let message: String
            /// Every field that was refused, for validation failures.
            var problems: [FieldProblem]?
            /// Every row that was refused, for file imports.
            var rows: [ImportProblem]?
        }
        let error: Body
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return try await answer(error, for: request)
        }
    }

    private func answer(_ error: any Error, for request: Request) async throws -> Response {
        let (status, message) = Self.describe(error)
        if status == .internalServerError {
            request.logger.report(error: error)
        } else {
            request.logger.debug("\(status.code) \(request.url.path): \(message)")
        }
        if request.isAPI {
            var details = APIError.Body(code: Self.code(for: status), message: message)
            details.problems = (error as? ValidationFailure)?.problems
            let body = APIError(error: details)
            let response = Response(status: status)
            try response.content.encode(body)
            return response
        }
        if status == .unauthorized {
            return request.redirect(to: SiteURL.login(next: request.url.string).path)
        }
        let page = ErrorPage(statusCode: status.code, message: message, user: request.currentUser).render()
        return Response.html(page, status: status)
    }

    static func describe(_ error: any Error) -> (HTTPStatus, String) {
        switch error {
        case let abort as any AbortError:
            if abort.status == .notFound, abort.reason == HTTPStatus.notFound.reasonPhrase {
                return (.notFound, "页面不存在。")
            }
            if abort.status == .payloadTooLarge { return (.payloadTooLarge, "提交的内容过大。") }
            if abort.status == .unsupportedMediaType {
                return (.unsupportedMediaType, "不支持的内容类型，请使用 application/json。")
            }
            let reason = abort.reason == abort.status.reasonPhrase ? defaultMessage(abort.status) : abort.reason
            return (abort.status, reason)
        case let decoding as DecodingError:
            return (.badRequest, describe(decoding))
        default:
            return (.internalServerError, "服务器内部错误，已记录。请稍后重试。")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let joined = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(
                separator: ".")
            return joined.isEmpty ? "请求体" : "字段 \(joined)"
        }
        switch error {
        case let .dataCorrupted(context) where context.codingPath.isEmpty:
            return "请求体不是有效的 JSON。"
        case let .dataCorrupted(context): return "\(path(context)) 的值无效。"
        case let .keyNotFound(key, context):
            let parent = path(context)
            return parent == "请求体" ? "缺少字段 \(key.stringValue)。" : "\(parent) 缺少字段 \(key.stringValue)。"
        case let .typeMismatch(_, context): return "\(path(context)) 的类型不正确。"
        case let .valueNotFound(_, context): return "\(path(context)) 不能为空。"
        @unknown default: return "请求内容无法解析。"
        }
    }

    private static func defaultMessage(_ status: HTTPStatus) -> String {
        switch status {
        case .notFound: return "页面不存在。"
        case .forbidden: return "没有权限执行此操作。"
        case .unauthorized: return "请先登录。"
        case .badRequest: return "请求格式不正确。"
        case .methodNotAllowed: return "不支持该请求方法。"
        case .tooManyRequests: return "请求过于频繁，请稍后再试。"
        default: return status.reasonPhrase
        }
    }

    private static func code(for status: HTTPStatus) -> String {
        switch status {
        case .badRequest: return "bad_request"
        case .unauthorized: return "unauthorized"
        case .forbidden: return "forbidden"
        case .notFound: return "not_found"
        case .conflict: return "conflict"
        case .unprocessableEntity: return "invalid"
        case .tooManyRequests: return "too_many_requests"
        case .payloadTooLarge: return "too_large"
        case .internalServerError: return "internal"
        default: return "error_\(status.code)"
        }
    }
}

/// A refused submission: every problem, each naming its field. Nothing was changed.
struct ValidationFailure: AbortError {
    let problems: [FieldProblem]
    var status: HTTPStatus { .unprocessableEntity }
    var reason: String { "提交的内容有 \(problems.count) 处问题，未做任何修改：" + problems.map(\.message).joined(separator: "；") }
}

extension Response {
    static func html(_ html: String, status: HTTPStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: "Cache-Control", value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: html))
    }
}
