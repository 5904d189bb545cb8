using System.Text;
using CrmSync.Sync.Mappings;

namespace CrmSync.Sync.Tests.Mappings;

/// <summary>
/// Mapping files written to hurt: alias bombs, absurd nesting, huge or binary files, names and filter values that
/// try to become SOQL. Each is refused (or read as plain data) with a problem naming file and line; none crashes
/// the process, hangs, or lets text through into a query.
/// </summary>
public sealed class HostileMappingFilesTests
{
    [Fact]
    public void An_alias_bomb_is_refused_without_expanding_it()
    {
        var yaml = new StringBuilder("source: deal\nbomb0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"bomb{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }
        yaml.Append("fields: *a11\n");

        var problems = Errors(("bomb.yaml", yaml.ToString()));

        Assert.Contains(problems, p => p.Location.File == "bomb.yaml" && p.Message.Contains("alias", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Nesting_deep_enough_to_overflow_a_recursive_reader_is_refused()
    {
        var yaml = "source: deal\nfields:\n  amount: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var problem = Assert.Single(Errors(("deep.yaml", yaml)));

        Assert.Equal("deep.yaml", problem.Location.File);
        Assert.Contains("nest", problem.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_file_too_large_to_be_a_mapping_is_refused_unread()
    {
        var problem = SingleErrorOfFolderWith("huge.yaml", Encoding.UTF8.GetBytes("source: deal\n# " + new string('x', 3_000_000) + "\n"));

        Assert.Contains("1 MB", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_reported_as_not_yaml()
    {
        var problem = SingleErrorOfFolderWith("deal.yaml", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0xFF, 0xFE, 0x00, 0x9C]);

        Assert.Contains("not a text file", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("object: Opportunity WHERE IsWon = true")]
    [InlineData("object: \"Opportunity; DELETE\"")]
    [InlineData("object: Opportunity--")]
    public void An_object_name_that_is_not_an_api_name_is_refused(string objectLine)
    {
        var problems = Errors(("deal.yaml", $"source: deal\n{objectLine}\nfields:\n  amount: Amount\n"));

        Assert.Contains(problems, p => p.Location is { File: "deal.yaml", Line: 2 });
    }

    [Fact]
    public void Duplicate_keys_are_reported_at_the_second_one()
    {
        var problems = Errors(("deal.yaml", "source: deal\nfields:\n  amount: Amount\n  amount: Amount_USD__c\n"));

        Assert.Contains(problems, p => p.Location is { File: "deal.yaml", Line: 4 });
    }

    /// <summary>Loads a folder holding only <paramref name="name"/>: its one error, which must name that file.</summary>
    private static MappingProblem SingleErrorOfFolderWith(string name, byte[] content)
    {
        var folder = Directory.CreateTempSubdirectory("crmsync-hostile-");
        try
        {
            File.WriteAllBytes(Path.Combine(folder.FullName, name), content);
            var problem = Assert.Single(MappingLoader.LoadFolder(folder.FullName).Problems, p => p.Severity == ProblemSeverity.Error);
            Assert.EndsWith(name, problem.Location.File, StringComparison.Ordinal);
            return problem;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static IReadOnlyList<MappingProblem> Errors(params (string File, string Yaml)[] files) =>
        MappingLoader.Load(files).Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
}
