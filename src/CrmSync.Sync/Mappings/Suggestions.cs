namespace CrmSync.Sync.Mappings;

/// <summary>"did you mean …?" for a misspelt key or name.</summary>
internal static class Suggestions
{
    public static string DidYouMean(string given, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(candidate => (candidate, distance: Distance(given.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .Where(c => c.distance <= Math.Max(2, given.Length / 3))
            .OrderBy(c => c.distance)
            .Select(c => c.candidate)
            .FirstOrDefault();
        return best is null ? string.Empty : $" Did you mean '{best}'?";
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
