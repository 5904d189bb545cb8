using System.Net;
using CrmSync.Salesforce.Limits;
using Microsoft.Extensions.Options;

namespace CrmSync.Salesforce.Tests.Limits;

public sealed class ConcurrencyAndUsageHeaderTests
{
    /// <summary>Holds every request until the test releases it, and counts how many reached it.</summary>
    private sealed class HoldingHandler : HttpMessageHandler
    {
        private readonly List<TaskCompletionSource<HttpResponseMessage>> _held = [];

        public int Started
        {
            get
            {
                lock (_held)
                {
                    return _held.Count;
                }
            }
        }

        public void ReleaseFirst()
        {
            lock (_held)
            {
                _held.First(t => !t.Task.IsCompleted).SetResult(new HttpResponseMessage(HttpStatusCode.OK));
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var pending = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_held)
            {
                _held.Add(pending);
            }

            return pending.Task;
        }
    }

    [Fact]
    public async Task No_more_than_max_concurrency_requests_reach_the_org_at_once()
    {
        using var gate = new OrgConcurrencyGate(Options.Create(new SalesforceOptions { MaxConcurrency = 2 }));
        var org = new HoldingHandler();
        using var client = new HttpClient(new OrgConcurrencyHandler(gate) { InnerHandler = org });

        var calls = Enumerable.Range(0, 3).Select(_ => client.GetAsync(new Uri("http://org.invalid/limits"))).ToList();
        await WhenAsync(() => org.Started == 2);
        Assert.Equal(2, org.Started);
        Assert.DoesNotContain(calls, c => c.IsCompleted);

        org.ReleaseFirst();
        await WhenAsync(() => org.Started == 3);
        org.ReleaseFirst();
        org.ReleaseFirst();
        await Task.WhenAll(calls);

        Assert.Equal(3, org.Started);
    }

    /// <summary>Yields (no timer) until the condition holds; fails after many turns rather than hanging.</summary>
    private static async Task WhenAsync(Func<bool> condition)
    {
        for (var turn = 0; turn < 100_000 && !condition(); turn++)
        {
            await Task.Yield();
        }
    }

    [Theory]
    [InlineData("api-usage=25/15000", 25, 15000)]
    [InlineData("api-usage=18/5000, per-app-api-usage=17/250(appName=sample-connected-app)", 18, 5000)]
    [InlineData("per-app-api-usage=17/250(appName=sample-connected-app),api-usage=7/100", 7, 100)]
    public void Reads_the_org_usage_and_ignores_the_per_app_part(string header, long used, long limit)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.TryAddWithoutValidation("Sforce-Limit-Info", header);

        Assert.True(ApiUsageHeader.TryParse(response, out var u, out var l));
        Assert.Equal((used, limit), (u, l));
    }

    [Fact]
    public void A_response_without_the_header_reports_nothing()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);

        Assert.False(ApiUsageHeader.TryParse(response, out _, out _));
    }
}
