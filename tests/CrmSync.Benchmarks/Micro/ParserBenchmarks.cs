using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CrmSync.Salesforce.Bulk;
using CrmSync.Salesforce.Json;
using CrmSync.Salesforce.Rest;
using CrmSync.Sync.Mappings;
using CrmSync.Sync.Pull;
using CrmSync.Testing;

namespace CrmSync.Benchmarks.Micro;

/// <summary>The parsers on the sync's hot path, one Salesforce page at a time, and the mapping files read at every start.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private const int PageRows = 10_000;
    private const string Stamp = "2026-03-08T10:15:30.000+0000";

    private byte[] bulkPage = [];
    private byte[] restPage = [];
    private string mappings = "";

    [GlobalSetup]
    public void Setup()
    {
        var rows = Enumerable.Range(0, PageRows).Select(i => (IReadOnlyList<string?>)[
            $"006{i:D15}", Stamp, "false", $"001{i % 1000:D15}", (1500.0 + i).ToString(CultureInfo.InvariantCulture), "2026-03-31", "true", "true", "Closed Won", "New Customer", Stamp]).ToList();
        bulkPage = Encoding.UTF8.GetBytes(BulkCsv.Write(
            ["Id", "SystemModstamp", "IsDeleted", "AccountId", "Amount", "CloseDate", "IsClosed", "IsWon", "StageName", "Type", "CreatedDate"], rows));
        var records = rows.Take(2000).Select(r =>
            $$"""{"attributes":{"type":"Opportunity","url":"/services/data/v62.0/sobjects/Opportunity/{{r[0]}}"},"Id":"{{r[0]}}","SystemModstamp":"{{Stamp}}","IsDeleted":false,"AccountId":"{{r[3]}}","Amount":{{r[4]}},"CloseDate":"2026-03-31","IsClosed":true,"IsWon":true,"StageName":"Closed Won","Type":"New Customer","CreatedDate":"{{Stamp}}"}""");
        restPage = Encoding.UTF8.GetBytes($$"""{"totalSize":2000,"done":true,"records":[{{string.Join(',', records)}}]}""");
        mappings = RepositoryRoot.Combine("mappings");
    }

    [Benchmark(Description = "SystemModstamp text → DateTime")]
    public DateTime ParseDateTime() => SalesforceText.TryParseDateTime(Stamp, out var value) ? value : default;

    [Benchmark(Description = "Bulk CSV page, 10,000 rows × 11 columns")]
    public async Task<int> ReadBulkPage()
    {
        var count = 0;
        await foreach (var record in BulkCsv.ReadAsync(new MemoryStream(bulkPage), CancellationToken.None))
        {
            count += record.FieldCount;
        }

        return count;
    }

    [Benchmark(Description = "REST query page, 2,000 records")]
    public int ReadRestPage() => JsonSerializer.Deserialize<QueryPage<JsonElement>>(restPage, SalesforceJson.Options)!.Records.Count;

    [Benchmark(Description = "mapping files of mappings/ (YAML, checked)")]
    public int LoadMappings() => MappingLoader.LoadFolder(mappings).Sources.Count;
}
