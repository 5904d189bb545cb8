using CrmSync.Sandbox.Org;

namespace CrmSync.Sandbox.Generation;

/// <summary>
/// /__sandbox/advance: lets days pass in the org. Live customers keep buying by their BG/NBD
/// process; cases, survey responses, campaign responses, updates, soft deletes and CampaignMember
/// hard deletes happen at fixed daily rates. Day k of the org's life always draws from the same
/// random stream, so the same sequence of advances writes the same records (their timestamps
/// follow the org's clock, which includes the wall time the sandbox has been up).
/// </summary>
internal sealed class OrgAdvancer(SandboxState state)
{
    private const long Day = ColumnWrites.DayMillis;

    /// <summary>Call under the org's write lock. Returns how many records were written.</summary>
    public int Advance(int days)
    {
        var org = state.Org;
        var population = state.Population;
        var written = 0;
        // Days run from the org's current now, so everything advance writes is stamped after anything
        // already served (incremental syncs keyed on SystemModstamp never miss it); what happens on
        // each day is still fixed by the day's number.
        var origin = org.Clock.NowMillis;
        for (var d = 0; d < days; d++)
        {
            var random = new DeterministicRandom(DeterministicRandom.Mix((ulong)state.Settings.Seed) ^ DeterministicRandom.Mix((ulong)(state.DaysAdvanced + 1)));
            var dayStart = origin + d * Day;
            long At() => dayStart + (long)(random.NextDouble() * Day);
            var deals = new DealWriter(org["Opportunity"], org["Invoice__c"], random, dayStart + Day);
            for (var a = 0; a < population.Count; a++)
            {
                if (!population.Customer[a] || !population.Alive[a] || !random.Chance(1 - Math.Exp(-population.PurchaseRatePerWeek[a] / 7)))
                {
                    continue;
                }
                var value = random.Gamma(state.Btyd.P, 1 / population.SpendRate[a]);
                deals.AddWon(a, At(), value, random.Chance(0.3) ? OrgSchema.UpgradeType : "Existing Customer - Replacement", org["Account"].CreatedDate[a]);
                written++;
                population.Alive[a] = !random.Chance(population.DropOut[a]);
            }
            written += NewActivity(random, At, dayStart + Day);
            written += TouchAndDelete(random, At);
            written += PayInvoices(random, At, dayStart);
            org.Clock.Advance(TimeSpan.FromDays(1));
            state.DaysAdvanced++;
        }
        state.Stats.Wrote(written);
        return written;
    }

    private int NewActivity(DeterministicRandom random, Func<long> at, long dayEnd)
    {
        var org = state.Org;
        var population = state.Population;
        var customers = Math.Max(1, population.Count);
        var cases = new CaseWriter(org["Case"], random);
        var surveys = new SurveyWriter(org["Survey_Response__c"], org["Product_Usage__c"], random, dayEnd);
        var members = new CampaignMemberWriter(org["CampaignMember"], org["Campaign"], random, dayEnd);
        var written = 0;
        foreach (var _ in Enumerable.Range(0, random.Poisson(customers * 0.004)))
        {
            var a = random.Next(population.Count);
            cases.Add(a, population.FirstContact[a] + random.Next(population.ContactCount[a]), at(), dayEnd);
            written++;
        }
        foreach (var _ in Enumerable.Range(0, random.Poisson(customers * 0.003)))
        {
            var a = random.Next(population.Count);
            surveys.AddSurvey(a, population.FirstContact[a] + random.Next(population.ContactCount[a]), at());
            written++;
        }
        foreach (var _ in Enumerable.Range(0, random.Poisson(customers * 0.002)))
        {
            var a = random.Next(population.Count);
            members.Add(population.FirstContact[a] + random.Next(population.ContactCount[a]), contact: true, createdAt: at());
            written++;
        }
        var activities = new ActivityWriter(org["Task"], org["Event"], random, dayEnd);
        foreach (var _ in Enumerable.Range(0, random.Poisson(customers * 0.005)))
        {
            var a = random.Next(population.Count);
            if (random.Chance(0.6))
            {
                activities.AddTask(a, -1, at());
            }
            else
            {
                activities.AddEvent(a, -1, at());
            }
            written++;
        }
        foreach (var _ in Enumerable.Range(0, random.Poisson(customers * 0.03)))
        {
            var a = random.Next(population.Count);
            if (population.Alive[a])
            {
                surveys.AddUsage(a, at());
                written++;
            }
        }
        return written;
    }

    /// <summary>Open invoices get paid at the rate of the generated history (mean delay about 30 days).</summary>
    private int PayInvoices(DeterministicRandom random, Func<long> at, long dayStart)
    {
        var invoices = state.Org["Invoice__c"];
        var (invoiceDate, paidDate) = (invoices.Column("Invoice_Date__c"), invoices.Column("Paid_Date__c"));
        var paid = 0;
        // Only the newest invoices can still be open: scan back until a stretch of old paid ones.
        for (var row = invoices.Count - 1; row >= 0 && row >= invoices.Count - 20_000; row--)
        {
            if (!paidDate.IsNull(row) || invoices.IsDeleted[row] || ColumnWrites.MillisOf((int)invoiceDate.Get(row).Ticks) > dayStart || !random.Chance(1.0 / 30))
            {
                continue;
            }
            var when = at();
            paidDate.Day(row, when);
            invoices.Touch(row, when);
            paid++;
        }
        return paid;
    }

    private int TouchAndDelete(DeterministicRandom random, Func<long> at)
    {
        var org = state.Org;
        var customers = Math.Max(1, state.Population.Count);
        var written = 0;
        foreach (var name in (string[])["Account", "Opportunity", "Contact"])
        {
            var table = org[name];
            foreach (var _ in Enumerable.Range(0, random.Poisson(customers * 0.01)))
            {
                var row = random.Next(table.Count);
                if (!table.IsDeleted[row])
                {
                    table.Touch(row, at());
                    written++;
                }
            }
        }
        foreach (var name in (string[])["Opportunity", "Contact", "CampaignMember"])
        {
            var table = org[name];
            var rate = name == "CampaignMember" ? 0.001 : 0.0005;
            foreach (var _ in Enumerable.Range(0, random.Poisson(customers * rate)))
            {
                var row = random.Next(table.Count);
                if (!table.IsDeleted[row])
                {
                    table.Delete(row, at());
                    written++;
                }
            }
        }
        return written;
    }
}
