namespace CrmSync.Store.Postgres;

/// <summary>An exclusive lock on the cluster folder, so two processes never init or start it at once.</summary>
internal static class ClusterLock
{
    public static async Task<IDisposable> AcquireAsync(string lockFile, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            try
            {
                // .NET maps FileShare.None to an advisory flock on Unix: it holds across processes.
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (time.GetElapsedTime(started) < timeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
            catch (IOException e)
            {
                throw new EmbeddedPostgresException($"Another CrmSync process holds {lockFile} for more than {timeout.TotalSeconds:0} s.", e);
            }
        }
    }
}
