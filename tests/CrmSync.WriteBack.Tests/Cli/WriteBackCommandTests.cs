using CrmSync.Host.Cli;
using CrmSync.Testing;
using CrmSync.WriteBack.Tests.Pipeline;

namespace CrmSync.WriteBack.Tests.Cli;

/// <summary><c>crmsync writeback</c> as an admin runs it: the dry run's table and CSV, the summary, the exit codes.</summary>
public sealed class WriteBackCommandTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_dry_run_prints_old_and_new_values_and_writes_them_all_to_csv_then_a_run_writes_them()
    {
        await using var harness = await WriteBackHarness.StartAsync(server);
        var run = await harness.SyncAndComputeAsync();
        await harness.WriteBackAsync();
        var next = await WriteBackPipelineTests.CopyRunAsync(harness, run);
        var account = (string)(await harness.RowsAsync("SELECT min(account_id) AS id FROM crmsync.account_metric WHERE run_id = $1", run))[0]["id"]!;
        await harness.ExecuteAsync("UPDATE crmsync.account_clv SET next_best_action = 'Call, then \"visit\"' WHERE run_id = $1 AND account_id = $2", next, account);
        var csv = Path.Combine(Path.GetTempPath(), $"writeback-{Guid.NewGuid():N}.csv");

        var (dryCode, dryOutput, _) = await RunAsync(harness, "writeback", "--dry-run", "--csv", csv);
        var (code, output, _) = await RunAsync(harness, "writeback");

        Assert.Equal(0, dryCode);
        Assert.Contains("1 field values would be written", dryOutput, StringComparison.Ordinal);
        Assert.Contains("CrmSync_Next_Best_Action__c", dryOutput, StringComparison.Ordinal);
        var old = (string?)(await harness.RowsAsync("SELECT next_best_action FROM crmsync.account_clv WHERE run_id = $1 AND account_id = $2", run, account))[0]["next_best_action"];
        Assert.Equal(
            ["target,object,record,field,old,new", $"account,Account,{account},CrmSync_Next_Best_Action__c,{old},\"Call, then \"\"visit\"\"\""],
            (await File.ReadAllLinesAsync(csv)).Where(l => l.Length > 0));
        File.Delete(csv);
        Assert.Equal(0, code);
        Assert.Matches(@"account\s*│\s*Account\s*│\s*collections\s*│\s*120\s*│\s*119\s*│\s*1\s*│\s*1\s*│\s*0", output);
    }

    [Fact]
    public async Task Csv_without_dry_run_is_bad_usage()
    {
        var (code, _, error) = await CliAsync("writeback", "--csv", "x.csv");

        Assert.Equal(2, code);
        Assert.Contains("--csv goes with --dry-run", error, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Output, string Error)> RunAsync(WriteBackHarness harness, params string[] args)
    {
        var settings = new Dictionary<string, string?>(SandboxLogin.Settings(harness.Sandbox.BaseUri))
        {
            ["ConnectionStrings:CrmSync"] = harness.ConnectionString,
            ["Sync:MappingsPath"] = RepositoryRoot.Combine("mappings"),
        };
        return CliAsync([.. args, .. settings.SelectMany(s => new[] { "--set", $"{s.Key}={s.Value}" })]);
    }

    private static async Task<(int Code, string Output, string Error)> CliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CrmSyncCommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
