import Domain
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Plot
import Vapor

/// 未保存的表单: a form posted after its session ended is kept on the server, under a one-time random token, for the
/// user whose session it was. After signing in again the user lands on a page that shows what they typed and posts it
/// to the same place with a fresh anti-forgery token, once they confirm. Kept in memory for two hours: nothing typed
/// is written to disk or put in a URL, and a draft can be taken only once, by its own user.
final class FormDrafts: Sendable {
    struct Draft: Sendable {
        let action: String
        let fields: [(name: String, value: String)]
        let userID: UUID
        let savedAt: Date
    }

    static let lifetime: TimeInterval = 2 * 60 * 60
    static let maximumDrafts = 5_000

    private let drafts = NIOLockedValueBox<[String: Draft]>([:])

    func keep(_ draft: Draft) -> String {
        let token = TokenDigest.newSecret()
        drafts.withLockedValue { all in
            all = all.filter { draft.savedAt.timeIntervalSince($0.value.savedAt) < Self.lifetime }
            if all.count < Self.maximumDrafts { all[token] = draft }
        }
        return token
    }

    /// The draft, removed from the store; nil when unknown, expired or another user's (then it stays for its owner).
    func take(_ token: String, userID: UUID, at now: Date) -> Draft? {
        drafts.withLockedValue { all in
            guard let draft = all[token], draft.userID == userID else { return nil }
            all[token] = nil
            return now.timeIntervalSince(draft.savedAt) < Self.lifetime ? draft : nil
        }
    }

    /// Keeps the fields of a web form POST whose session has ended, and returns where to go after signing in; nil when
    /// there is nothing to keep (no form, or no session cookie naming whose it was).
    static func keepExpiredPost(_ request: Request) async throws -> String? {
        guard request.method == .POST, request.headers.contentType == .urlEncodedForm else { return nil }
        if request.body.data == nil { _ = try await request.body.collect(max: 200_000).get() }
        guard let secret = request.cookies[TokenAuthenticator.cookieName]?.string, !secret.isEmpty, secret.count < 200,
            let body = request.body.string, body.utf8.count < 200_000,
            let token = try await AuthToken.query(on: request.db).filter(\.$tokenHash == TokenDigest.hash(secret))
                .first()
        else { return nil }
        let fields = parse(body).filter { $0.name != FormProtection.fieldName && !$0.name.contains("password") }
        guard !fields.isEmpty else { return nil }
        let draft = Draft(action: request.url.path, fields: fields, userID: token.$user.id, savedAt: request.now)
        return SiteRoute.draft.path(request.application.formDrafts.keep(draft))
    }

    static func parse(_ body: String) -> [(name: String, value: String)] {
        body.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String? {
                text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = parts.first.flatMap(decode), !name.isEmpty else { return nil }
            return (name, parts.count > 1 ? decode(parts[1]) ?? "" : "")
        }
    }

    /// GET /drafts/:token — what was typed, and the button that posts it again.
    static func show(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let token = request.parameters.get("token"),
            let draft = request.application.formDrafts.take(token, userID: user.id, at: request.now)
        else { throw AppError.draftGone }
        return .html(DraftPage(user: user, draft: draft).render())
    }
}

/// The page a kept form comes back on.
struct DraftPage {
    let user: CurrentUser
    let draft: FormDrafts.Draft

    /// The Chinese name of a posted field, as its form labels it.
    static func label(_ name: String) -> String {
        let known = [
            "visited_on": "走访日期", "findings": "走访所见", "risks[]": "发现风险", "risk_note": "风险说明", "text": "意见",
            "action": "办理结果", "year": "年度", "reason": "原因", "assessed_on": "评估日期",
        ]
        let bare = name.hasSuffix("[]") ? String(name.dropLast(2)) : name
        return known[name] ?? RegistryColumn(rawValue: bare)?.label ?? IncomeField(rawValue: bare)?.label
            ?? AuditFieldLabels.name(bare)
    }

    func render() -> String {
        let shown = draft.fields.filter { !$0.value.isEmpty }
        return Layout(
            title: "继续保存", pageID: "draft", user: user,
            content: .div(
                .class("card form-card"),
                .h1(.text("登录已过期，内容尚未保存")),
                .p(.text("您在登录过期前填写的内容已保留。请核对后点击“继续保存”；如需修改，保存后可再次编辑。")),
                .dl(
                    .class("facts"),
                    .forEach(shown) { field in .group(.dt(.text(Self.label(field.name))), .dd(.text(field.value))) }),
                .form(
                    .action(draft.action), .method(.post),
                    CSRFField(user: user).node,
                    .forEach(draft.fields) { .input(.type(.hidden), .name($0.name), .formValue($0.value)) },
                    .button(.type(.submit), .class("primary"), .id("draft-submit"), .text("继续保存"))
                )
            )
        ).render()
    }
}

extension Application {
    var formDrafts: FormDrafts { shared { FormDrafts() } }
}
