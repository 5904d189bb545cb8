namespace CrmSync.Store.Postgres;

public enum EmbeddedClusterState
{
    NotCreated,
    Stopped,
    Running,
}

public sealed record EmbeddedPostgresStatus(EmbeddedClusterState State, string Directory, int? Port, string? MajorVersion, string? BinDirectory);

/// <summary>A running embedded cluster and how to reach it.</summary>
public sealed record EmbeddedPostgresInstance(string ConnectionString, int Port, string MajorVersion, bool WasAlreadyRunning);
