using CrmSync.Host.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using CliRunner = CrmSync.Host.Tests.Cli.Cli;

namespace CrmSync.Host.Tests.Configuration;

/// <summary>Several orgs in one configuration: the chosen org's section over the shared values, each org with its own database.</summary>
public sealed class OrgSelectionTests : IDisposable
{
    private const string TwoOrgs = """
        {
          "Salesforce": { "ApiVersion": "62.0", "LoginUrl": "https://login.salesforce.com" },
          "Orgs": {
            "acme": {
              "Salesforce": { "LoginUrl": "https://acme.my.salesforce.com" },
              "ConnectionStrings": { "CrmSync": "Host=db;Database=acme;Username=u;Password=hunter2" },
              "Jobs": { "PipelineCron": "0 2 * * *" }
            },
            "globex": {
              "Salesforce": { "LoginUrl": "https://globex.my.salesforce.com" }
            }
          }
        }
        """;

    private readonly string root = Directory.CreateTempSubdirectory("crmsync-orgs-").FullName;

    [Fact]
    public void The_chosen_orgs_values_lie_over_the_shared_ones_and_under_the_command_line()
    {
        var acme = Build(TwoOrgs, ("Org", "acme"), ("Jobs:PipelineCron", "0 3 * * *"));

        Assert.Equal("https://acme.my.salesforce.com", acme["Salesforce:LoginUrl"]);
        Assert.Equal("62.0", acme["Salesforce:ApiVersion"]);
        Assert.Equal("Host=db;Database=acme;Username=u;Password=hunter2", acme["ConnectionStrings:CrmSync"]);
        Assert.Equal("0 3 * * *", acme["Jobs:PipelineCron"]);
        Assert.Equal("https://login.salesforce.com", Build(TwoOrgs)["Salesforce:LoginUrl"]);
    }

    [Fact]
    public void An_org_without_a_database_of_its_own_gets_its_own_embedded_one()
    {
        var globex = Build(TwoOrgs, ("Org", "globex"));

        Assert.Null(globex["ConnectionStrings:CrmSync"]);
        Assert.Equal(Path.Combine(".crmsync", "orgs", "globex", "pg"), globex["Database:EmbeddedDirectory"]);
    }

    [Fact]
    public void An_unknown_org_is_refused_with_the_configured_ones()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build(TwoOrgs, ("Org", "initech")));

        Assert.Equal("Org 'initech' is not configured: add a section Orgs:initech (configured: acme, globex).", error.Failures.Single());
    }

    [Fact]
    public void Two_orgs_on_one_database_are_refused_without_showing_its_password()
    {
        var shared = TwoOrgs.Replace("\"Salesforce\": { \"LoginUrl\": \"https://globex.my.salesforce.com\" }",
            "\"ConnectionStrings\": { \"CrmSync\": \"Host=db;Database=acme;Username=u;Password=hunter2\" }", StringComparison.Ordinal);

        var error = Assert.Throws<OptionsValidationException>(() => Build(shared, ("Org", "globex")));

        Assert.Equal("Orgs acme and globex would share one database (connection string db:5432/acme): give each its own ConnectionStrings:CrmSync or Database:EmbeddedDirectory.", error.Failures.Single());
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_names_an_unknown_org_and_exits_2()
    {
        var (code, _, error) = await CliRunner.RunAsync("db", "status", "--org", "initech");

        Assert.Equal(2, code);
        Assert.Contains("Org 'initech' is not configured", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private IConfiguration Build(string appsettings, params (string Key, string Value)[] commandLine)
    {
        File.WriteAllText(Path.Combine(root, "appsettings.json"), appsettings);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = root });
        builder.AddCrmSyncConfiguration(commandLine.Select(c => new KeyValuePair<string, string?>(c.Key, c.Value)));
        return builder.Configuration;
    }
}
