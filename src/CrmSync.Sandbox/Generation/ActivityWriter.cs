using CrmSync.Sandbox.Org;

namespace CrmSync.Sandbox.Generation;

/// <summary>Tasks (completed and open) and events on accounts and their opportunities.</summary>
internal sealed class ActivityWriter
{
    private const long Day = ColumnWrites.DayMillis;
    private static readonly string[] Subjects = ["Call", "Email", "Meeting", "Demo", "Follow-up", "Quarterly review"];
    private readonly ObjectTable tasks, events;
    private readonly DeterministicRandom random;
    private readonly Column taskAccount, taskWhat, taskSubject, taskDate, taskStatus, taskClosed;
    private readonly Column eventAccount, eventWhat, eventSubject, eventDate, eventDateTime;

    public ActivityWriter(ObjectTable tasks, ObjectTable events, DeterministicRandom random, long now)
    {
        (this.tasks, this.events, this.random, Now) = (tasks, events, random, now);
        (taskAccount, taskWhat, taskSubject) = (tasks.Column("AccountId"), tasks.Column("WhatId"), tasks.Column("Subject"));
        (taskDate, taskStatus, taskClosed) = (tasks.Column("ActivityDate"), tasks.Column("Status"), tasks.Column("IsClosed"));
        (eventAccount, eventWhat, eventSubject) = (events.Column("AccountId"), events.Column("WhatId"), events.Column("Subject"));
        (eventDate, eventDateTime) = (events.Column("ActivityDate"), events.Column("ActivityDateTime"));
    }

    public long Now { get; set; }

    public void ForAccount(int account, long since, int firstDeal, int dealCount)
    {
        var taskCount = random.Poisson(4);
        for (var k = 0; k < taskCount; k++)
        {
            AddTask(account, DealOrNone(firstDeal, dealCount), since + (long)(random.NextDouble() * (Now + 30 * Day - since)));
        }
        var eventCount = random.Poisson(2);
        for (var k = 0; k < eventCount; k++)
        {
            AddEvent(account, DealOrNone(firstDeal, dealCount), since + (long)(random.NextDouble() * (Now + 30 * Day - since)));
        }
    }

    public void AddTask(int account, int deal, long due)
    {
        var row = tasks.AddRow(Math.Min(due, Now) - (long)random.Exponential(5 * Day));
        Relate(taskAccount, taskWhat, row, account, deal);
        taskSubject.Text(row, random.Pick(Subjects));
        taskDate.Day(row, due);
        var done = due <= Now && random.Chance(0.85);
        taskStatus.Text(row, done ? "Completed" : random.Chance(0.5) ? "Not Started" : "In Progress");
        taskClosed.Flag(row, done);
        tasks.StampLastChange(row, due, Now);
    }

    public void AddEvent(int account, int deal, long at)
    {
        var row = events.AddRow(Math.Min(at, Now) - (long)random.Exponential(7 * Day));
        Relate(eventAccount, eventWhat, row, account, deal);
        eventSubject.Text(row, random.Pick(Subjects));
        eventDate.Day(row, at);
        eventDateTime.Instant(row, at);
        events.StampLastChange(row, at, Now);
    }

    private int DealOrNone(int firstDeal, int dealCount) => dealCount > 0 && random.Chance(0.3) ? firstDeal + random.Next(dealCount) : -1;

    private static void Relate(Column account, Column what, int row, int accountRow, int deal)
    {
        account.Refer(row, accountRow);
        if (deal >= 0)
        {
            what.Refer(row, deal, target: 1);
        }
        else
        {
            what.Refer(row, accountRow, target: 0);
        }
    }
}
