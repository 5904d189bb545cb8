using Microsoft.Extensions.Options;
using Npgsql;

namespace CrmSync.Store;

/// <summary>Checks the database settings; every message names the key and the value found.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var failures = new List<string>();
        if (DescribeConnectionStringProblem(options.ConnectionString) is { } problem)
        {
            failures.Add(problem);
        }

        if (string.IsNullOrWhiteSpace(options.EmbeddedDirectory))
        {
            failures.Add("Database:EmbeddedDirectory must name a folder (default .crmsync/pg).");
        }

        if (options.StartTimeoutSeconds is < 1 or > 600)
        {
            failures.Add($"Database:StartTimeoutSeconds must be between 1 and 600 (was {options.StartTimeoutSeconds}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static string? DescribeConnectionStringProblem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return string.IsNullOrWhiteSpace(builder.Host)
                ? $"{DatabaseOptions.ConnectionStringKey} has no Host (expected e.g. \"Host=db.example.com;Database=crmsync;Username=crmsync\")."
                : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            return $"{DatabaseOptions.ConnectionStringKey} is not a valid PostgreSQL connection string: {e.Message} " +
                   "(expected e.g. \"Host=db.example.com;Database=crmsync;Username=crmsync\"; leave it empty to use the embedded PostgreSQL).";
        }
    }
}
