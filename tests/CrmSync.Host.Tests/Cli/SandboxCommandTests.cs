using System.Text;
using CrmSync.Host.Cli;

namespace CrmSync.Host.Tests.Cli;

/// <summary>The <c>sandbox</c> verb: options checked before anything starts, banner printed, Ctrl+C (cancellation) exits 0.</summary>
public sealed class SandboxCommandTests
{
    [Theory]
    [InlineData("--faults", "explode=1", "--faults")]
    [InlineData("--accounts", "0", "--accounts")]
    [InlineData("--as-of", "someday", "--as-of")]
    [InlineData("--port", "70000", "--port")]
    public async Task Bad_options_exit_2_naming_the_option(string option, string value, string named)
    {
        var (code, _, error) = await Cli.RunAsync("sandbox", option, value);

        Assert.Equal(ExitCodes.BadUsageOrConfiguration, code);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prints_the_login_and_BTYD_truth_and_stops_on_cancellation()
    {
        using var stop = new CancellationTokenSource();
        using var output = new StopWhenWritten("Ctrl+C stops it.", stop);
        using var error = new StringWriter();

        var code = await CrmSyncCommandLine.RunAsync(["sandbox", "--port", "0", "--seed", "7", "--accounts", "50"], output, error, stop.Token);

        Assert.Equal(ExitCodes.Success, code);
        var text = output.ToString();
        Assert.Contains("username=admin@sandbox.crmsync password=sandbox", text, StringComparison.Ordinal);
        Assert.Contains("BG/NBD r=0.8", text, StringComparison.Ordinal);
        Assert.Contains("seed 7, 50 accounts", text, StringComparison.Ordinal);
    }

    /// <summary>Cancels (like Ctrl+C) as soon as the verb prints its last banner line: no waiting on time.</summary>
    private sealed class StopWhenWritten(string marker, CancellationTokenSource stop) : StringWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override Task WriteLineAsync(string? value)
        {
            var written = base.WriteLineAsync(value);
            if (value == marker)
            {
                stop.Cancel();
            }
            return written;
        }
    }
}
