using System.Globalization;
using CrmSync.Sandbox.Org;

namespace CrmSync.Sandbox.Generation;

/// <summary>CSAT (1–10), NPS (0–10) and PostSale (1–10) survey responses, and product usage of live customers.</summary>
internal sealed class SurveyWriter
{
    private const long Day = ColumnWrites.DayMillis;
    private readonly ObjectTable surveys, usage;
    private readonly DeterministicRandom random;
    private readonly Column name, account, contact, type, score, respondedAt;
    private readonly Column usageName, usageAccount, usageDate, usageEvents;

    public SurveyWriter(ObjectTable surveys, ObjectTable usage, DeterministicRandom random, long now)
    {
        (this.surveys, this.usage, this.random, Now) = (surveys, usage, random, now);
        (name, account, contact) = (surveys.Column("Name"), surveys.Column("Account__c"), surveys.Column("Contact__c"));
        (type, score, respondedAt) = (surveys.Column("Type__c"), surveys.Column("Score__c"), surveys.Column("Responded_At__c"));
        (usageName, usageAccount, usageDate, usageEvents) = (usage.Column("Name"), usage.Column("Account__c"), usage.Column("Usage_Date__c"), usage.Column("Events__c"));
    }

    public long Now { get; set; }

    public void ForAccount(int accountRow, int firstContact, int contactCount, long since, bool alive)
    {
        var responses = random.Poisson(2.5);
        for (var k = 0; k < responses; k++)
        {
            AddSurvey(accountRow, firstContact + random.Next(contactCount), since + (long)(random.NextDouble() * (Now - since)));
        }
        if (!alive)
        {
            return;
        }
        var days = random.Poisson(6);
        for (var k = 0; k < days; k++)
        {
            AddUsage(accountRow, Now - (long)(random.NextDouble() * 90 * Day));
        }
    }

    public void AddSurvey(int accountRow, int contactRow, long at)
    {
        var row = surveys.AddRow(at);
        name.Text(row, string.Create(CultureInfo.InvariantCulture, $"SR-{row + 1:D7}"));
        account.Refer(row, accountRow);
        contact.Refer(row, contactRow);
        var draw = random.NextDouble();
        var (kind, low) = draw < 0.45 ? ("CSAT", 1) : draw < 0.8 ? ("NPS", 0) : ("PostSale", 1);
        type.Text(row, kind);
        // Skewed towards satisfied customers, as real survey data is.
        score.Number(row, Math.Clamp(Math.Round(7.5 + 2 * random.Normal()), low, 10));
        respondedAt.Instant(row, at);
    }

    public void AddUsage(int accountRow, long at)
    {
        var row = usage.AddRow(at);
        usageName.Text(row, string.Create(CultureInfo.InvariantCulture, $"PU-{row + 1:D7}"));
        usageAccount.Refer(row, accountRow);
        usageDate.Day(row, at);
        usageEvents.Number(row, 1 + random.Poisson(20));
    }
}
