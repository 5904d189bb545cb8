using CrmSync.Store.Synced;
using CrmSync.Sync.Mappings;
using NpgsqlTypes;

namespace CrmSync.Sync.Pull;

/// <summary>The <c>sf_*</c> table of each logical source: one column per logical field, in catalog order.</summary>
public static class SourceTables
{
    public static SyncedTable For(LogicalEntity source) =>
        new(source.Name, source.Fields.Select(f => new SyncedColumn(f.Name, ColumnType(f.Kind))).ToList());

    public static NpgsqlDbType ColumnType(FieldKind kind) => kind switch
    {
        FieldKind.Money or FieldKind.Number or FieldKind.Percent => NpgsqlDbType.Numeric,
        FieldKind.Boolean => NpgsqlDbType.Boolean,
        FieldKind.Date => NpgsqlDbType.Date,
        FieldKind.DateTime => NpgsqlDbType.TimestampTz,
        _ => NpgsqlDbType.Text,
    };
}
