namespace CrmSync.Salesforce.Limits;

/// <summary>Caps the requests in flight to the org (<c>Salesforce:MaxConcurrency</c>), shared by the REST and Bulk clients.</summary>
internal sealed class OrgConcurrencyGate(Microsoft.Extensions.Options.IOptions<SalesforceOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrency, options.Value.MaxConcurrency);

    public Task EnterAsync(CancellationToken ct) => _slots.WaitAsync(ct);

    public void Leave() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}

/// <summary>Holds a slot of the <see cref="OrgConcurrencyGate"/> until the response headers arrive.</summary>
internal sealed class OrgConcurrencyHandler(OrgConcurrencyGate gate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Leave();
        }
    }
}
