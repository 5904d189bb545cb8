using OpenQA.Selenium.Chrome;

namespace CrmSync.Browser.Tests;

/// <summary>Debian's Chromium and chromedriver (<c>apt-get install chromium chromium-driver</c>, done by scripts/setup.sh), headless.</summary>
internal static class HeadlessChromium
{
    private const string Browser = "/usr/bin/chromium";
    private const string DriverDirectory = "/usr/bin";
    private const string Driver = "chromedriver";

    public static ChromeDriver Start()
    {
        if (!File.Exists(Browser) || !File.Exists(Path.Combine(DriverDirectory, Driver)))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium and chromedriver ({Browser}, {DriverDirectory}/{Driver}): run ./scripts/setup.sh, or as root: apt-get install -y chromium chromium-driver");
        }

        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1800");
        var service = ChromeDriverService.CreateDefaultService(DriverDirectory, Driver);
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
