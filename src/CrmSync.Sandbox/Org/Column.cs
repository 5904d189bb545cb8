using System.Text;
using System.Text.Json;

namespace CrmSync.Sandbox.Org;

/// <summary>
/// Column storage of one field: a typed array per field instead of a dictionary per record,
/// so a million opportunities cost a few bytes per field each.
/// </summary>
internal abstract class Column(FieldDefinition field)
{
    public FieldDefinition Field { get; } = field;

    public JsonEncodedText JsonName { get; } = JsonEncodedText.Encode(field.Name);

    public abstract void Resize(int capacity);

    public abstract FieldValue Get(int row);

    public abstract void Set(int row, in FieldValue value);

    public virtual bool IsNull(int row) => Get(row).IsNull;

    public virtual int CompareRows(int left, int right)
    {
        var a = Get(left);
        var b = Get(right);
        return FieldValue.Compare(a, b);
    }

    /// <summary>Writes the value as the REST API does (numbers as Java doubles, +0000 datetimes).</summary>
    public abstract void WriteJson(Utf8JsonWriter writer, int row);

    /// <summary>Appends the value as Bulk API 2.0 CSV text (unquoted; empty for null).</summary>
    public abstract void AppendCsv(StringBuilder builder, int row);

    public static Column For(FieldDefinition field, string keyPrefix, Func<string, string?> prefixOf) => field.Type switch
    {
        FieldType.Id => new IdColumn(field, keyPrefix),
        FieldType.Reference => new ReferenceColumn(field, field.ReferenceTo.Select(o => prefixOf(o) ?? "000").ToArray()),
        FieldType.Boolean => new BooleanColumn(field),
        FieldType.Double or FieldType.Currency or FieldType.Percent => new NumberColumn(field),
        FieldType.Date => new DateColumn(field),
        FieldType.DateTime => new DateTimeColumn(field),
        _ => new TextColumn(field),
    };
}

internal sealed class IdColumn(FieldDefinition field, string keyPrefix) : Column(field)
{
    public string KeyPrefix { get; } = keyPrefix;

    public override void Resize(int capacity)
    {
    }

    public override FieldValue Get(int row) => FieldValue.OfText(SalesforceId.Format(KeyPrefix, row));

    public override void Set(int row, in FieldValue value) => throw new InvalidOperationException("Id is computed from the row.");

    public override bool IsNull(int row) => false;

    public override int CompareRows(int left, int right) => left.CompareTo(right);

    public override void WriteJson(Utf8JsonWriter writer, int row)
    {
        Span<char> id = stackalloc char[SalesforceId.Length];
        SalesforceId.Write(KeyPrefix, row, id);
        writer.WriteStringValue(id);
    }

    public override void AppendCsv(StringBuilder builder, int row)
    {
        Span<char> id = stackalloc char[SalesforceId.Length];
        SalesforceId.Write(KeyPrefix, row, id);
        builder.Append(id);
    }
}

/// <summary>Stores (target index, row) in one long; -1 is null. WhatId may point at several objects.</summary>
internal sealed class ReferenceColumn(FieldDefinition field, string[] targetPrefixes) : Column(field)
{
    private long[] values = [];

    public static long Encode(int target, int row) => ((long)target << 32) | (uint)row;

    public long GetReference(int row) => values[row];

    public void SetReference(int row, long reference) => values[row] = reference;

    /// <summary>Encoded reference of an id string, or -2 when the id cannot point at a target of this field.</summary>
    public long ParseReference(string id)
    {
        var target = Array.IndexOf(targetPrefixes, SalesforceId.Prefix(id));
        var row = SalesforceId.ParseRow(id);
        return target < 0 || row < 0 ? -2 : Encode(target, row);
    }

    public override void Resize(int capacity)
    {
        var old = values.Length;
        Array.Resize(ref values, capacity);
        values.AsSpan(old).Fill(-1);
    }

    public override FieldValue Get(int row) => FieldValue.OfText(Format(values[row]));

    public override void Set(int row, in FieldValue value) => values[row] = value.IsNull ? -1 : ParseReference(value.Text!);

    public override bool IsNull(int row) => values[row] < 0;

    public override int CompareRows(int left, int right) => values[left].CompareTo(values[right]);

    public override void WriteJson(Utf8JsonWriter writer, int row)
    {
        var reference = values[row];
        if (reference < 0)
        {
            writer.WriteNullValue();
            return;
        }
        Span<char> id = stackalloc char[SalesforceId.Length];
        SalesforceId.Write(targetPrefixes[(int)(reference >> 32)], (int)(reference & 0xFFFFFFFF), id);
        writer.WriteStringValue(id);
    }

    public override void AppendCsv(StringBuilder builder, int row)
    {
        var reference = values[row];
        if (reference >= 0)
        {
            Span<char> id = stackalloc char[SalesforceId.Length];
            SalesforceId.Write(targetPrefixes[(int)(reference >> 32)], (int)(reference & 0xFFFFFFFF), id);
            builder.Append(id);
        }
    }

    private string? Format(long reference) =>
        reference < 0 ? null : SalesforceId.Format(targetPrefixes[(int)(reference >> 32)], (int)(reference & 0xFFFFFFFF));
}
