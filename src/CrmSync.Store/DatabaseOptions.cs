using Microsoft.Extensions.Configuration;

namespace CrmSync.Store;

/// <summary>Where CrmSync keeps its data: a configured PostgreSQL server, or the embedded one (checked by <see cref="DatabaseOptionsValidator"/>).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringKey = "ConnectionStrings:CrmSync";

    /// <summary>Bound from <c>ConnectionStrings:CrmSync</c>; empty means "use the embedded cluster".</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder of the embedded cluster, relative to the content root. Default <c>.crmsync/pg</c>.</summary>
    public string EmbeddedDirectory { get; set; } = ".crmsync/pg";

    /// <summary>Folder holding initdb, pg_ctl and postgres; found automatically when empty.</summary>
    public string? PostgresBinDir { get; set; }

    public int StartTimeoutSeconds { get; set; } = 60;

    public bool UsesEmbeddedServer => string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>Binds the <c>Database</c> section and <c>ConnectionStrings:CrmSync</c>.</summary>
    public void BindFrom(IConfiguration configuration)
    {
        configuration.GetSection(Section).Bind(this);
        ConnectionString = configuration.GetConnectionString("CrmSync");
    }
}
