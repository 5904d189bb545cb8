using CrmSync.Host.Cli;

namespace CrmSync.Host.Tests.Cli;

/// <summary>Runs the <c>crmsync</c> command line in-process and returns its exit code and what it printed.</summary>
internal static class Cli
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CrmSyncCommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
