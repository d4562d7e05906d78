import Fluent
import Foundation
import SQLKit

// Plain-row readers (`PlainRowModel`) for the models the household page and the session lookup read. Each lists every
// stored column of its table; `PlainRowTests` compares each reader with Fluent's own decoding on both engines.

extension Household: PlainRowModel {
    static let plainColumns = [
        "id", "household_number", "village_code", "group_code", "grid_code", "head_name",
        "household_type", "alleviated_year", "member_count", "phone", "address", "bank_account",
        "monitoring_status", "version", "created_at", "updated_at",
    ]
    static let selectList = qualifiedColumns()

    static func read(_ row: any SQLRow) throws -> Household {
        let household = Household()
        household.id = try row.value("id")
        household.householdNumber = try row.value("household_number")
        household.villageCode = try row.value("village_code")
        household.groupCode = try row.optional("group_code")
        household.gridCode = try row.optional("grid_code")
        household.headName = try row.value("head_name")
        household.householdType = try row.value("household_type")
        household.alleviatedYear = try row.optional("alleviated_year")
        household.memberCount = try row.value("member_count")
        household.phone = try row.optional("phone")
        household.address = try row.value("address")
        household.bankAccount = try row.optional("bank_account")
        household.monitoringStatus = try row.value("monitoring_status")
        household.version = try row.value("version")
        household.createdAt = try row.optional("created_at")
        household.updatedAt = try row.optional("updated_at")
        return household
    }
}

extension Member: PlainRowModel {
    static let plainColumns = [
        "id", "household_id", "name", "id_number", "sex", "birth_date", "relation", "ethnicity",
        "education", "school_status", "health", "disability_grade", "labour_capacity", "work_place",
        "work_months", "medical_insured", "pension_insured", "minimum_living", "extreme_poverty",
        "public_welfare_job", "departed_on", "departure_reason", "created_at", "updated_at",
    ]
    static let selectList = qualifiedColumns()

    static func read(_ row: any SQLRow) throws -> Member {
        let member = Member()
        member.id = try row.value("id")
        member.$household.id = try row.value("household_id")
        member.name = try row.value("name")
        member.idNumber = try row.value("id_number")
        member.sex = try row.value("sex")
        member.birthDate = try row.value("birth_date")
        member.relation = try row.value("relation")
        member.ethnicity = try row.value("ethnicity")
        member.education = try row.value("education")
        member.schoolStatus = try row.optional("school_status")
        member.health = try row.value("health")
        member.disabilityGrade = try row.optional("disability_grade")
        member.labourCapacity = try row.value("labour_capacity")
        member.workPlace = try row.optional("work_place")
        member.workMonths = try row.optional("work_months")
        member.medicalInsured = try row.value("medical_insured")
        member.pensionInsured = try row.value("pension_insured")
        member.minimumLiving = try row.value("minimum_living")
        member.extremePoverty = try row.value("extreme_poverty")
        member.publicWelfareJob = try row.value("public_welfare_job")
        member.departedOn = try row.optional("departed_on")
        member.departureReason = try row.optional("departure_reason")
        member.createdAt = try row.optional("created_at")
        member.updatedAt = try row.optional("updated_at")
        return member
    }
}

extension IncomeRecord: PlainRowModel {
    static let plainColumns = [
        "id", "household_id", "period_start", "period_end", "wage", "business", "property", "transfer",
        "production_costs", "medical_self_pay", "schooling_cost", "disaster_loss", "other_rigid",
        "member_count", "net_income", "per_capita_net", "source", "created_at",
    ]
    static let selectList = qualifiedColumns()

    static func read(_ row: any SQLRow) throws -> IncomeRecord {
        let record = IncomeRecord()
        record.id = try row.value("id")
        record.$household.id = try row.value("household_id")
        record.periodStart = try row.value("period_start")
        record.periodEnd = try row.value("period_end")
        record.wage = try row.value("wage")
        record.business = try row.value("business")
        record.property = try row.value("property")
        record.transfer = try row.value("transfer")
        record.productionCosts = try row.value("production_costs")
        record.medicalSelfPay = try row.value("medical_self_pay")
        record.schoolingCost = try row.value("schooling_cost")
        record.disasterLoss = try row.value("disaster_loss")
        record.otherRigid = try row.value("other_rigid")
        record.memberCount = try row.value("member_count")
        record.netIncome = try row.value("net_income")
        record.perCapitaNet = try row.value("per_capita_net")
        record.source = try row.value("source")
        record.createdAt = try row.optional("created_at")
        return record
    }
}

extension GuaranteeRecord: PlainRowModel {
    static let plainColumns = [
        "id", "household_id", "kind", "assessed_on", "secured", "housing_grade", "water_quantity",
        "water_quality", "water_convenience", "water_reliability", "note", "recorded_by", "created_at",
    ]
    static let selectList = qualifiedColumns()

    static func read(_ row: any SQLRow) throws -> GuaranteeRecord {
        let record = GuaranteeRecord()
        record.id = try row.value("id")
        record.$household.id = try row.value("household_id")
        record.kind = try row.value("kind")
        record.assessedOn = try row.value("assessed_on")
        record.secured = try row.value("secured")
        record.housingGrade = try row.optional("housing_grade")
        record.waterQuantity = try row.optional("water_quantity")
        record.waterQuality = try row.optional("water_quality")
        record.waterConvenience = try row.optional("water_convenience")
        record.waterReliability = try row.optional("water_reliability")
        record.note = try row.value("note")
        record.recordedBy = try row.value("recorded_by")
        record.createdAt = try row.optional("created_at")
        return record
    }
}

extension Visit: PlainRowModel {
    static let plainColumns = [
        "id", "household_id", "visitor_id", "visitor_name", "visitor_role", "visited_on", "findings",
        "risks", "risk_note", "created_at",
    ]
    static let selectList = qualifiedColumns()

    static func read(_ row: any SQLRow) throws -> Visit {
        let visit = Visit()
        visit.id = try row.value("id")
        visit.$household.id = try row.value("household_id")
        visit.visitorID = try row.optional("visitor_id")
        visit.visitorName = try row.value("visitor_name")
        visit.visitorRole = try row.value("visitor_role")
        visit.visitedOn = try row.value("visited_on")
        visit.findings = try row.value("findings")
        visit.risks = try row.value("risks")
        visit.riskNote = try row.value("risk_note")
        visit.createdAt = try row.optional("created_at")
        return visit
    }
}

extension RiskLead: PlainRowModel {
    static let plainColumns = [
        "id", "household_id", "village_code", "risk_type", "channel", "state", "received_at",
        "step_started_at", "step_due_at", "due_at", "closed_at", "outcome_reason", "merged_into",
        "source_count", "follows_lead_id", "created_at", "updated_at",
    ]
    static let selectList = qualifiedColumns()

    static func read(_ row: any SQLRow) throws -> RiskLead {
        let lead = RiskLead()
        lead.id = try row.value("id")
        lead.$household.id = try row.value("household_id")
        lead.villageCode = try row.value("village_code")
        lead.riskType = try row.value("risk_type")
        lead.channel = try row.value("channel")
        lead.state = try row.value("state")
        lead.receivedAt = try row.value("received_at")
        lead.stepStartedAt = try row.value("step_started_at")
        lead.stepDueAt = try row.value("step_due_at")
        lead.dueAt = try row.value("due_at")
        lead.closedAt = try row.optional("closed_at")
        lead.outcomeReason = try row.optional("outcome_reason")
        lead.mergedInto = try row.optional("merged_into")
        lead.sourceCount = try row.value("source_count")
        lead.followsLeadID = try row.optional("follows_lead_id")
        lead.createdAt = try row.optional("created_at")
        lead.updatedAt = try row.optional("updated_at")
        return lead
    }
}

extension AuditEvent: PlainRowModel {
    static let plainColumns = [
        "id", "occurred_at", "actor_id", "actor_name", "action", "entity_type", "entity_id", "area_code",
        "summary", "before_json", "after_json", "reason",
    ]
    static let selectList = qualifiedColumns()

    static func read(_ row: any SQLRow) throws -> AuditEvent {
        let event = AuditEvent()
        event.id = try row.value("id")
        event.occurredAt = try row.value("occurred_at")
        event.actorID = try row.optional("actor_id")
        event.actorName = try row.value("actor_name")
        event.action = try row.value("action")
        event.entityType = try row.value("entity_type")
        event.entityID = try row.value("entity_id")
        event.areaCode = try row.optional("area_code")
        event.summary = try row.value("summary")
        event.beforeJSON = try row.optional("before_json")
        event.afterJSON = try row.optional("after_json")
        event.reason = try row.optional("reason")
        return event
    }
}

extension User: PlainRowModel {
    static let plainColumns = [
        "id", "username", "display_name", "password_hash", "role", "area_code", "department", "phone",
        "is_active", "failed_logins", "locked_until", "created_at", "updated_at",
    ]
    static let selectList = qualifiedColumns()

    static func read(_ row: any SQLRow) throws -> User {
        let user = User()
        user.id = try row.value("id")
        user.username = try row.value("username")
        user.displayName = try row.value("display_name")
        user.passwordHash = try row.value("password_hash")
        user.role = try row.value("role")
        user.areaCode = try row.value("area_code")
        user.department = try row.optional("department")
        user.phone = try row.optional("phone")
        user.isActive = try row.value("is_active")
        user.failedLogins = try row.value("failed_logins")
        user.lockedUntil = try row.optional("locked_until")
        user.createdAt = try row.optional("created_at")
        user.updatedAt = try row.optional("updated_at")
        return user
    }
}

extension Area: PlainRowModel {
    static let plainColumns = ["id", "code", "name", "level", "parent_code", "code_system", "created_at", "updated_at"]
    static let selectList = qualifiedColumns()

    static func read(_ row: any SQLRow) throws -> Area {
        let area = Area()
        area.id = try row.value("id")
        area.code = try row.value("code")
        area.name = try row.value("name")
        area.level = try row.value("level")
        area.parentCode = try row.optional("parent_code")
        area.codeSystem = try row.value("code_system")
        area.createdAt = try row.optional("created_at")
        area.updatedAt = try row.optional("updated_at")
        return area
    }
}
