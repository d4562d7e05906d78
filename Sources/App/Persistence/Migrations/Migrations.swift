import Fluent

extension Migrations {
    /// Every migration, in order. New ones go in a new numbered folder and are appended here.
    func addShouwangMigrations() {
        add(CreateAreas())
        add(CreateUsers())
        add(CreateAuthTokens())
        add(CreateAuditEvents())
        add(CreateHouseholds())
        add(CreateMembers())
        add(CreateIncomeRecords())
        add(CreateGuaranteeAssessments())
        add(CreateVisits())
        add(CreateContactAssignments())
        add(AddMemberDeparture())
        add(CreateImportBatches())
        add(AddMemberPublicWelfareJob())
        add(CreateDepartmentData())
        add(CreateScreening())
        add(CreateRiskLeads())
        add(SeedDiscoveryDefaults())
        add(CreateExchangeCadences())
        add(CreateScreeningFacts())
        add(DropDepartmentEventsIDNumberIndex())
        add(CreateScreeningHits())
        add(DropDepartmentEventsHouseholdIndex())
        add(AddLeadFollowUp())
        add(CreateLeadDeadlinePolicies())
        add(AddScreeningRuleWithdrawal())
        add(AddScreeningRunOutcomes())
        add(AddScreeningSignals())
        add(CreateExchangeSchedules())
        add(ScopeDepartmentFingerprints())
        add(CreateDataQualityFindings())
    }
}
