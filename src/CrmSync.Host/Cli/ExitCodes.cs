namespace CrmSync.Host.Cli;

/// <summary>The CLI contract: 0 success, 1 the work failed, 2 bad usage or configuration.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int BadUsageOrConfiguration = 2;
}
