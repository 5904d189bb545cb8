using System.Globalization;
using CrmSync.Sandbox.Org;

namespace CrmSync.Sandbox.Generation;

/// <summary>Writes opportunities (won, lost, open) and the invoice of each won deal.</summary>
internal sealed class DealWriter
{
    private const int NullAmountEvery = 400;
    private readonly ObjectTable deals;
    private readonly ObjectTable invoices;
    private readonly DeterministicRandom random;
    private readonly Column account, name, amount, closeDate, stage, type, probability, isClosed, isWon;
    private readonly Column invoiceAccount, invoiceName, invoiceDate, dueDate, paidDate, invoiceAmount;
    private int wonCount;

    public DealWriter(ObjectTable deals, ObjectTable invoices, DeterministicRandom random, long asOf)
    {
        (this.deals, this.invoices, this.random, AsOf) = (deals, invoices, random, asOf);
        (account, name, amount, closeDate) = (deals.Column("AccountId"), deals.Column("Name"), deals.Column("Amount"), deals.Column("CloseDate"));
        (stage, type, probability) = (deals.Column("StageName"), deals.Column("Type"), deals.Column("Probability"));
        (isClosed, isWon) = (deals.Column("IsClosed"), deals.Column("IsWon"));
        (invoiceAccount, invoiceName, invoiceDate) = (invoices.Column("Account__c"), invoices.Column("Name"), invoices.Column("Invoice_Date__c"));
        (dueDate, paidDate, invoiceAmount) = (invoices.Column("Due_Date__c"), invoices.Column("Paid_Date__c"), invoices.Column("Amount__c"));
    }

    /// <summary>The org's "now" for what is written; /__sandbox/advance moves it.</summary>
    public long AsOf { get; set; }

    public int Count => deals.Count;

    public int AddWon(int accountRow, long closeAt, double value, string dealType, long accountCreated)
    {
        // A few won deals without Amount, as real orgs have.
        var dealAmount = ++wonCount % NullAmountEvery == 0 ? (double?)null : Money(value);
        var row = Add(accountRow, closeAt, dealAmount, OpportunityStages.Won, accountCreated);
        type.Text(row, dealType);
        isClosed.Flag(row, true);
        isWon.Flag(row, true);
        probability.Number(row, 100);
        if (dealAmount is { } invoiced)
        {
            AddInvoice(accountRow, closeAt, invoiced);
        }
        return row;
    }

    public int AddLost(int accountRow, long closeAt, double value, long accountCreated)
    {
        var row = Add(accountRow, closeAt, Money(value), OpportunityStages.Lost, accountCreated);
        type.Text(row, random.Chance(0.5) ? "New Customer" : OrgSchema.UpgradeType);
        isClosed.Flag(row, true);
        probability.Number(row, 0);
        return row;
    }

    public int AddOpen(int accountRow, double value, long accountCreated)
    {
        var closeAt = AsOf + (long)(random.NextDouble() * 90 * ColumnWrites.DayMillis);
        var openStage = random.Pick(OpportunityStages.Open);
        var row = Add(accountRow, closeAt, Money(value), openStage, Math.Max(accountCreated, AsOf - 60 * ColumnWrites.DayMillis));
        type.Text(row, random.Chance(0.6) ? OrgSchema.UpgradeType : "New Customer");
        probability.Number(row, 10 + 20 * Array.IndexOf(OpportunityStages.Open, openStage));
        return row;
    }

    private int Add(int accountRow, long closeAt, double? dealAmount, string stageName, long notBefore)
    {
        var created = ColumnWrites.CreatedBefore(AsOf, closeAt - (long)random.Exponential(30 * ColumnWrites.DayMillis), notBefore);
        var row = deals.AddRow(created);
        account.Refer(row, accountRow);
        name.Text(row, string.Create(CultureInfo.InvariantCulture, $"Deal {row + 1}"));
        amount.Number(row, dealAmount);
        closeDate.Day(row, closeAt);
        stage.Text(row, stageName);
        // Last changed a little after its close; an open deal (closing later) when it was created.
        var touched = closeAt + (long)random.Exponential(ColumnWrites.DayMillis);
        deals.StampLastChange(row, touched <= AsOf ? touched : closeAt, AsOf);
        return row;
    }

    private void AddInvoice(int accountRow, long invoicedAt, double value)
    {
        var row = invoices.AddRow(invoicedAt);
        invoiceAccount.Refer(row, accountRow);
        invoiceName.Text(row, string.Create(CultureInfo.InvariantCulture, $"INV-{row + 1:D7}"));
        invoiceDate.Day(row, invoicedAt);
        dueDate.Day(row, invoicedAt + 30 * ColumnWrites.DayMillis);
        var paidAt = invoicedAt + (long)(random.Gamma(3, 10) * ColumnWrites.DayMillis);
        var paid = paidAt < AsOf && !random.Chance(0.03);
        paidDate.Set(row, FieldValue.Null);
        if (paid)
        {
            paidDate.Day(row, paidAt);
        }
        invoiceAmount.Number(row, value);
        invoices.Stamp(row, paid ? paidAt : invoicedAt);
    }

    private static double Money(double value) => Math.Max(1, Math.Round(value));
}
