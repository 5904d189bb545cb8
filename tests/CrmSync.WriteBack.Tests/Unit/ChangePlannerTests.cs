using CrmSync.WriteBack.Ledger;
using CrmSync.WriteBack.Targets;

namespace CrmSync.WriteBack.Tests.Unit;

public sealed class ChangePlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private static readonly TargetPlan Target = TargetPlan.Check(
        new WriteTarget("account", "Account", [new("win_rate", "Win__c"), new("csat", "Csat__c"), new("clv_tier", "Tier__c")]),
        [
            new FieldSpec("Win__c", "percent", 5, 2, 0, true, true, false, []),
            new FieldSpec("Csat__c", "double", 4, 2, 0, true, true, false, []),
            new FieldSpec("Tier__c", "picklist", 0, 0, 255, true, true, false, ["Gold"]),
        ],
        new HashSet<string> { "win_rate", "csat", "clv_tier" });

    private static RecordPlan Plan(Dictionary<string, string?> written, RecordFailure? failure = null) =>
        new ChangePlanner(Target, Now).Plan(new StoredRecord("001A", new Dictionary<string, object?> { ["win_rate"] = 0.5m, ["csat"] = 7.123m, ["clv_tier"] = "Gold" }, written, failure));

    private static readonly Dictionary<string, string?> AllWritten = new() { ["Win__c"] = "50.00", ["Csat__c"] = "7.12", ["Tier__c"] = "Gold" };

    [Fact]
    public void Values_equal_to_the_ledger_after_rounding_are_not_sent()
    {
        Assert.Equal(PlanOutcome.Unchanged, Plan(AllWritten).Outcome);
    }

    [Fact]
    public void Only_the_changed_fields_are_sent_and_a_field_never_written_counts_as_changed()
    {
        var plan = Plan(new() { ["Win__c"] = "49.00", ["Csat__c"] = "7.12" });

        Assert.Equal(PlanOutcome.Changed, plan.Outcome);
        Assert.Equal(
            [new FieldChange("Win__c", "49.00", "50.00", true), new FieldChange("Tier__c", null, "Gold", false)],
            plan.Change!.Fields);
    }

    [Fact]
    public void A_retryable_failure_waits_for_its_retry_time()
    {
        var failure = new RecordFailure("UNABLE_TO_LOCK_ROW", "locked", true, 2, [], new Dictionary<string, string?>(), Now.AddMinutes(1));

        Assert.Equal(PlanOutcome.Deferred, Plan([], failure).Outcome);
        Assert.Equal(PlanOutcome.Changed, Plan([], failure with { NextRetryAt = Now }).Outcome);
        Assert.Equal(2, Plan([], failure with { NextRetryAt = Now }).Change!.PreviousAttempts);
    }

    [Fact]
    public void A_checkbox_whose_result_is_not_configured_is_left_as_it_is_instead_of_blanked()
    {
        var target = TargetPlan.Check(
            new WriteTarget("account", "Account", [new("retained", "Retained__c"), new("csat", "Csat__c")]),
            [new FieldSpec("Retained__c", "boolean", 0, 0, 0, true, true, false, []), new FieldSpec("Csat__c", "double", 4, 2, 0, true, true, false, [])],
            new HashSet<string> { "retained", "csat" });
        var record = new StoredRecord("001A", new Dictionary<string, object?> { ["retained"] = null, ["csat"] = null }, new Dictionary<string, string?> { ["Retained__c"] = "true", ["Csat__c"] = "7.12" }, null);

        var plan = new ChangePlanner(target, Now).Plan(record);

        Assert.Equal([new FieldChange("Csat__c", "7.12", null, true)], plan.Change!.Fields);
    }

    [Fact]
    public void A_field_refused_because_of_the_orgs_setup_is_sent_again_once_its_backoff_is_over()
    {
        var failure = new RecordFailure("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: Win__c", ErrorPolicy.IsRetryable("INVALID_FIELD_FOR_INSERT_UPDATE"), 1,
            ["Win__c"], new Dictionary<string, string?> { ["Win__c"] = "50.00" }, Now);

        var plan = Plan(new() { ["Csat__c"] = "7.12", ["Tier__c"] = "Gold" }, failure);

        Assert.True(ErrorPolicy.IsAboutTheOrgSetup("INVALID_FIELD_FOR_INSERT_UPDATE"));
        Assert.Equal([new FieldChange("Win__c", null, "50.00", false)], plan.Change!.Fields);
    }

    [Fact]
    public void A_deleted_record_is_not_sent_again()
    {
        var failure = new RecordFailure("ENTITY_IS_DELETED", "entity is deleted", false, 1, [], new Dictionary<string, string?>(), null);

        Assert.Equal(PlanOutcome.Blocked, Plan([], failure).Outcome);
    }

    [Fact]
    public void A_refused_value_is_held_back_until_it_changes_and_the_other_fields_still_go()
    {
        var refused = new RecordFailure("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "bad value", false, 1, ["Tier__c"],
            new Dictionary<string, string?> { ["Win__c"] = "50.00", ["Tier__c"] = "Gold" }, null);

        var partly = Plan(new() { ["Csat__c"] = "7.12" }, refused);
        var onlyRefused = Plan(new() { ["Win__c"] = "50.00", ["Csat__c"] = "7.12" }, refused);
        var newValue = Plan(new() { ["Win__c"] = "50.00", ["Csat__c"] = "7.12" }, refused with { Attempted = new Dictionary<string, string?> { ["Tier__c"] = "Platinum" } });

        Assert.Equal(["Win__c"], partly.Change!.Fields.Select(f => f.Field));
        Assert.True(partly.Change.KeepFailure);
        Assert.Equal(PlanOutcome.Blocked, onlyRefused.Outcome);
        Assert.Equal(["Tier__c"], newValue.Change!.Fields.Select(f => f.Field));
        Assert.False(newValue.Change.KeepFailure);
    }

    [Fact]
    public void A_failure_whose_values_are_all_written_since_is_cleared()
    {
        var failure = new RecordFailure("STRING_TOO_LONG", "too long", false, 1, ["Tier__c"], new Dictionary<string, string?>(), null);

        Assert.True(Plan(AllWritten, failure).ClearsFailure);
    }
}
