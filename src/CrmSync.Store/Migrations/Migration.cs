using System.Security.Cryptography;
using System.Text;

namespace CrmSync.Store.Migrations;

/// <summary>One versioned SQL script, e.g. <c>0003_metric_runs.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    public string FileName => $"{Version:0000}_{Name}.sql";

    /// <summary>SHA-256 of the script, so an applied migration that was edited later is noticed.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}
