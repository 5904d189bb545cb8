using System.Net;
using System.Text.RegularExpressions;

namespace CrmSync.Host.Tests.Dashboard;

/// <summary>Presses a button of the CrmSync page as a browser does: its POST with Hangfire's antiforgery header and cookie.</summary>
internal static class DashboardButton
{
    public static async Task<HttpStatusCode> PressAsync(HttpClient http, string buttonId)
    {
        using var page = await http.GetAsync("/hangfire/crmsync");
        var html = await page.Content.ReadAsStringAsync();
        var button = Regex.Match(html, $"id=\"{Regex.Escape(buttonId)}\"[^>]*data-ajax=\"([^\"]+)\"");
        var header = DashboardPageTests.CsrfMeta().Match(html);
        var token = DashboardPageTests.CsrfTokenMeta().Match(html);
        Assert.True(button.Success && header.Success && token.Success, $"the page has the button {buttonId} and Hangfire's antiforgery meta tags");
        using var request = new HttpRequestMessage(HttpMethod.Post, WebUtility.HtmlDecode(button.Groups[1].Value));
        request.Headers.Add(header.Groups[1].Value, WebUtility.HtmlDecode(token.Groups[1].Value));
        if (page.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            // A client without a cookie container (the test server's) passes the antiforgery cookie by hand.
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
