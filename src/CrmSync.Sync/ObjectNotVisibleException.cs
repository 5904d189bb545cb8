namespace CrmSync.Sync;

/// <summary>A mapped, required object the org no longer shows the integration user; the message says what to do.</summary>
public sealed class ObjectNotVisibleException(string message, Exception inner) : InvalidOperationException(message, inner);
