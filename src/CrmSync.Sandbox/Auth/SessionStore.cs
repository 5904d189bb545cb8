using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CrmSync.Sandbox.Auth;

/// <summary>Access tokens and their idle expiry, like Salesforce sessions (timed out after inactivity, not at a fixed lifetime).</summary>
internal sealed class SessionStore(TimeProvider time, TimeSpan idleTimeout)
{
    public const string OrgId = "00D8d000000CRMSAAA";
    public const string UserId = "0058d000000CRMSAAA";

    private readonly ConcurrentDictionary<string, Session> sessions = new(StringComparer.Ordinal);

    public string Issue()
    {
        var token = OrgId[..15] + "!" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '.').Replace('/', '_').TrimEnd('=');
        sessions[token] = new Session(time.GetUtcNow());
        return token;
    }

    /// <summary>True when the token is live; counts the call and refreshes its idle timer.</summary>
    public bool TryUse(string token, int? invalidAfterCalls)
    {
        if (!sessions.TryGetValue(token, out var session))
        {
            return false;
        }
        var now = time.GetUtcNow();
        lock (session)
        {
            var calls = ++session.Calls;
            if (now - session.LastUsed >= idleTimeout || calls > invalidAfterCalls)
            {
                sessions.TryRemove(token, out _);
                return false;
            }
            session.LastUsed = now;
            return true;
        }
    }

    public void Revoke(string token) => sessions.TryRemove(token, out _);

    private sealed class Session(DateTimeOffset lastUsed)
    {
        public DateTimeOffset LastUsed { get; set; } = lastUsed;

        public int Calls { get; set; }
    }
}
