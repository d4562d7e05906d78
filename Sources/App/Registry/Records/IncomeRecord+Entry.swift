import Domain
import Foundation

/// An income record as the form shows it and the domain's entry fills it in.
extension IncomeRecord {
    /// The stored amount of one field, in fen.
    func fen(_ field: IncomeField) -> Int64 {
        switch field {
        case .wage: wage
        case .business: business
        case .property: property
        case .transfer: transfer
        case .productionCosts: productionCosts
        case .medicalSelfPay: medicalSelfPay
        case .schooling: schoolingCost
        case .disasterLoss: disasterLoss
        case .otherRigidSpending: otherRigid
        }
    }

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
            "period": "\(periodStart)~\(periodEnd)", "wage": String(wage), "business": String(business),
            "property": String(property),
            "transfer": String(transfer), "production_costs": String(productionCosts),
            "medical_self_pay": String(medicalSelfPay),
            "schooling_cost": String(schoolingCost), "disaster_loss": String(disasterLoss),
            "other_rigid": String(otherRigid),
            "member_count": String(memberCount), "net_income": String(netIncome),
            "per_capita_net": String(perCapitaNet),
        ]
    }
}
