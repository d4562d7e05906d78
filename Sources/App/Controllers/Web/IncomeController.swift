import Domain
import Fluent
import Vapor

/// 收支登记: a year of income and spending for one household; a second entry for the same year replaces the first,
/// with both versions in the audit trail.
struct IncomeController {
    func new(_ request: Request) async throws -> Response {
        let (user, household) = try await request.household(for: .editRegistry)
        return .html(page(user: user, household: household, values: ["year": String(request.today.year - 1)], problems: []).render())
    }

    func create(_ request: Request) async throws -> Response {
        let (user, household) = try await request.household(for: .editRegistry)
        var values: [String: String] = ["year": request.formText("year")]
        var amounts: [IncomeField: String] = [:]
        for field in IncomeField.allCases {
            amounts[field] = request.formText(field.rawValue)
            values[field.rawValue] = amounts[field]
        }
        do {
            _ = try await Self.record(year: values["year"] ?? "", amounts: amounts, household: household, user: user, on: request)
        } catch let failure as ValidationFailure {
            return .html(page(user: user, household: household, values: values, problems: failure.problems).render(), status: .unprocessableEntity)
        }
        return request.redirect(to: SiteURL.household(id: try household.requireID()).path)
    }

    /// Checks and records a year's income and spending; a second entry for the same year replaces the first.
    static func record(year: String, amounts: [IncomeField: String], household: Household, user: CurrentUser, on request: Request) async throws -> IncomeRecord {
        let householdID = try household.requireID()
        let members = try await Member.query(on: request.db).filter(\.$household.$id == householdID).filter(\.$departedOn == nil).count()
        let entry: IncomeEntry
        switch IncomeEntry.make(year: year, amounts: amounts, members: members, today: request.today) {
        case let .failure(failure): throw ValidationFailure(problems: failure.problems)
        case let .success(success): entry = success
        }
        return try await request.db.transaction { database in
            let start = "\(entry.year)-01-01", end = "\(entry.year)-12-31"
            let existing = try await IncomeRecord.query(on: database).filter(\.$household.$id == householdID)
                .filter(\.$periodStart == start).filter(\.$periodEnd == end).first()
            let record = existing ?? IncomeRecord()
            let before = existing?.auditSnapshot
            record.$household.id = householdID
            record.periodStart = start
            record.periodEnd = end
            record.apply(entry, source: "form:\(user.username)")
            try await record.save(on: database)
            try await AuditLog.record(
                before == nil ? .create : .update, entityType: Household.auditEntityType, entityID: householdID.uuidString,
                areaCode: household.villageCode, summary: "\(before == nil ? "登记" : "更正") \(entry.year) 年收支，人均纯收入 \(DisplayFormat.yuan(fen: entry.summary.perCapitaNetIncome.fen))",
                before: before, after: record.auditSnapshot, actor: request.auditActor, at: request.now, on: database
            )
            return record
        }
    }

    private func page(user: CurrentUser, household: Household, values: [String: String], problems: [FieldProblem]) -> FormPage {
        let fields = [FormField(name: "year", label: "年度", kind: .number, value: values["year"] ?? "", hint: "收支所属的自然年度（1 月 1 日至 12 月 31 日）。", required: true)]
            + IncomeField.allCases.map { field in
                FormField(name: field.rawValue, label: field.label + "（元）", kind: .money, value: values[field.rawValue] ?? "")
            }
        return FormPage(
            title: "登记收支 · \(household.headName) 户", pageID: "income-form", user: user,
            action: SiteURL.household(id: household.id ?? UUID()).path + "/incomes", fields: fields, problems: problems,
            intro: "家庭纯收入 = 工资性 + 生产经营性 − 生产经营费用 + 财产性 + 转移性；人均纯收入按在册人口计算。医疗、教育等刚性支出单独登记。",
            backLink: (SiteURL.household(id: household.id ?? UUID()).path, "返回农户详情")
        )
    }
}

extension IncomeRecord {
    func apply(_ entry: IncomeEntry, source: String) {
        let statement = entry.statement
        wage = statement.wage.fen
        business = statement.business.fen
        property = statement.property.fen
        transfer = statement.transfer.fen
        productionCosts = statement.productionCosts.fen
        medicalSelfPay = statement.rigidSpending.medicalSelfPay.fen
        schoolingCost = statement.rigidSpending.schooling.fen
        disasterLoss = statement.rigidSpending.disasterLoss.fen
        otherRigid = statement.rigidSpending.other.fen
        memberCount = statement.members
        netIncome = entry.summary.netIncome.fen
        perCapitaNet = entry.summary.perCapitaNetIncome.fen
        self.source = source
    }

    var auditSnapshot: AuditSnapshot {
        [
            "period": "\(periodStart)~\(periodEnd)", "wage": String(wage), "business": String(business), "property": String(property),
            "transfer": String(transfer), "production_costs": String(productionCosts), "medical_self_pay": String(medicalSelfPay),
            "schooling_cost": String(schoolingCost), "disaster_loss": String(disasterLoss), "other_rigid": String(otherRigid),
            "member_count": String(memberCount), "net_income": String(netIncome), "per_capita_net": String(perCapitaNet),
        ]
    }
}
