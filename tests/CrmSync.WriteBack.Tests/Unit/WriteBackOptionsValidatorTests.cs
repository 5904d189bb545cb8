namespace CrmSync.WriteBack.Tests.Unit;

public sealed class WriteBackOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(new WriteBackOptionsValidator().Validate(null, new WriteBackOptions()).Succeeded);
    }

    [Fact]
    public void Each_bad_value_is_named_with_its_key_and_value()
    {
        var result = new WriteBackOptionsValidator().Validate(null, new WriteBackOptions
        {
            BulkThresholdRecords = -1, ParallelCalls = 0, RetryDelay = TimeSpan.FromMinutes(10), MaxRetryDelay = TimeSpan.FromMinutes(5),
        });

        Assert.Equal(
        [
            "WriteBack:BulkThresholdRecords must be between 0 and 100000000 (was -1).",
            "WriteBack:ParallelCalls must be between 1 and 25 (was 0).",
            "WriteBack:MaxRetryDelay must be at least WriteBack:RetryDelay (00:10:00) and at most 7.00:00:00 (was 00:05:00).",
        ], result.Failures);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(4, 40)]
    [InlineData(30, 360)]
    public void Retries_wait_twice_as_long_each_time_up_to_the_cap(int attempts, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), Ledger.ErrorPolicy.Backoff(attempts, TimeSpan.FromMinutes(5), TimeSpan.FromHours(6)));
    }
}
