namespace CrmSync.Store.Migrations;

/// <summary>A migration could not be read or applied; the message names the file.</summary>
public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);
