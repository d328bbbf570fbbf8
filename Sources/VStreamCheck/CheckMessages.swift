import Foundation
import VStreamSource

/// Every diagnostic the checker and the configuration reader emit: codes, names, severities and explanations, sorted
/// by code. VS3xx are errors (a stream with one has no checked model); VS4xx are lints whose severity a team can
/// change or silence; VS5xx concern `vstream.yml`.
public enum CheckMessages {
  /// A small valid stream that examples are made from.
  static let good = """
    ---
    title: Restore a live service
    owner: Service desk lead
    ---
    stream restore "Restore a live service"
    demand outage "User reports an outage"
      from "Service user"
    step triage "Log and classify"
      activity engage
      practices service-desk, incident-management
      time 5m
      wait 2m
    step fix "Diagnose and fix"
      activity deliver-and-support
      practices incident-management
      time 30m
      wait 10m
    step confirm "Confirm with the user"
      activity engage
      practices service-desk
      time 5m
      wait 0s
    value restored "Service restored"
      for "Service user"

    """

  /// The good example's demand and value with their attributes: what the examples of other rules insert lines after.
  static let demandLines = "demand outage \"User reports an outage\"\n  from \"Service user\"\n"
  static let valueLines = "value restored \"Service restored\"\n  for \"Service user\"\n"

  /// Steps after the value, for the examples of the rules about them.
  static let survey =
    "step survey \"Ask for feedback\"\n  activity engage\n  practices service-desk\n  time 5m\n  wait 1d\n"
  static let review =
    "step review \"Review the feedback\"\n  activity improve\n  practices continual-improvement\n  time 30m\n  wait 1w\n"

  /// The good example with `lines` (flows, and steps they need) after its value.
  static func badFlow(_ lines: String) -> String {
    bad(valueLines, valueLines + lines)
  }

  static func bad(_ target: String, _ replacement: String) -> String {
    precondition(good.contains(target), "example target missing: \(target)")
    return good.replacingAll(target, replacement)
  }

  public static let rules: [RuleDescriptor] = [
    error(
      .missingStream, "missing-stream", "the file has no `stream` line",
      "Every file declares its stream with `stream ID \"Title\"`. The id names the stream across the repository (ids must be unique) and in every output.",
      bad: bad("stream restore \"Restore a live service\"\n", "")),
    error(
      .duplicateStream, "duplicate-stream", "the file has more than one `stream` line",
      "A file holds exactly one value stream. Split several streams into several files.",
      bad: bad("demand outage", "stream other\ndemand outage")),
    error(
      .missingDemand, "missing-demand", "the stream has no demand",
      "A value stream always starts with demand: write one `demand ID \"Title\"` line saying what triggers the stream. When the flow starts from a name that is not declared, VS311 reports it and offers to declare it as the demand, and this is not reported again.",
      bad: bad(demandLines, "")),
    error(
      .multipleDemands, "multiple-demands", "the stream has more than one demand",
      "A value stream answers exactly one kind of demand. Two demands are two streams: split the file, or merge the demands into one that describes both.",
      bad: bad(
        "demand outage \"User reports an outage\"",
        demandLines + "demand alert \"Monitoring raises an alert\"")),
    error(
      .missingValue, "missing-value", "the stream has no value",
      "A value stream always ends with value: write at least one `value ID \"Title\"` line saying what the consumer gets. Several values are allowed when a stream can end in different outcomes. When the flow ends in a name that is not declared, VS311 reports it and offers to declare it as the value, and this is not reported again.",
      bad: bad(valueLines, "")),
    error(
      .duplicateIdentifier, "duplicate-id", "two declarations have the same identifier",
      "The demand, the steps and the values share one namespace, because flows refer to them by id. Rename one of them.",
      bad: bad("step fix \"Diagnose and fix\"", "step triage \"Diagnose and fix\"")),
    error(
      .missingActivity, "missing-activity", "a step has no `activity`",
      "Every step maps to exactly one activity of its stream's framework: in ITIL 4 (the default) a value chain activity, plan, improve, engage, design-and-transition, obtain-build or deliver-and-support; in ITIL Version 5 (`framework: itil5`) a lifecycle activity, discover, design, acquire, build, transition, operate, deliver or support.",
      bad: bad("  activity deliver-and-support\n", "")),
    error(
      .unknownActivity, "unknown-activity", "a step names an activity that no framework knows",
      "ITIL 4's value chain has six activities: plan, improve, engage, design-and-transition, obtain-build, deliver-and-support; ITIL Version 5's lifecycle has eight: discover, design, acquire, build, transition, operate, deliver, support. Common spellings such as `obtain/build` are accepted in the stream's framework; an activity of the other framework is VS350; anything else is reported with the closest activity of the stream's framework.",
      bad: bad("activity deliver-and-support", "activity fixing")),
    error(
      .unknownPractice, "unknown-practice", "a step names a practice that is not in the catalogue",
      "Practices are the 34 ITIL 4 management practices (`vstream practices` lists them), their official older names, and any practices the organisation declares in `vstream.yml`. A misspelt practice is reported with the closest ones.",
      bad: bad("practices incident-management\n", "practices incident-managment\n")),
    error(
      .percentageOutOfRange, "ca-out-of-range", "a %complete/accurate is above 100%",
      "`ca` is the share of a step's output that the next step can use without correction, so it lies between 0% and 100%.",
      bad: bad("  time 30m\n", "  time 30m\n  ca 120%\n")),
    error(
      .undefinedNode, "undefined-node", "a flow names something that is not declared",
      "Flows join the demand, steps and values by their ids. A name that no declaration has is usually a typo; the closest id is suggested, and the fix rewrites every line that names it. Each name is reported once, where it is first written. A name no arrow leaves is where the flow ends: with no id close to it, it is most likely a value that was never declared or was deleted, and the fix declares it above the flow with a title to fill in; a stream with no value at all is then not reported again (VS305). Likewise a name no arrow reaches, in a stream with no demand, is offered as the demand, and VS303 is not reported again.",
      bad: badFlow(
        "flow outage -> triage -> fxi -> confirm -> restored\n")),
    error(
      .arrowIntoDemand, "arrow-into-demand", "an arrow leads into the demand",
      "The demand is where the stream starts; nothing flows into it. An arrow back to the beginning is usually rework that should go to the first step.",
      bad: bad(
        valueLines,
        valueLines + "flow outage -> triage -> fix -> confirm -> restored\nflow fix -> outage\n"
      )),
    error(
      .unreachable, "unreachable", "a step or value cannot be reached from the demand",
      "Every step must be reachable from the demand by following the arrows; otherwise no work item ever gets there. Add an arrow into it, or remove it.",
      bad: badFlow(
        "flow outage -> triage -> confirm -> restored\n")),
    error(
      .deadEnd, "dead-end", "no arrow leads on from a step",
      "From every step, the arrows must lead on to a value; a step with no way forward is a dead end where work items would stop. Add an arrow from it.",
      bad: bad(
        valueLines,
        valueLines + "flow outage -> triage -> fix -> confirm -> restored\nflow triage -> escalate\n"
          + "step escalate \"Escalate\"\n  activity engage\n  practices service-desk\n  time 1m\n  wait 1m\n"
      )),
    error(
      .closedLoop, "closed-loop", "steps form a loop with no way out toward a value",
      "Loops are allowed (rework), but each loop needs an arrow out toward a value; otherwise an item that enters it never leaves.",
      bad: badFlow("flow outage -> triage -> fix -> confirm\nflow confirm -> fix\nflow triage -> restored\n")),
    error(
      .frontMatterType, "front-matter-type", "a front matter key has a value of the wrong type",
      "Known front matter keys have types: `title`, `owner`, `version`, `consumer` and `description` are strings, `status` is one of draft, review, live, retired, `tags` is a list of strings and `vstream` is the integer 1.",
      bad: bad("owner: Service desk lead", "owner: Service desk lead\nstatus: published")),
    error(
      .unsupportedVersion, "unsupported-version", "the file targets a language version this vstream does not know",
      "`vstream: N` in the front matter says which version of the language a file is written in. This vstream reads version 1.",
      bad: bad("owner: Service desk lead", "owner: Service desk lead\nvstream: 2")),
    error(
      .duplicateStreamID, "duplicate-stream-id", "two files declare streams with the same id",
      "Stream ids identify streams across the repository (in the catalogue, the practice matrix and output file names), so they must be unique. Both files are reported.",
      bad: ""),
    error(
      .flowDoesNotStart, "flow-does-not-start", "no arrow leaves the demand",
      "The flow must start at the demand: write an arrow from the demand to the first step.",
      bad: badFlow(
        "flow triage -> fix -> confirm -> restored\n")),
    error(
      .flowNeverEnds, "flow-never-ends", "no arrow reaches a value",
      "The flow must end at a value: write an arrow from the last step to the value.",
      bad: bad(
        valueLines,
        valueLines + "flow outage -> triage -> fix -> confirm\n")),
    error(
      .forwardLoop, "forward-loop", "forward arrows loop without a `rework` arrow",
      "Forward arrows (`flow` and `main` lines) must not loop. Work that goes back to a step it passed is written on a `rework` line, so that which arrow sends work back is stated rather than guessed from the order lines are written in, and the worst case and the main path do not depend on that order. The finding names the loop's steps and points at the arrow whose target is nearest the demand; `vstream fmt` upgrades an older file by moving each arrow that closed a loop in written order onto a `rework` line.",
      bad: bad(
        valueLines,
        valueLines + "flow outage -> triage -> fix -> confirm -> restored\nflow confirm -> fix\n"
      )),
    error(
      .reworkGoesForward, "rework-goes-forward", "a `rework` arrow does not go back upstream",
      "A `rework` arrow sends work back to a step it already passed through: its target must be its source or lead to its source by forward arrows. An arrow that goes forward or across is ordinary flow; write it on a `flow` line, or the worst case would leave its work out.",
      bad: badFlow("flow outage -> triage -> fix -> confirm -> restored\nrework triage -> confirm\n")),
    error(
      .mainPathBroken, "main-path-broken", "the `main` arrows do not form one path from the demand to a value",
      "`main` lines say which way most work goes: the main path that the metrics report first and the diagrams draw in bold. Written at all, they must form exactly one path from the demand to a value: one `main` arrow leaves the demand and each node they reach until a value, and none lies elsewhere. Without `main` lines the main path follows the forward arrows, taking the target with the smallest id at each branch.",
      bad: badFlow(
        "main outage -> triage -> fix\nflow fix -> confirm -> restored\n")),
    error(
      .reworkNeverEnds, "rework-never-ends", "a rework loop keeps every item",
      "A step passes on its %C/A and sends the rest back along its `rework` arrows (all of it, when it has no forward arrow), or sends back the shares written on them. A loop whose steps pass nothing on, such as one whose rework arrow is written `100%`, keeps every item that enters it: its expected number of visits is infinite. Lower the share, or give the loop an arrow on toward a value. (A loop made endless by `ca 0%` is VS418's.)",
      bad: bad(
        valueLines,
        valueLines + "flow outage -> triage -> fix -> confirm -> restored\nrework confirm -> 100% fix\n"
      )),
    error(
      .sharesDoNotAddUp, "shares-do-not-add-up", "the shares written on the arrows out of a node do not add up",
      "A share after an arrow (`flow triage -> 30% escalate`) is the part of the node's forward output that takes it; on a `rework` arrow, the part of the step's output sent back. Out of one node the forward shares are all written and add up to 100%, or all but one are written and that one takes the rest (more than 0%), or none is written (the arrows share equally); the rework shares add up to at most 100%.",
      bad: badFlow("flow outage -> triage -> 70% fix -> confirm -> restored\nflow triage -> 20% confirm\n")),

    error(
      .afterValueLeadsBack, "after-value-leads-back", "a step after a value leads back to a step before it",
      "Steps may follow a value: feedback, improvement, a hand-over to another team. Lead time is measured from the demand to the value, and the steps after it are reported apart. An arrow from such a step (or from the value itself) back to a step before the value would make an item reach its value twice; if the feedback starts new work, that is a new demand for another stream. (This replaces VS313, which forbade every arrow out of a value.)",
      bad: badFlow("flow outage -> triage -> fix -> confirm -> restored -> survey\nflow survey -> fix\n" + survey)),
    error(
      .afterValueNeverEnds, "after-value-never-ends", "steps after a value loop with no way out",
      "Work after a value ends at a step with no arrow out, or reaches another value. Steps after a value that only lead round among themselves would never end. Remove an arrow of the loop or add one from it to an end or a value.",
      bad: badFlow(
        "flow outage -> triage -> fix -> confirm -> restored -> survey -> review\nflow review -> survey\n" + survey
          + review)),
    error(
      .loneParallelBranch, "lone-parallel-branch", "a fork has only one `parallel` arrow",
      "`parallel` arrows out of a node start at the same time: the branches of a fork, which meet again at a join. A node with one `parallel` arrow has nothing running beside it. Add the other branch on a `parallel` line, or write the arrow on a `flow` line.",
      bad: badFlow("flow outage -> triage\nparallel triage -> fix\nflow fix -> confirm -> restored\n")),
    error(
      .parallelNeverJoins, "parallel-never-joins", "the branches of a fork never meet again",
      "The branches of a fork (the `parallel` arrows out of one node) run at the same time and meet again at a join, the first node every branch reaches; the work goes on from there once every branch is done, so that the lead time is that of the longest branch. Branches that reach no common node (each ends at its own value or end) never join. Add arrows from each branch to the step where the work comes together.",
      bad: badFlow(
        "flow outage -> triage\nparallel triage -> fix\nparallel triage -> confirm\nflow fix -> restored\nflow confirm -> done\n"
          + "value done \"Closed\"\n")),
    error(
      .branchSkipsJoin, "branch-skips-join", "a branch of a fork can reach a value or an end without passing its join",
      "The join of a fork is the first node that every branch reaches; the work there waits until every branch has arrived. A branch with an alternative route that reaches a value or an end without passing the join would leave the join waiting for ever (a join with a missing branch). Lead that route into the join, or take the branch out of the fork.",
      bad: badFlow(
        "flow outage -> triage\nparallel triage -> fix\nparallel triage -> notify\nflow fix -> confirm -> restored\nflow notify -> confirm\nflow notify -> closed\n"
          + "step notify \"Notify the users\"\n  activity engage\n  practices service-desk\n  time 5m\n  wait 0s\nvalue closed \"Closed\"\n"
      )),
    error(
      .shareOnParallelArrow, "share-on-parallel-arrow", "a `parallel` arrow has a share",
      "A share says which part of a node's output takes an arrow: it splits alternatives. Every branch of a fork takes all of the work, so a `parallel` arrow has no share. Remove the share, or write the arrows on `flow` lines if they are alternatives.",
      bad: badFlow(
        "flow outage -> triage\nparallel triage -> 50% fix\nparallel triage -> confirm\nflow fix -> confirm -> restored\n"
      )),
    error(
      .forkMixesAlternatives, "fork-mixes-alternatives",
      "a node has both `parallel` arrows and alternative forward arrows",
      "The forward arrows out of one node are either alternatives (`flow` or `main` arrows: each item takes one) or the branches of a fork (`parallel` arrows: every item takes all of them). A node with both would say neither. Put the alternatives on a step of their own before or after the fork, or write every arrow out of the node on `parallel` lines.",
      bad: badFlow(
        "flow outage -> triage\nparallel triage -> fix\nparallel triage -> confirm\nflow triage -> restored\nflow fix -> confirm -> restored\n"
      )),
    error(
      .reworkLeavesItsBranch, "rework-leaves-its-branch", "a rework arrow goes back out of a branch of a parallel fork",
      "The branches of a fork run at the same time. A rework arrow inside a branch sends work back within it. One that goes back to the fork, before it or into another branch would start again work the other branches are still doing, and the file does not say whether they stop or finish first: the join's visits, the expected figures and the simulation would each count it differently. When a failure in one branch sends the whole fork back, it is decided where the branches meet: write the rework from the join (`rework JOIN -> STEP`), or send the work back within the branch.",
      bad: badFlow(
        "flow outage -> triage\nparallel triage -> fix\nparallel triage -> notify\nflow fix -> confirm -> restored\nflow notify -> confirm\nrework fix -> triage\n"
          + "step notify \"Notify the users\"\n  activity engage\n  practices service-desk\n  time 5m\n  wait 0s\n"
      )),
    error(
      .mixedDayUnits, "mixed-day-units", "a duration mixes working and calendar days or weeks",
      "`d` and `w` are calendar days and weeks (24 hours, 7 days); `wd` and `ww` are working days and weeks (8 hours and 5 working days unless `vstream.yml` says otherwise). Effort (`time`) is counted in working time and waits in calendar time, so one duration holds one kind: `1w2wd` measures nothing. The safe fix writes the same length in hours, which both kinds share.",
      bad: bad("  time 30m\n", "  time 1w2wd\n")),
    error(
      .targetBelowProcessTime, "target-below-process-time", "the target lead time is shorter than the work itself",
      "`target-lead-time` in the front matter is the lead time the stream promises (an SLA or OLA), and a step's `target` the time it promises for its own part. The main path's process time (or the step's `time`) is the hands-on work one item needs; a target shorter than it cannot be met however short the waits become. Raise the target, or design less work.",
      bad: bad("owner: Service desk lead\n", "owner: Service desk lead\ntarget-lead-time: 30m\n")),
    error(
      .invertedRange, "inverted-range", "a range runs from more to less",
      "A duration may be a range, `least..most` (`wait 1d..3d`), or a three-point estimate, `least..most likely..most` (`time 2h..3h..6h`); the Monte Carlo lead time draws from it. Written the other way round (`3d..1d`) it is an error; the fix writes the values in order.",
      bad: bad("  wait 10m\n", "  wait 30m..10m\n")),
    error(
      .likelyOutsideRange, "likely-outside-range", "a three-point estimate's most likely value is outside its range",
      "A three-point estimate is `least..most likely..most`: the middle value must lie between the other two (`2h..3h..6h`). The fix sorts the three values, which changes which one is the most likely, so it is not applied without asking.",
      bad: bad("  wait 10m\n", "  wait 5m..30m..20m\n")),
    error(
      .conflictingArrow, "conflicting-arrow", "the same arrow is written twice with two meanings",
      "An arrow may be written on several lines (a `main` line over `flow` lines marks the main path; a share written on one writing counts for both), but not with two meanings: as `flow` and as `parallel` (an alternative and a fork), as `rework` and as a forward arrow, or with two different shares. Which one counted would depend on the order of the lines, which never decides what a stream means. Keep one writing, or make them agree.",
      bad: badFlow("flow outage -> triage -> fix -> confirm -> restored\nrework fix -> triage\nflow fix -> triage\n")),
    // Hand-overs between streams: checked across the files of a run, so no single file shows them.
    error(
      .unknownStream, "unknown-stream", "a hand-over or a step's `runs` names a stream that is not in the run",
      "`hands-over-to STREAM` (on a step or value), `from-stream STREAM` (on the demand) and `runs STREAM` (on a step) name another stream by the id after its `stream` keyword. The id must be a stream among the files checked together; the command line also reads the other `.vstream` files of the repository for this, without reporting on them, so `vstream check a.vstream` knows the streams beside it. A hand-over in a file checked entirely alone (an editor) is not judged; a `runs` always is, because the step's figures come from the stream it names.",
      bad: ""),
    error(
      .handOverToItself, "hand-over-to-itself", "a stream hands over to itself",
      "A hand-over joins two streams. Work that goes on within the same stream is an arrow of its flow.", bad: ""),
    error(
      .handOverCycle, "hand-over-cycle", "hand-overs between streams form a cycle",
      "Following `hands-over-to` (and `from-stream`, read the other way) from stream to stream must never come back to where it started: a chain of hand-overs is how work crosses streams end to end, and a cycle has no end. The finding gives the chain. Work that comes back is rework within a stream, or a new demand.",
      bad: ""),
    error(
      .runsItself, "runs-itself", "a step runs the stream it belongs to",
      "`runs STREAM` makes a step of another stream run as a whole, and the step takes that stream's figures. A stream that ran itself would take its figures from itself without end. Work that repeats within a stream is a rework arrow.",
      bad: ""),
    error(
      .runsCycle, "runs-cycle", "streams run each other in a cycle",
      "Following `runs` from stream to stream must never come back to where it started: a step's figures come from the stream it runs, which must be known first, and a cycle has no first. The finding gives the chain, once per cycle, at the first `runs` of it; the others are labelled.",
      bad: ""),
    error(
      .figureBesideRuns, "figure-beside-runs", "a step that runs another stream states its own `time` or `ca`",
      "A step with `runs STREAM` takes its process time (the called stream's on its main path) and its %C/A (the called stream's rolled %C/A) from that stream once the files are linked. A `time` or `ca` of its own would contradict them; each is reported at its line with a fix that removes it. Its own `wait` stays: the queue before the called stream starts, added to that stream's waits.",
      bad: bad(
        "  practices incident-management\n  time 30m\n",
        "  practices incident-management\n  runs fix-a-known-error\n  time 30m\n")),
    error(
      .runsAStreamWithErrors, "runs-a-stream-with-errors", "a step runs a stream that has errors outside the run",
      "A step with `runs STREAM` takes its figures from that stream's checked model, which a stream with errors does not have. When the stream is in the run its own file reports its errors; when it was only read to resolve the name (a file checked without the rest of its repository), this finding at `runs` says why the step has no figures: check that stream's file.",
      bad: ""),
    error(
      .activityOfAnotherFramework, "activity-of-another-framework",
      "a step names an activity of another framework than its stream's",
      "A stream follows one framework: ITIL 4 (the default) or ITIL Version 5, chosen by `framework:` in its front matter or in `vstream.yml`. Its steps name that framework's activities: ITIL 4's six value chain activities (plan, improve, engage, design-and-transition, obtain-build, deliver-and-support) or Version 5's eight lifecycle activities (discover, design, acquire, build, transition, operate, deliver, support). When the front matter names no framework and no step names an activity of the framework in force, the missing `framework:` is what is wrong, and one diagnostic says so with the front matter fix. Otherwise each stray step is reported with its counterparts in the stream's framework, from vstream's own correspondence table (not ITIL's), as fixes for a person to choose from.",
      bad: bad("activity deliver-and-support", "activity operate")),
    error(
      .unknownFramework, "unknown-framework", "the front matter names a framework vstream does not know",
      "`framework:` is `itil4` (ITIL 4, the default) or `itil5` (ITIL Version 5); `ITIL-5` and `itil_v5` are read the same way. Until the framework is known, a step may name either framework's activities, so that the one mistake is reported once.",
      bad: bad("owner: Service desk lead", "owner: Service desk lead\nframework: itil6")),
    error(
      .mixedFrameworks, "mixed-frameworks", "a stream names another framework than the repository allows",
      "`mixed-frameworks: forbid` in `vstream.yml` holds every stream to the repository's `framework`. A stream whose front matter names another is reported once, at its `framework:` value; its activities are still read in the framework it names. Move the stream (`vstream migrate --to ...` maps its activities), or change the setting.",
      bad: ""),
    lint(
      .noPractices, "no-practices", .warning, "a step names no practices",
      "The point of mapping a value stream is to see which practices each step needs. A step without practices hides that contribution; name at least one, or allow it with a reason.",
      bad: bad("  practices incident-management\n", "")),
    lint(
      .noEngage, "no-engage", .warning, "the stream never engages the consumer",
      "Value is co-created with consumers, so nearly every value stream has at least one `engage` step where the consumer raises the demand or confirms the value. ITIL Version 5 has no engage: there the stream needs a `discover`, `deliver` or `support` step, where the consumer's need is understood, the service is provided or the consumer is helped.",
      bad: bad("activity engage", "activity plan").replacingAll("activity engage", "activity plan")),
    lint(
      .engageFirst, "engage-first", .warning, "the first step after the demand is not `engage`",
      "Value streams usually begin with an `engage` step: the consumer's demand is received, understood and logged before other work starts. Demand is not always a person: an incident raised by monitoring starts in deliver and support (detect, correlate), so a `deliver-and-support` first step is not reported when the demand is event-driven: the step names `monitoring-and-event-management`, or the demand says it comes `from` monitoring (its `from` names monitoring, an alert, an alarm, an event, a sensor, a tool or a probe). In an ITIL Version 5 stream the typical first step is `discover` (a need) or `support` (an issue or a request), and an event-driven stream may start in `operate`. This is the typical shape, not a rule: allow it with a reason where it does not fit.",
      bad: bad(
        "  activity engage\n  practices service-desk, incident-management",
        "  activity plan\n  practices service-desk, incident-management")),
    lint(
      .unknownFrontMatterKey, "unknown-front-matter-key", .warning, "a front matter key vstream does not know",
      "Unknown keys are usually typos (`onwer`); the closest known key is suggested. Known keys: vstream, title, owner, version, status, consumer, description, tags.",
      bad: bad("owner: Service desk lead", "onwer: Service desk lead\nowner: Service desk lead")),
    lint(
      .missingMetadata, "missing-metadata", .warning, "the front matter has no `title` or no `owner`",
      "A published stream needs a title and an accountable owner; the catalogue lists both.",
      bad: bad("owner: Service desk lead\n", "")),
    lint(
      .partialMetrics, "partial-metrics", .warning, "some steps have `time` or `wait` and this one has neither",
      "Lead time, flow efficiency and the longest wait are only meaningful when every step has its times; a step without them counts as zero and makes the totals look better than they are.",
      bad: bad("  time 30m\n  wait 10m\n", "")),
    lint(
      .lowFlowEfficiency, "low-flow-efficiency", .warning, "the main path's flow efficiency is below the threshold",
      "Flow efficiency is process time divided by lead time along the main path. On a map of today's stream (a current state) 1-10% is the common finding, so the default threshold is a floor, 1%: below it items spend more than 99% of their time waiting. On a future-state map the threshold is the target the team designs for (world class is often quoted near 40%): set it with `thresholds: flow-efficiency: 25%` in vstream.yml, for a folder of future-state maps with `overrides`. Look first at the step with the longest wait.",
      bad: bad("  wait 10m\n", "  wait 12w\n")),
    lint(
      .practiceAlias, "practice-alias", .note, "a practice is named by an older or regional name",
      "ITIL 4 renamed some practices (change control is now change enablement; several ITIL v3 names live on). Older names are accepted and mean the same practice; `vstream fmt` rewrites them to the current id.",
      bad: bad("practices incident-management\n", "practices incident-management, change-control\n")),
    lint(
      .activityAlias, "activity-alias", .note, "an activity is written with an alternative spelling",
      "Spellings such as `obtain/build` or `design-transition` are accepted; `vstream fmt` rewrites them to the canonical id.",
      bad: bad("activity deliver-and-support", "activity deliver-support")),
    lint(
      .duplicatePractice, "duplicate-practice", .warning, "a step names the same practice twice",
      "Each practice counts once per step; the repeat is probably a copy-paste slip (or an alias of a practice already listed).",
      bad: bad("practices incident-management\n", "practices incident-management, incident-management\n")),
    lint(
      .duplicateArrow, "duplicate-arrow", .warning, "the same arrow is written twice",
      "A repeated arrow adds nothing to the flow and usually means one of them was meant to go elsewhere. A repeat that says more, `main` over `flow` or a share the first writing lacks, counts whichever is written first; one that says something else is VS339.",
      bad: badFlow("flow outage -> triage -> fix -> confirm -> restored\nflow triage -> fix\n")),
    lint(
      .unusedSuppression, "unused-suppression", .warning, "a `# vstream: allow` comment silences nothing",
      "A suppression that matches no finding is stale: the problem was fixed, or the rule name is not the one that fires. Remove it so that suppressions stay meaningful.",
      bad: bad(
        "step fix \"Diagnose and fix\"", "step fix \"Diagnose and fix\"  # vstream: allow no-practices -- not needed")),
    lint(
      .unknownSuppressedRule, "unknown-suppressed-rule", .warning,
      "a suppression names a rule that does not exist or cannot be silenced",
      "Suppressions name a lint by its name (`no-practices`) or code (`VS401`). Errors cannot be silenced: fix them.",
      bad: bad("step fix \"Diagnose and fix\"", "step fix \"Diagnose and fix\"  # vstream: allow no-practises -- typo")),
    lint(
      .suppressionWithoutReason, "suppression-without-reason", .warning, "a suppression gives no reason",
      "Every suppression says why after `--`, so that reviewers can judge it: `# vstream: allow no-practices -- handled by the supplier`.",
      bad: bad("  practices incident-management\n", "  # vstream: allow no-practices\n")),
    lint(
      .unknownDirective, "unknown-directive", .warning, "a `# vstream:` comment is not a known directive",
      "Comments that start with `vstream:` are directives: `allow` and `allow-file`. Anything else is probably a typo.",
      bad: bad("step fix \"Diagnose and fix\"", "step fix \"Diagnose and fix\"  # vstream: alow no-practices -- typo")),

    lint(
      .retiredPractice, "retired-practice-name", .warning,
      "a step names an ITIL v3 practice that no single ITIL 4 practice replaces",
      "Some ITIL v3 names have no one successor: release and deployment management became two practices, and the v3 functions (technical, application and IT operations management) are not practices at all. vstream cannot choose for you, so it names the ITIL 4 practices that took the work over; write the one meant (or several). Until then the step counts none of them.",
      bad: bad("practices incident-management\n", "practices incident-management, release-and-deployment-management\n")),
    lint(
      .ambiguousMainPath, "ambiguous-main-path", .warning,
      "the main path takes a branch only because its id sorts first",
      "The main path is the route most work takes: the `main` arrows, or else at each branch the arrow with the highest share. Where two or more arrows lead on toward a value and none has a share, vstream can only take the target whose id sorts first, which says nothing about the work. Write shares on the arrows out of that step (`flow triage -> 70% fix`), or write the main path as a `main` line.",
      bad: badFlow("flow outage -> triage -> fix -> confirm -> restored\nflow triage -> confirm\n")),
    lint(
      .completeAccurateZero, "ca-zero", .warning, "a step passes nothing on as is (`ca 0%`)",
      "`ca` is the share of a step's output the next step can use without correction. At 0% every item needs correction: through a rework arrow it comes back forever, so the expected figures are infinite (the stream has none), and without one the figures pass everything on anyway. It is rarely meant; usually the share was not known. Write the real share, or remove the line (the unsafe fix) so that it counts as unknown.",
      bad: bad("  time 30m\n", "  time 30m\n  ca 0%\n")),
    lint(
      .reworkShareUnknown, "rework-share-unknown", .warning,
      "a `rework` arrow has no share and its step has no `ca`",
      "How much a rework arrow sends back comes from its written share (`rework fix -> 20% triage`) or from its step's `ca` (100% minus it goes back). With neither, the expected figures count no rework on the arrow and understate the lead time. Give the step its `ca`, or write the share on the arrow. The unsafe fix adds `ca 90%`, a placeholder to replace.",
      bad: badFlow("flow outage -> triage -> fix -> confirm -> restored\nrework fix -> triage\n")),
    lint(
      .effortInCalendarDays, "effort-in-calendar-days", .warning, "a process time is written in calendar days or weeks",
      "Process time (`time`) is effort: the hands-on work on one item, counted in working time. `1d` is a calendar day of 24 hours, so `time 1d` is three working days of work. Write working days (`wd`, 8 hours unless `time: working-day` in vstream.yml says otherwise) and working weeks (`ww`). The fix changes the figure, so it is not applied without asking.",
      bad: bad("  time 30m\n", "  time 1d\n")),
    lint(
      .waitInWorkingDays, "wait-in-working-days", .warning, "a wait is written in working days or weeks",
      "A wait is elapsed time, counted on the calendar: `wait 2d` is 48 hours. `wd` and `ww` are working time (8 hours a day unless vstream.yml says otherwise), so `wait 2wd` counts 16 hours of waiting. Files moved off the old `hours-per-day` setting by `vstream fmt` meet this once per wait, because their waits were counted in working days: write the calendar days meant. The fix changes the figure, so it is not applied without asking.",
      bad: bad("  wait 10m\n", "  wait 2wd\n")),
    lint(
      .leadTimeOverTarget, "lead-time-over-target", .warning, "the lead time is over the stream's target",
      "`target-lead-time: 3d` in the front matter states the lead time the stream promises (an SLA or OLA). vstream holds the main path's lead time against it, the worst case's with `targets: measure: worst-case` in vstream.yml, or the P85 of the Monte Carlo lead time with `measure: p85`; the finding names the longest wait, usually the first thing to shorten. Its severity is set like any lint's: `rules: lead-time-over-target: error` makes a missed target fail the build.",
      bad: bad("owner: Service desk lead\n", "owner: Service desk lead\ntarget-lead-time: 40m\n")),
    lint(
      .stepOverTarget, "step-over-target", .warning, "a step takes longer than its own target",
      "A step may state its own target lead time, `target 4h` (an OLA, or a team's share of the stream's SLA): its wait and its work together should fit in it. A target shorter than the step's `time` alone is VS336 instead.",
      bad: bad("  wait 10m\n", "  wait 10m\n  target 30m\n")),
    // The portfolio checks: over every stream a `vstream.yml` applies to, run only when its `portfolio:` key names
    // them, at the severity written there (not under `rules:`, and not silenced by `# vstream: allow`, which judges
    // one file), so they have no bad example of one file.
    portfolio(
      .unusedPractices, "unused-practices", .warning, "practices of the catalogue support no stream",
      "Asked for with `portfolio: { unused-practices: warning }` in `vstream.yml`. Lists the practices of the catalogue (ITIL's 34 and the organisation's own) that no step of any stream in the repository names: either a practice the organisation does not run, or work no stream maps yet. Reported once, at the key in `vstream.yml`.",
      bad: ""),
    portfolio(
      .unusedActivities, "unused-activities", .warning, "value chain activities no stream maps to",
      "Asked for with `portfolio: { unused-activities: warning }` in `vstream.yml`. Lists the value chain activities (plan, improve, engage, design and transition, obtain/build, deliver and support) that no step of any stream maps to: a repository with no `plan` or `improve` step describes how work is delivered but not how it is planned or improved. Reported once, at the key in `vstream.yml`.",
      bad: ""),
    portfolio(
      .streamsWithoutOwner, "streams-without-owner", .warning, "streams in the repository have no owner",
      "Asked for with `portfolio: { streams-without-owner: warning }` in `vstream.yml`. A value stream needs someone accountable for it (ITIL's value stream owner). Lists the streams whose front matter has no `owner`, once, at the key in `vstream.yml`; each file's own front matter is judged by `missing-metadata` (VS405).",
      bad: ""),
    portfolio(
      .tooManyHandOffs, "too-many-hand-offs", .warning, "a stream hands work between roles more often than the limit",
      "Asked for with `portfolio: { hand-offs: 3 }` (or `{ max: 3, severity: error }`) in `vstream.yml`. A hand-off is an arrow between two steps that share no role (each step's `roles`; steps without roles are not judged): the work changes hands, waits in another queue and loses context. Minimising hand-offs is a stated aim of value stream design. Reported at the `stream` line of each stream over the limit, with its hand-offs.",
      bad: ""),

    RuleDescriptor(
      code: .migrationChoice, name: "migration-choice", defaultSeverity: .warning,
      summary: "`vstream migrate` left a step whose activity needs a person's choice",
      explanation:
        "`vstream migrate --to FRAMEWORK` rewrites each activity that has exactly one counterpart in the target framework (vstream's own correspondence table, not ITIL's; `specs/cli.md` gives it in full). To Version 5: plan and improve become discover; engage is discover, deliver or support; design-and-transition is design or transition; obtain-build is acquire or build; deliver-and-support is operate, deliver or support. An activity with several counterparts is left as written and reported with each counterpart as a fix to choose from; until then `vstream check` reports the step as VS350.",
      badExample: "", goodExample: good, isConfigurable: false),
    lint(
      .unnamedParty, "unnamed-party", .note, "a demand does not say who it comes from, or a value who it is for",
      "ITIL defines demand as a consumer's or stakeholder's need and value as what a stakeholder perceives: a stream is someone's journey. Write who raises the demand with `from \"...\"` and who the value is for with `for \"...\"`; the catalogue and the pages show both, and `from` also tells event-driven demand (`from \"Monitoring\"`) from a person's. A demand that comes from another stream (`from-stream`) names its source already. It is advice, so it waits until the file has no errors (as a compiler's lints wait for its type check). The fix inserts a placeholder line to fill in, so it is applied only with `--unsafe-fixes`.",
      bad: bad("  for \"Service user\"\n", "")),

    config(
      .configUnknownKey, "config-unknown-key", .warning, "`vstream.yml` has a key vstream does not know",
      "Known keys: rules, overrides, practices, thresholds, time (with working-day, working-week and display), targets (with measure), portfolio, framework, mixed-frameworks. Unknown keys are reported (with the closest known key) so that a typo does not silently leave a setting at its default."
    ),
    config(
      .configInvalidValue, "config-invalid-value", .error,
      "a `vstream.yml` setting has a value of the wrong type or range",
      "Severities are off, note, warning or error; thresholds are percentages between 0 and 100; `time: working-day` is hours and minutes (`7h30m`), `working-week` and the older `days-per-week` 1 to 7, the older `hours-per-day` 1 to 24, `display` one of days, units, hours or compact."
    ),
    config(
      .configUnknownRule, "config-unknown-rule", .error,
      "`vstream.yml` configures a rule that does not exist or cannot be configured",
      "Rules are named by name (`no-practices`) or code (`VS401`). Only lints (VS4xx) can be re-levelled or turned off; errors that make a stream meaningless cannot."
    ),
    config(
      .configPracticeConflict, "config-practice-conflict", .error,
      "a custom practice reuses an id or alias that another practice has",
      "Custom practices extend the catalogue; they cannot redefine one of ITIL's 34 practices or their aliases, nor reuse an id or alias of an earlier custom practice. Choose another id."
    ),
    config(
      .configLegacyDays, "config-legacy-days", .warning,
      "`time: hours-per-day` or `days-per-week` redefines calendar days for waits too",
      "Before working units existed, `hours-per-day` and `days-per-week` changed what `d` and `w` mean everywhere, so a wait of `2d` counted two working days. They still do, so that old files keep their figures. To move on: run `vstream fmt`, which (under this setting) writes every `d` and `w` as `wd` and `ww`, the same figures; then replace the two keys with `working-day: 8h` and `working-week: 5`. Waits written in working days are then reported (VS427) so that you can write the calendar days meant."
    ),
    config(
      .configDayTooLong, "config-working-day-too-long", .error, "a working day is longer than 24 hours",
      "`time: working-day` is how long one working day of effort (`1wd`) is: the hours one person works in a day, usually `7h30m` or `8h`. It cannot be longer than a day; the setting keeps its default, 8h."
    ),
    config(
      .configUnknownFramework, "config-unknown-framework", .error,
      "`vstream.yml` names a framework vstream does not know",
      "`framework:` in `vstream.yml` is the framework of every stream whose front matter names none: `itil4` (the default) or `itil5`. An unknown one is reported and the default stays."
    ),
  ]

  private static func error(
    _ code: DiagnosticCode, _ name: String, _ summary: String, _ explanation: String, bad: String
  ) -> RuleDescriptor {
    RuleDescriptor(
      code: code, name: name, defaultSeverity: .error, summary: summary, explanation: explanation, badExample: bad,
      goodExample: good, isConfigurable: false)
  }

  /// A portfolio check: a lint whose severity is set only under `portfolio:`.
  private static func portfolio(
    _ code: DiagnosticCode, _ name: String, _ severity: Severity, _ summary: String, _ explanation: String, bad: String
  ) -> RuleDescriptor {
    var rule = lint(code, name, severity, summary, explanation, bad: bad)
    rule.isConfigurable = false
    return rule
  }

  private static func lint(
    _ code: DiagnosticCode, _ name: String, _ severity: Severity, _ summary: String, _ explanation: String, bad: String
  )
    -> RuleDescriptor
  {
    RuleDescriptor(
      code: code, name: name, defaultSeverity: severity, summary: summary, explanation: explanation, badExample: bad,
      goodExample: good, isConfigurable: true)
  }

  private static func config(
    _ code: DiagnosticCode, _ name: String, _ severity: Severity, _ summary: String, _ explanation: String
  ) -> RuleDescriptor {
    RuleDescriptor(
      code: code, name: name, defaultSeverity: severity, summary: summary, explanation: explanation, badExample: "",
      goodExample: good, isConfigurable: false)
  }

  /// Codes no longer given, each with why: never reused for another meaning, so that an old suppression or a search
  /// for the code finds the reason rather than a different rule.
  public static let retired: [(code: DiagnosticCode, name: String, reason: String)] = [
    (
      "VS313", "arrow-out-of-value",
      "retired: an arrow may leave a value, since steps after a value (feedback, improvement, a hand-over) are allowed; one that leads back before the value is VS327"
    )
  ]

  /// A rule by code or name.
  public static func rule(named name: String) -> RuleDescriptor? {
    rules.first { $0.code.rawValue == name.uppercased() || $0.name == name }
  }
}

/// The codes of the checker and of the configuration reader.
extension DiagnosticCode {
  public static let missingStream: DiagnosticCode = "VS301"
  public static let duplicateStream: DiagnosticCode = "VS302"
  public static let missingDemand: DiagnosticCode = "VS303"
  public static let multipleDemands: DiagnosticCode = "VS304"
  public static let missingValue: DiagnosticCode = "VS305"
  public static let duplicateIdentifier: DiagnosticCode = "VS306"
  public static let missingActivity: DiagnosticCode = "VS307"
  public static let unknownActivity: DiagnosticCode = "VS308"
  public static let unknownPractice: DiagnosticCode = "VS309"
  public static let percentageOutOfRange: DiagnosticCode = "VS310"
  public static let undefinedNode: DiagnosticCode = "VS311"
  public static let arrowIntoDemand: DiagnosticCode = "VS312"
  public static let unreachable: DiagnosticCode = "VS314"
  public static let deadEnd: DiagnosticCode = "VS315"
  public static let closedLoop: DiagnosticCode = "VS316"
  public static let frontMatterType: DiagnosticCode = "VS317"
  public static let unsupportedVersion: DiagnosticCode = "VS318"
  public static let duplicateStreamID: DiagnosticCode = "VS319"
  public static let unknownStream: DiagnosticCode = "VS341"
  public static let handOverToItself: DiagnosticCode = "VS342"
  public static let handOverCycle: DiagnosticCode = "VS343"
  public static let runsItself: DiagnosticCode = "VS344"
  public static let runsCycle: DiagnosticCode = "VS345"
  public static let figureBesideRuns: DiagnosticCode = "VS346"
  public static let runsAStreamWithErrors: DiagnosticCode = "VS347"
  public static let flowDoesNotStart: DiagnosticCode = "VS320"
  public static let flowNeverEnds: DiagnosticCode = "VS321"
  public static let forwardLoop: DiagnosticCode = "VS322"
  public static let reworkGoesForward: DiagnosticCode = "VS323"
  public static let mainPathBroken: DiagnosticCode = "VS324"
  public static let reworkNeverEnds: DiagnosticCode = "VS325"
  public static let sharesDoNotAddUp: DiagnosticCode = "VS326"
  public static let afterValueLeadsBack: DiagnosticCode = "VS327"
  public static let afterValueNeverEnds: DiagnosticCode = "VS328"
  public static let loneParallelBranch: DiagnosticCode = "VS329"
  public static let parallelNeverJoins: DiagnosticCode = "VS330"
  public static let branchSkipsJoin: DiagnosticCode = "VS331"
  public static let shareOnParallelArrow: DiagnosticCode = "VS332"
  public static let forkMixesAlternatives: DiagnosticCode = "VS333"
  public static let reworkLeavesItsBranch: DiagnosticCode = "VS334"
  public static let mixedDayUnits: DiagnosticCode = "VS335"
  public static let targetBelowProcessTime: DiagnosticCode = "VS336"
  public static let invertedRange: DiagnosticCode = "VS337"
  public static let likelyOutsideRange: DiagnosticCode = "VS338"
  public static let conflictingArrow: DiagnosticCode = "VS339"
  public static let activityOfAnotherFramework: DiagnosticCode = "VS350"
  public static let unknownFramework: DiagnosticCode = "VS351"
  public static let mixedFrameworks: DiagnosticCode = "VS352"
  public static let noPractices: DiagnosticCode = "VS401"
  public static let noEngage: DiagnosticCode = "VS402"
  public static let engageFirst: DiagnosticCode = "VS403"
  public static let unknownFrontMatterKey: DiagnosticCode = "VS404"
  public static let missingMetadata: DiagnosticCode = "VS405"
  public static let partialMetrics: DiagnosticCode = "VS406"
  public static let lowFlowEfficiency: DiagnosticCode = "VS407"
  public static let practiceAlias: DiagnosticCode = "VS408"
  public static let activityAlias: DiagnosticCode = "VS409"
  public static let duplicatePractice: DiagnosticCode = "VS410"
  public static let duplicateArrow: DiagnosticCode = "VS411"
  public static let unusedSuppression: DiagnosticCode = "VS412"
  public static let unknownSuppressedRule: DiagnosticCode = "VS413"
  public static let suppressionWithoutReason: DiagnosticCode = "VS414"
  public static let unknownDirective: DiagnosticCode = "VS415"
  public static let retiredPractice: DiagnosticCode = "VS416"
  public static let ambiguousMainPath: DiagnosticCode = "VS417"
  public static let completeAccurateZero: DiagnosticCode = "VS418"
  public static let reworkShareUnknown: DiagnosticCode = "VS419"
  public static let effortInCalendarDays: DiagnosticCode = "VS426"
  public static let waitInWorkingDays: DiagnosticCode = "VS427"
  public static let leadTimeOverTarget: DiagnosticCode = "VS428"
  public static let stepOverTarget: DiagnosticCode = "VS429"
  public static let migrationChoice: DiagnosticCode = "VS450"
  public static let unnamedParty: DiagnosticCode = "VS460"
  public static let unusedPractices: DiagnosticCode = "VS433"
  public static let unusedActivities: DiagnosticCode = "VS434"
  public static let streamsWithoutOwner: DiagnosticCode = "VS435"
  public static let tooManyHandOffs: DiagnosticCode = "VS436"
  public static let configUnknownKey: DiagnosticCode = "VS501"
  public static let configInvalidValue: DiagnosticCode = "VS502"
  public static let configUnknownRule: DiagnosticCode = "VS503"
  public static let configPracticeConflict: DiagnosticCode = "VS504"
  public static let configLegacyDays: DiagnosticCode = "VS505"
  public static let configDayTooLong: DiagnosticCode = "VS506"
  public static let configUnknownFramework: DiagnosticCode = "VS516"
}
