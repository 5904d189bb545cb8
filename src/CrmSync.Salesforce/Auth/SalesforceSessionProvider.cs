namespace CrmSync.Salesforce.Auth;

/// <summary>Holds the current session and makes concurrent callers share one (re-)login.</summary>
public interface ISalesforceSessionProvider
{
    /// <summary>The current session, logging in first if there is none.</summary>
    ValueTask<SalesforceSession> GetSessionAsync(CancellationToken ct);

    /// <summary>
    /// Replaces <paramref name="rejected"/> with a fresh session. When another caller already renewed it,
    /// returns that newer session without logging in again.
    /// </summary>
    Task<SalesforceSession> RenewAsync(SalesforceSession? rejected, CancellationToken ct);
}

internal sealed class SalesforceSessionProvider(SalesforceLoginClient login) : ISalesforceSessionProvider, IDisposable
{
    private readonly SemaphoreSlim _loginGate = new(1, 1);
    private SalesforceSession? _current;

    public ValueTask<SalesforceSession> GetSessionAsync(CancellationToken ct)
    {
        var current = Volatile.Read(ref _current);
        return current is not null ? ValueTask.FromResult(current) : new ValueTask<SalesforceSession>(RenewAsync(null, ct));
    }

    public async Task<SalesforceSession> RenewAsync(SalesforceSession? rejected, CancellationToken ct)
    {
        await _loginGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var current = _current;
            if (current is not null && current.Generation != rejected?.Generation)
            {
                return current;
            }

            var fresh = await login.LoginAsync((current?.Generation ?? 0) + 1, ct).ConfigureAwait(false);
            Volatile.Write(ref _current, fresh);
            return fresh;
        }
        finally
        {
            _loginGate.Release();
        }
    }

    public void Dispose() => _loginGate.Dispose();
}
