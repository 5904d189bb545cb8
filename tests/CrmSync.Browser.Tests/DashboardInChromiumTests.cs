using CrmSync.Host.Web;
using CrmSync.Sandbox;
using CrmSync.Testing;
using Microsoft.AspNetCore.Builder;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace CrmSync.Browser.Tests;

/// <summary>
/// The dashboard in a real headless Chromium: the CrmSync menu item leads to the CrmSync page, which shows every
/// object's status; its button starts a pipeline, whose run appears as succeeded. Saves a screenshot of the page
/// (to docs/images/dashboard-crmsync.png too when CRMSYNC_UPDATE_SCREENSHOTS=1).
/// </summary>
public sealed class DashboardInChromiumTests(PostgresServer server, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task The_crmsync_page_shows_each_object_and_its_button_runs_the_pipeline()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxSettings { Seed = 7, Accounts = 300 });
        var database = await server.CreateDatabaseAsync("browser");
        await using var app = await CrmSyncWebApplication.BuildAsync(
        [
            .. SandboxLogin.Settings(sandbox.BaseUri),
            new("ConnectionStrings:CrmSync", database),
            new("Sync:MappingsPath", RepositoryRoot.Combine("mappings")),
            new("Jobs:QueuePollIntervalSeconds", "1"),
            new("Jobs:PipelineCron", "0 0 1 1 *"),
            new("Logging:LogLevel:Default", "Warning"),
        ], "http://127.0.0.1:0", CancellationToken.None);
        await app.StartAsync();
        using var browser = HeadlessChromium.Start();
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(180)) { PollingInterval = TimeSpan.FromMilliseconds(500) };

        browser.Navigate().GoToUrl(app.Urls.First() + "/hangfire");
        browser.FindElement(By.LinkText("CrmSync")).Click();
        wait.Until(d => d.FindElements(By.CssSelector("#crmsync-objects tr[data-source]")).Count > 0);
        var sources = browser.FindElements(By.CssSelector("#crmsync-objects tr[data-source]")).Select(r => r.GetAttribute("data-source")).ToList();
        Assert.Contains("account", sources);
        Assert.Contains("deal", sources);
        Assert.Equal(12, sources.Count);

        browser.FindElement(By.Id("crmsync-run-pipeline")).Click();
        var status = wait.Until(d =>
        {
            d.Navigate().Refresh();
            var run = d.FindElements(By.CssSelector("#crmsync-pipeline-runs tr[data-run] .crmsync-pipeline-status")).FirstOrDefault()?.Text;
            return run is "succeeded" or "failed" ? run : null;
        });

        Assert.Equal("succeeded", status);
        Assert.Equal("dashboard", browser.FindElement(By.CssSelector("#crmsync-pipeline-runs tr[data-run] td:nth-child(3)")).Text);
        Assert.Equal(14, browser.FindElements(By.CssSelector("#crmsync-pipeline-steps tr[data-step]")).Count);
        Assert.Equal("300", browser.FindElement(By.CssSelector("#crmsync-objects tr[data-source='account'] .crmsync-rows")).Text);
        Assert.NotEmpty(browser.FindElements(By.CssSelector("#crmsync-writeback tr[data-write-run]")));
        SaveScreenshot(browser);
    }

    private void SaveScreenshot(IWebDriver browser)
    {
        var screenshot = ((ITakesScreenshot)browser).GetScreenshot();
        var path = Path.Combine(AppContext.BaseDirectory, "dashboard-crmsync.png");
        screenshot.SaveAsFile(path);
        output.WriteLine($"screenshot: {path}");
        if (Environment.GetEnvironmentVariable("CRMSYNC_UPDATE_SCREENSHOTS") == "1")
        {
            var docs = RepositoryRoot.Combine("docs", "images");
            Directory.CreateDirectory(docs);
            screenshot.SaveAsFile(Path.Combine(docs, "dashboard-crmsync.png"));
        }
    }
}
