import Domain
import Fluent
import Vapor

/// `GET /api/v1/households` and `GET /api/v1/households/{id}`.
struct HouseholdAPIController {
    func index(_ request: Request) async throws -> API.Page<API.HouseholdSummary> {
        let user = try request.requireUser()
        let search = try request.query.decode(HouseholdSearch.self).validated()
        let (rows, total) = try await search.run(scope: user.scope, on: request.db)
        return .init(
            items: rows.compactMap(API.HouseholdSummary.init), total: total, limit: search.pageLimit,
            offset: search.pageOffset)
    }

    func show(_ request: Request) async throws -> API.HouseholdDetail {
        let reveal = (try? request.query.get(Bool.self, at: "reveal")) ?? false
        let model = try await HouseholdPage.query(
            id: request.parameters.get("id", as: UUID.self), reveal: reveal, on: request)
        guard let summary = API.HouseholdSummary(model.household) else { throw AppError.recordNotFound }
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
                    id: id, name: member.name, relation: member.relation, sex: member.sex,
                    birthDate: model.show(member.birthDate, field: "birth_date"),
                    idNumber: model.show(member.idNumber, field: "id_number"), labourCapacity: member.labourCapacity,
                    health: seesHealth ? member.health.split(separator: ",").map(String.init) : nil,
                    education: member.education, schoolStatus: member.schoolStatus
                )
            },
            incomes: model.incomes.map {
                API.IncomeItem(
                    periodStart: $0.periodStart, periodEnd: $0.periodEnd, netIncome: $0.netIncome,
                    perCapitaNet: $0.perCapitaNet, memberCount: $0.memberCount)
            }
        )
    }
}
