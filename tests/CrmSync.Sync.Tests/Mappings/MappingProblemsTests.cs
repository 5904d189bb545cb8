using CrmSync.Sync.Mappings;

namespace CrmSync.Sync.Tests.Mappings;

/// <summary>Bad mapping files: every problem names file, line and column, and says what to do.</summary>
public sealed class MappingProblemsTests
{
    [Fact]
    public void A_yaml_syntax_error_is_reported_at_its_line()
    {
        var problem = Assert.Single(Errors(("deal.yaml", "source: deal\nobject: Opportunity\nfields:\n  amount: Amount\n  close_date CloseDate: x: y\n")));

        Assert.Equal(("deal.yaml", 5), (problem.Location.File, problem.Location.Line));
        Assert.StartsWith("YAML syntax error", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_key_gets_a_suggestion()
    {
        var problem = Assert.Single(Errors(("deal.yaml", "source: deal\nobject: Opportunity\nfeilds:\n  amount: Amount\n")), p => p.Message.StartsWith("Unknown key", StringComparison.Ordinal));

        Assert.Equal(3, problem.Location.Line);
        Assert.Contains("Did you mean 'fields'?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_source_or_logical_field_is_named_with_the_known_ones()
    {
        var problems = Errors(
            ("a.yaml", "source: deals\nfields:\n  amount: Amount\n"),
            ("b.yaml", "source: deal\nfields:\n  amount: Amount\n  amonut_usd: Amount_USD__c\n"));

        Assert.Contains(problems, p => p.Location is { File: "a.yaml", Line: 1, Column: 9 } && p.Message.Contains("Did you mean 'deal'?", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Location is { File: "b.yaml", Line: 4, Column: 3 } && p.Message.Contains("'amonut_usd' is not a field of deal", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Amount) OR (Id != null")]
    [InlineData("Amount, (SELECT Id FROM Contacts)")]
    [InlineData("1Amount")]
    [InlineData("Amount__c; DROP")]
    public void A_field_name_that_is_not_an_api_name_is_refused(string apiName)
    {
        var problem = Assert.Single(Errors(("deal.yaml", $"source: deal\nfields:\n  amount: \"{apiName}\"\n")));

        Assert.Equal(3, problem.Location.Line);
        Assert.Contains("is not a Salesforce API name", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_results_written_to_one_field_are_refused_at_the_second()
    {
        var problem = Assert.Single(Errors(("targets.yaml", "target: account\nfields:\n  win_rate: CrmSync_Win_Rate__c\n  fcr_rate: CrmSync_Win_Rate__c\n")));

        Assert.Equal(4, problem.Location.Line);
        Assert.Contains("already the target of 'win_rate' (line 3)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_mapped_in_two_files_is_refused_naming_the_first()
    {
        var problem = Assert.Single(Errors(("one.yaml", "source: deal\nfields:\n  amount: Amount\n"), ("two.yaml", "source: deal\nfields:\n  amount: Amount\n")));

        Assert.Equal("two.yaml", problem.Location.File);
        Assert.Contains("already mapped in one.yaml:1:1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_are_read_as_data_and_bad_ones_are_explained()
    {
        var set = MappingLoader.Load([("deal.yaml", """
            source: deal
            fields:
              amount: Amount
            filters:
              - { field: StageName, op: "!=", value: "Duplicate" }
              - { field: Amount, op: ">", value: 0 }
              - { field: Type, op: in, values: [New Business, 'Existing Customer - Upgrade'] }
              - { field: Type, op: like, value: "%x%" }
              - { field: Type, op: in, value: x }
            """)]);

        var filters = set.Source("deal")!.Filters;
        Assert.Equal(["!=", ">", "in"], filters.Select(f => f.Operator));
        Assert.Equal(new FilterValue("Duplicate", true), filters[0].Values.Single());
        Assert.Equal(new FilterValue("0", false), filters[1].Values.Single());
        Assert.Equal(["New Business", "Existing Customer - Upgrade"], filters[2].Values.Select(v => v.Text));
        Assert.Contains(set.Problems, p => p.Location.Line == 8 && p.Message.StartsWith("Unknown operator 'like'", StringComparison.Ordinal));
        Assert.Contains(set.Problems, p => p.Location.Line == 9 && p.Message.Contains("needs 'values:'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_set_to_tilde_is_left_unmapped_on_purpose()
    {
        var set = MappingLoader.Load([("deal.yaml", "source: deal\nfields:\n  amount: Amount\n  type: ~\n")]);

        Assert.False(set.HasErrors);
        Assert.Null(set.Source("deal")!.ApiNameOf("type"));
        Assert.Equal("Amount", set.Source("deal")!.ApiNameOf("amount"));
    }

    [Fact]
    public void A_missing_source_is_a_warning_not_an_error()
    {
        var set = MappingLoader.Load([("deal.yaml", "source: deal\nfields:\n  amount: Amount\n")]);

        Assert.False(set.HasErrors);
        Assert.Contains(set.Problems, p => p.Severity == ProblemSeverity.Warning && p.Message.StartsWith("source 'survey' is not mapped", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        var problems = Errors(("deal.yaml", "source: deal\nobjekt: Opportunity\nfields:\n  amout: Amount\n  close_date: 'Close Date'\ndeletes: sometimes\n"));

        Assert.Equal([2, 4, 5, 6], problems.Select(p => p.Location.Line).Order());
    }

    private static List<MappingProblem> Errors(params (string File, string Yaml)[] files) =>
        MappingLoader.Load(files).Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
}
