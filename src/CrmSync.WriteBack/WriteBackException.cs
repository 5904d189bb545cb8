namespace CrmSync.WriteBack;

/// <summary>A write-back that cannot start (no metric run yet, another one running); the message says what to do.</summary>
public sealed class WriteBackException(string message) : Exception(message);
