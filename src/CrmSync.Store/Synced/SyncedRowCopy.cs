using Npgsql;
using NpgsqlTypes;

namespace CrmSync.Store.Synced;

/// <summary>Writes pulled rows into an open binary COPY of an <c>sf_*</c> table (or its staging table).</summary>
internal static class SyncedRowCopy
{
    /// <summary>
    /// Values go into Npgsql's write buffer: the synchronous Write avoids an await per value
    /// (a million per million rows) and only blocks when the buffer is flushed to the server.
    /// </summary>
    public static void Write(NpgsqlBinaryImporter copy, SyncedTable table, SyncedRow row, bool withDeletedFlag)
    {
        copy.StartRow();
        copy.Write(row.Id, NpgsqlDbType.Text);
        copy.Write(row.SystemModstamp, NpgsqlDbType.TimestampTz);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            WriteValue(copy, row.Values[i], table.Columns[i].Type);
        }

        copy.Write(row.RawJson, NpgsqlDbType.Jsonb);
        if (withDeletedFlag)
        {
            copy.Write(row.IsDeleted, NpgsqlDbType.Boolean);
        }
    }

    /// <summary>
    /// By the value's own type: writing it as <see cref="object"/> makes Npgsql look its converter
    /// up again for every value.
    /// </summary>
    private static void WriteValue(NpgsqlBinaryImporter copy, object? value, NpgsqlDbType type)
    {
        switch (value)
        {
            case null:
                copy.WriteNull();
                break;
            case string text:
                copy.Write(text, type);
                break;
            case decimal number:
                copy.Write(number, type);
                break;
            case DateTime instant:
                copy.Write(instant, type);
                break;
            case DateOnly date:
                copy.Write(date, type);
                break;
            case bool flag:
                copy.Write(flag, type);
                break;
            default:
                copy.Write(value, type);
                break;
        }
    }
}
