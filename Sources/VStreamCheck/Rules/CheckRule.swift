import VStreamSource

/// A rule of the checker: a pure function from a file's read-only ``CheckContext`` to its findings. A rule owns no
/// state, knows nothing of other rules, and cannot tell whether it runs alone or beside others on another core.
///
/// To add a rule: a new file in `Rules/` named for what must hold, with the rule's documentation comment, the rule,
/// and its wording at the bottom (`extension Message`); its code and explanation in ``CheckMessages``; a line in
/// ``CheckRules/all``; a case in `specs/cases/check/`.
protocol CheckRule {
  static func findings(in context: CheckContext) -> Findings
}

/// Every rule of the checker, in the order of the stages they judge. The order changes nothing in the output: the
/// findings are sorted.
enum CheckRules {
  /// Rules whose notes are advice about what a stream leaves unsaid rather than something wrong in it: held back
  /// while the file has errors (a team that raises one to a warning or an error sees it always).
  static let advice: Set<DiagnosticCode> = [.unnamedParty]
  static let all: [any CheckRule.Type] = [
    // The front matter.
    FrontMatterValuesHaveTheirTypes.self,
    LanguageVersionIsSupported.self,
    FrontMatterKeysAreKnown.self,
    StreamHasTitleAndOwner.self,
    FrameworkIsKnown.self,
    FrameworksAreNotMixed.self,
    // The declarations.
    OneStreamPerFile.self,
    OneDemandPerStream.self,
    StreamHasAValue.self,
    DemandAndValueNameTheirPeople.self,
    IdentifiersAreUnique.self,
    // The steps.
    StepsHaveAnActivity.self,
    ActivitiesAreKnown.self,
    ActivitiesAreWrittenAsIDs.self,
    ActivitiesMatchTheFramework.self,
    StepsNamePractices.self,
    PracticesAreKnown.self,
    PracticesAreWrittenAsIDs.self,
    PracticesHaveOneITIL4Name.self,
    PracticesAreNamedOnce.self,
    CompleteAccurateIsAShare.self,
    StepsAreMeasuredAlike.self,
    DurationsKeepToOneKindOfDay.self,
    EstimatesAreInOrder.self,
    DaysSuitWhatTheyMeasure.self,
    StepsThatRunAStreamTakeItsFigures.self,
    // The flow.
    FlowNamesAreDeclared.self,
    NoArrowIntoTheDemand.self,
    NothingAfterAValueLeadsBack.self,
    ArrowsAreWrittenOnce.self,
    FlowLeadsFromDemandToValue.self,
    ForwardArrowsDoNotLoop.self,
    ReworkGoesBack.self,
    MainArrowsFormOnePath.self,
    ReworkLoopsEnd.self,
    SharesAddUp.self,
    CompleteAccurateIsNotZero.self,
    ReworkShareIsKnown.self,
    ForksHaveTwoBranches.self,
    ForkBranchesMeet.self,
    BranchesPassTheirJoin.self,
    ReworkStaysInItsBranch.self,
    ParallelArrowsHaveNoShare.self,
    ForksAreNotAlternatives.self,
    // The typical shape and the metrics.
    StreamEngagesTheConsumer.self,
    FirstStepEngages.self,
    FlowEfficiencyMeetsTheThreshold.self,
    LeadTimeMeetsItsTarget.self,
    StepsMeetTheirTargets.self,
    MainPathIsChosenByTheFile.self,
    // The `# vstream:` comments.
    DirectivesAreWellFormed.self,
  ]
}
