import Domain
import Fluent
import Vapor

/// `POST /api/v1/auth/token` and `GET /api/v1/me`.
struct AuthAPIController {
    func token(_ request: Request) async throws -> API.TokenResponse {
        let body = try request.content.decode(API.TokenRequest.self)
        switch try await SignIn.verify(username: body.username, password: body.password, on: request) {
        case let .failure(failure):
            throw Abort(failure == .wrongCredentials ? .unauthorized : .tooManyRequests, reason: SignIn.message(for: failure))
        case let .success(user):
            let (secret, token) = try await SignIn.issue(.apiToken, for: user, on: request)
            return API.TokenResponse(token: secret, expiresAt: token.expiresAt, user: .init(try user.current(csrfToken: nil)))
        }
    }

    func me(_ request: Request) async throws -> API.Me {
        .init(try request.requireUser())
    }
}

extension API.Me {
    init(_ user: CurrentUser) {
        self.init(
            id: user.id, username: user.username, displayName: user.displayName, role: user.role.rawValue,
            roleLabel: user.role.label, areaCode: user.areaCode.value, department: user.department?.rawValue
        )
    }
}

/// `GET /api/v1/households` and `GET /api/v1/households/{id}`.
struct HouseholdAPIController {
    func index(_ request: Request) async throws -> API.Page<API.HouseholdSummary> {
        let user = try request.requireUser()
        let search = try request.query.decode(HouseholdSearch.self).validated()
        let (rows, total) = try await search.run(scope: user.scope, on: request.db)
        return .init(items: rows.compactMap(API.HouseholdSummary.init), total: total, limit: search.pageLimit, offset: search.pageOffset)
    }

    func show(_ request: Request) async throws -> API.HouseholdDetail {
        let reveal = (try? request.query.get(Bool.self, at: "reveal")) ?? false
        let model = try await HouseholdPage.query(id: request.parameters.get("id", as: UUID.self), reveal: reveal, on: request)
        guard let summary = API.HouseholdSummary(model.household) else { throw Abort(.notFound) }
        let household = model.household
        let seesHealth = model.revealed
        return API.HouseholdDetail(
            household: summary, alleviatedYear: household.alleviatedYear,
            phone: household.phone.map { model.show($0, field: "phone") }, address: household.address,
            bankAccount: household.bankAccount.map { model.show($0, field: "bank_account") },
            revealed: model.revealed,
            members: model.members.compactMap { member in
                guard let id = member.id else { return nil }
                return API.MemberItem(
                    id: id, name: member.name, relation: member.relation, sex: member.sex, birthDate: model.show(member.birthDate, field: "birth_date"),
                    idNumber: model.show(member.idNumber, field: "id_number"), labourCapacity: member.labourCapacity,
                    health: seesHealth ? member.health.split(separator: ",").map(String.init) : nil,
                    education: member.education, schoolStatus: member.schoolStatus
                )
            },
            incomes: model.incomes.map {
                API.IncomeItem(periodStart: $0.periodStart, periodEnd: $0.periodEnd, netIncome: $0.netIncome, perCapitaNet: $0.perCapitaNet, memberCount: $0.memberCount)
            }
        )
    }
}

/// `GET /api/v1/areas/{code}`: an area inside the caller's scope with its children and their counts.
struct AreaAPIController {
    func show(_ request: Request) async throws -> API.AreaDetail {
        let user = try request.requireUser()
        let raw = request.parameters.get("code") ?? ""
        guard let code = AreaCode(raw), user.scope.includes(code),
              let area = try await AreaDirectory.area(raw, on: request.db),
              let level = AreaLevel(rawValue: area.level)
        else { throw Abort(.notFound, reason: "未找到该区划，或不在您的管辖范围内。") }
        let counts = try await AreaDirectory.counts(of: code, level: level, scope: user.scope, on: request.reportDB)
        let children = try await AreaDirectory.children(of: raw, on: request.db)
        return API.AreaDetail(
            area: API.AreaItem(area, counts: counts.totals),
            children: children.map { API.AreaItem($0, counts: counts.children[$0.code] ?? HouseholdCounts()) }
        )
    }
}
