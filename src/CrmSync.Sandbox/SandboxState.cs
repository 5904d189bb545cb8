using CrmSync.Sandbox.Auth;
using CrmSync.Sandbox.Bulk;
using CrmSync.Sandbox.Faults;
using CrmSync.Sandbox.Generation;
using CrmSync.Sandbox.Org;
using CrmSync.Sandbox.Soql;
using CrmSync.Sandbox.Usage;

namespace CrmSync.Sandbox;

/// <summary>Everything one running sandbox holds; a singleton the endpoints receive.</summary>
internal sealed class SandboxState
{
    public SandboxState(SandboxSettings settings, BtydParameters btyd, OrgStore org, Population population, TimeSpan generationTime)
    {
        Settings = settings;
        Btyd = btyd;
        Org = org;
        Population = population;
        GenerationTime = generationTime;
        Sessions = new SessionStore(settings.TimeProvider, settings.SessionIdleTimeout);
        Usage = new ApiUsage(settings.DailyApiLimit);
        Faults = new FaultInjector(settings.Seed, FaultSpec.Parse(settings.Faults), org);
        Cursors = new QueryCursors();
        BulkJobs = new BulkJobStore();
    }

    public SandboxSettings Settings { get; }
    public BtydParameters Btyd { get; }
    public OrgStore Org { get; }
    public Population Population { get; }
    public TimeSpan GenerationTime { get; }
    public SessionStore Sessions { get; }
    public ApiUsage Usage { get; }
    public SandboxStats Stats { get; } = new();
    public FaultInjector Faults { get; }
    public QueryCursors Cursors { get; }
    public BulkJobStore BulkJobs { get; }
    public int DaysAdvanced { get; set; }

    /// <summary>Where the sandbox listens; composite subrequests are sent back to it.</summary>
    public Uri? BaseUri { get; set; }

    /// <summary>Marks composite subrequests sent back to the sandbox: they count as part of their composite call.</summary>
    public string SubrequestSecret { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
