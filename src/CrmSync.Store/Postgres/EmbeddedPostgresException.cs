namespace CrmSync.Store.Postgres;

/// <summary>The embedded cluster could not be created, started or stopped; the message says which step and why.</summary>
public sealed class EmbeddedPostgresException(string message, Exception? inner = null) : Exception(message, inner);
