using CrmSync.Salesforce.Rest;
using CrmSync.Sync.Mappings;

namespace CrmSync.Sync.Tests.Mappings;

public sealed class OrgMappingCheckerTests
{
    private const string Deal = "source: deal\nobject: Opportunity\nfields:\n  amount: Amount\n  close_date: CloseDate\n";
    private const string Survey = "source: survey\nobject: Survey_Response__c\noptional: true\nfields:\n  score: Score__c\n";
    private const string Account = "target: account\nobject: Account\nfields:\n  win_rate: CrmSync_Win_Rate__c\n  nps: CrmSync_NPS__c\n";

    [Fact]
    public void A_mapping_that_fits_the_org_has_no_problem()
    {
        var problems = Check([("deal.yaml", Deal), ("account.yaml", Account)], Opportunity(), AccountObject());

        Assert.Empty(problems);
    }

    [Fact]
    public void A_missing_field_is_reported_at_its_line_with_a_suggestion()
    {
        var problem = Assert.Single(Check([("deal.yaml", Deal.Replace("CloseDate", "Close_Date", StringComparison.Ordinal))], Opportunity()));

        Assert.Equal(("deal.yaml", 5), (problem.Location.File, problem.Location.Line));
        Assert.Contains("Opportunity has no field Close_Date", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'CloseDate'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_of_the_wrong_type_is_refused()
    {
        var problem = Assert.Single(Check([("deal.yaml", Deal.Replace("amount: Amount", "amount: StageName", StringComparison.Ordinal))], Opportunity()));

        Assert.Equal(4, problem.Location.Line);
        Assert.Contains("is of type picklist, but 'amount' needs Money", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_optional_object_is_a_warning_and_a_missing_required_one_an_error()
    {
        var problems = Check([("deal.yaml", Deal), ("survey.yaml", Survey)]);

        Assert.Contains(problems, p => p is { Severity: ProblemSeverity.Error, Location.File: "deal.yaml" } && p.Message.Contains("Opportunity is not in this org", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Severity: ProblemSeverity.Warning, Location.File: "survey.yaml" } && p.Message.Contains("not configured", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_back_targets_must_be_updateable_and_not_calculated()
    {
        var account = AccountObject(
            Field("CrmSync_Win_Rate__c", "percent", updateable: false),
            Field("CrmSync_NPS__c", "double", updateable: false, calculated: true));

        var problems = Check([("account.yaml", Account)], account);

        Assert.Contains(problems, p => p.Location.Line == 4 && p.Message.Contains("not updateable", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Location.Line == 5 && p.Message.Contains("formula (calculated)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_snapshot_key_must_be_an_external_id()
    {
        var snapshot = Describe("CrmSync_KPI_Snapshot__c", Field("Snapshot_Key__c", "string"), Field("Value__c", "double"));

        var problem = Assert.Single(Check([("snapshot.yaml", "target: snapshot\nexternal_id: Snapshot_Key__c\nfields:\n  value: Value__c\n")], snapshot));

        Assert.Contains("must exist and be an External ID field", problem.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<MappingProblem> Check((string, string)[] files, params SObjectDescribe[] org)
    {
        var mappings = MappingLoader.Load(files);
        Assert.False(mappings.HasErrors);
        return OrgMappingChecker.Check(
            mappings,
            org.Select(o => o.Name).ToHashSet(StringComparer.OrdinalIgnoreCase),
            org.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase));
    }

    private static SObjectDescribe Opportunity() => Describe("Opportunity", Field("Amount", "currency"), Field("CloseDate", "date"), Field("StageName", "picklist"));

    private static SObjectDescribe AccountObject(params FieldDescribe[] fields) =>
        Describe("Account", fields.Length > 0 ? fields : [Field("CrmSync_Win_Rate__c", "percent"), Field("CrmSync_NPS__c", "double")]);

    private static SObjectDescribe Describe(string name, params FieldDescribe[] fields) =>
        new(name, name, "006", false, true, true, true,
            [Field("Id", "id", updateable: false), Field("SystemModstamp", "datetime", updateable: false), Field("IsDeleted", "boolean", updateable: false), .. fields]);

    private static FieldDescribe Field(string name, string type, bool updateable = true, bool calculated = false, bool externalId = false) =>
        new(name, name, type, null, 0, 18, 2, 0, updateable, updateable, calculated, true, externalId, false, true, null, null, null);
}
