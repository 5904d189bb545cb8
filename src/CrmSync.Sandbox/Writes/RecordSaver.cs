using CrmSync.Sandbox.Generation;
using CrmSync.Sandbox.Org;

namespace CrmSync.Sandbox.Writes;

/// <summary>A checked write waiting to be applied: the row (-1 for an insert) and its field changes, or its errors.</summary>
internal sealed record PreparedWrite(ObjectTable Table, int Row, List<(Column Column, FieldValue Value)> Changes, List<WriteError> Errors)
{
    public bool Valid => Errors.Count == 0;

    public string? Id => Row >= 0 ? Table.IdOf(Row) : null;
}

/// <summary>
/// Prepares and applies inserts, updates, upserts and deletes. Call under the org's write lock;
/// preparing every record before applying any is what makes allOrNone roll back cleanly.
/// </summary>
internal sealed class RecordSaver(SandboxState state)
{
    public PreparedWrite PrepareInsert(ObjectTable table, IEnumerable<(string Name, string? Text, System.Text.Json.JsonValueKind Kind)> fields) =>
        Prepare(table, -1, fields);

    public PreparedWrite PrepareUpdate(ObjectTable table, string id, IEnumerable<(string Name, string? Text, System.Text.Json.JsonValueKind Kind)> fields)
    {
        var row = LocateOrFail(table, id, out var error);
        return error is null ? Prepare(table, row, fields) : new PreparedWrite(table, -1, [], [error]);
    }

    /// <summary>Upsert: update the row whose external id matches, else insert one holding that value.</summary>
    public PreparedWrite PrepareUpsert(ObjectTable table, string externalIdField, string value, IEnumerable<(string Name, string? Text, System.Text.Json.JsonValueKind Kind)> fields)
    {
        var row = externalIdField.Equals("Id", StringComparison.OrdinalIgnoreCase)
            ? table.FindRow(value, includeDeleted: false, state.Org.Clock.NowMillis)
            : table.FindByExternalId(externalIdField, value);
        var withKey = fields.Where(f => !f.Name.Equals(externalIdField, StringComparison.OrdinalIgnoreCase));
        if (row < 0 && !externalIdField.Equals("Id", StringComparison.OrdinalIgnoreCase))
        {
            withKey = withKey.Append((table.Column(externalIdField).Field.Name, value, System.Text.Json.JsonValueKind.String));
        }
        return Prepare(table, row, withKey);
    }

    public SaveResult Apply(PreparedWrite write, bool upsert = false)
    {
        if (!write.Valid)
        {
            return SaveResult.Failed(write.Id, [.. write.Errors]);
        }
        var now = state.Org.Clock.NowMillis;
        var table = write.Table;
        var created = write.Row < 0;
        var row = created ? table.AddRow(now) : write.Row;
        foreach (var (column, value) in write.Changes)
        {
            if (column.Field.ExternalId)
            {
                table.IndexExternalId(column.Field.Name, column.IsNull(row) ? null : column.Get(row).Text, value.Text, row);
            }
            column.Set(row, value);
        }
        if (created && table.FindColumn("Name") is { Field.Createable: false } autoNumber)
        {
            autoNumber.Text(row, table.Definition.AutoNumber(row));
        }
        DerivedFields.Apply(table, row, now);
        table.Touch(row, now);
        state.Stats.Wrote(1);
        return new SaveResult(table.IdOf(row), true, [], upsert ? created : null);
    }

    public SaveResult Delete(string id)
    {
        var table = state.Org.FindByIdPrefix(id);
        if (table is null || SalesforceId.ParseRow(id) < 0)
        {
            return SaveResult.Failed(null, WriteError.MalformedId(id));
        }
        var row = LocateOrFail(table, id, out var error);
        if (error is not null)
        {
            return SaveResult.Failed(id, error);
        }
        table.Delete(row, state.Org.Clock.NowMillis);
        state.Stats.Wrote(1);
        return new SaveResult(table.IdOf(row), true, []);
    }

    private PreparedWrite Prepare(ObjectTable table, int row, IEnumerable<(string Name, string? Text, System.Text.Json.JsonValueKind Kind)> fields)
    {
        var (changes, errors) = FieldChanges.Read(table, fields, insert: row < 0);
        foreach (var (column, value) in changes)
        {
            if (column.Field.Unique && !value.IsNull && table.FindByExternalId(column.Field.Name, value.Text!) is >= 0 and var other && other != row)
            {
                errors.Add(new WriteError("DUPLICATE_VALUE", $"duplicate value found: {column.Field.Name} duplicates value on record with id: {table.IdOf(other)}", []));
            }
        }
        if (errors.Count == 0 && state.Faults.LockRow())
        {
            errors.Add(WriteError.LockRow);
        }
        return new PreparedWrite(table, row, changes, errors);
    }

    private int LocateOrFail(ObjectTable table, string id, out WriteError? error)
    {
        var now = state.Org.Clock.NowMillis;
        error = null;
        if (SalesforceId.ParseRow(id) < 0 || !id.StartsWith(table.Definition.KeyPrefix, StringComparison.Ordinal))
        {
            error = WriteError.MalformedId(id);
            return -1;
        }
        var row = table.FindRow(id, includeDeleted: true, now);
        if (row >= 0 && table.IsDeleted[row])
        {
            error = WriteError.Deleted;
            return -1;
        }
        if (row < 0)
        {
            error = WriteError.UnknownId;
        }
        return row;
    }
}

/// <summary>Fields Salesforce computes from others when a record is saved.</summary>
internal static class DerivedFields
{
    public static void Apply(ObjectTable table, int row, long now)
    {
        if (table.Name == "Opportunity" && table.Column("StageName").Get(row).Text is { } stage)
        {
            table.Column("IsClosed").Flag(row, stage is OpportunityStages.Won or OpportunityStages.Lost);
            table.Column("IsWon").Flag(row, stage == OpportunityStages.Won);
        }
        if (table.Name == "Case")
        {
            var closed = table.Column("Status").Get(row).Text == "Closed";
            var isClosed = table.Column("IsClosed");
            if (closed && isClosed.Get(row).Number == 0)
            {
                table.Column("ClosedDate").Instant(row, now);
            }
            isClosed.Flag(row, closed);
        }
    }
}
