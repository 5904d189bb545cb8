using CrmSync.Sandbox.Org;

namespace CrmSync.Sandbox.Generation;

/// <summary>Campaign members (a contact or a lead), about a quarter of whom respond.</summary>
internal sealed class CampaignMemberWriter
{
    private const long Day = ColumnWrites.DayMillis;
    private readonly ObjectTable members, campaigns;
    private readonly DeterministicRandom random;
    private readonly Column campaign, contact, lead, status, responded, firstResponded, campaignStart;

    public CampaignMemberWriter(ObjectTable members, ObjectTable campaigns, DeterministicRandom random, long now)
    {
        (this.members, this.campaigns, this.random, Now) = (members, campaigns, random, now);
        (campaign, contact, lead) = (members.Column("CampaignId"), members.Column("ContactId"), members.Column("LeadId"));
        (status, responded, firstResponded) = (members.Column("Status"), members.Column("HasResponded"), members.Column("FirstRespondedDate"));
        campaignStart = campaigns.Column("StartDate");
    }

    public long Now { get; set; }

    /// <summary>
    /// Adds a member; generated history is dated after its campaign's start, while a member added
    /// as time passes (<paramref name="createdAt"/>) is created, and stamped, at that moment.
    /// </summary>
    public int Add(int person, bool contact, long? createdAt = null)
    {
        var campaignRow = random.Next(campaigns.Count);
        var startAt = ColumnWrites.MillisOf((int)campaignStart.Get(campaignRow).Ticks);
        var drawn = startAt + (long)random.Exponential(10 * Day);

        // The response is timed from the send date as it always was (so the org's random stream, and every record
        // generated after this one, stay the same); the creation date is not clamped to a minute before now.
        var sent = createdAt ?? Math.Min(Now - 60_000, drawn);
        var created = createdAt ?? ColumnWrites.CreatedBefore(Now, drawn, startAt);
        var row = members.AddRow(created);
        campaign.Refer(row, campaignRow);
        (contact ? this.contact : lead).Refer(row, person);
        var respondedAt = sent + (long)random.Exponential(7 * Day);
        var hasResponded = respondedAt < Now && random.Chance(0.25);
        status.Text(row, hasResponded ? "Responded" : "Sent");
        responded.Flag(row, hasResponded);
        if (hasResponded)
        {
            firstResponded.Day(row, respondedAt);
        }
        members.Stamp(row, hasResponded ? respondedAt : created);
        return row;
    }
}
