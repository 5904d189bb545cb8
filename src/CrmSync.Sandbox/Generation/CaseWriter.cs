using System.Globalization;
using CrmSync.Sandbox.Org;

namespace CrmSync.Sandbox.Generation;

/// <summary>Cases with first responses and first-contact resolution; a few closed before they were created (dirty data).</summary>
internal sealed class CaseWriter
{
    private const long Hour = 3_600_000;
    private const int ClosedBeforeCreatedEvery = 500;
    private static readonly string[] Subjects = ["Cannot log in", "Invoice question", "Feature request", "Integration error", "Slow dashboard", "Data export"];
    private static readonly string[] Origins = ["Phone", "Email", "Web"];
    private static readonly string[] Priorities = ["High", "Medium", "Low"];
    private readonly ObjectTable cases;
    private readonly DeterministicRandom random;
    private readonly Column number, account, contact, subject, status, origin, priority, isClosed, closedDate, firstResponse, fcr;
    private int closedCount;

    public CaseWriter(ObjectTable cases, DeterministicRandom random)
    {
        (this.cases, this.random) = (cases, random);
        (number, account, contact, subject) = (cases.Column("CaseNumber"), cases.Column("AccountId"), cases.Column("ContactId"), cases.Column("Subject"));
        (status, origin, priority) = (cases.Column("Status"), cases.Column("Origin"), cases.Column("Priority"));
        (isClosed, closedDate, firstResponse, fcr) = (cases.Column("IsClosed"), cases.Column("ClosedDate"), cases.Column("First_Response_At__c"), cases.Column("First_Contact_Resolution__c"));
    }

    public int Add(int accountRow, int contactRow, long created, long now)
    {
        var row = cases.AddRow(created);
        number.Text(row, (row + 1001).ToString("D8", CultureInfo.InvariantCulture));
        account.Refer(row, accountRow);
        contact.Refer(row, contactRow);
        subject.Text(row, random.Pick(Subjects));
        origin.Text(row, random.Pick(Origins));
        priority.Text(row, random.Pick(Priorities));
        var lastChange = created;
        var responseAt = created + (long)random.Exponential(5 * Hour);
        if (responseAt < now && random.Chance(0.92))
        {
            firstResponse.Instant(row, responseAt);
            lastChange = responseAt;
        }
        var closedAt = created + (long)random.Exponential(36 * Hour);
        if (closedAt < now && random.Chance(0.9))
        {
            if (++closedCount % ClosedBeforeCreatedEvery == 0)
            {
                closedAt = created - 2 * Hour;
            }
            status.Text(row, "Closed");
            isClosed.Flag(row, true);
            closedDate.Instant(row, closedAt);
            fcr.Flag(row, random.Chance(0.45));
            lastChange = Math.Max(lastChange, closedAt);
        }
        else
        {
            status.Text(row, random.Chance(0.5) ? "New" : random.Chance(0.8) ? "Working" : "Escalated");
        }
        cases.Stamp(row, Math.Min(now, lastChange));
        return row;
    }
}
