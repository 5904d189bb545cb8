using System.Text;
using System.Text.Json;
using CrmSync.Sandbox.Wire;

namespace CrmSync.Sandbox.Org;

internal sealed class TextColumn(FieldDefinition field) : Column(field)
{
    private string?[] values = [];

    public override void Resize(int capacity) => Array.Resize(ref values, capacity);

    public override FieldValue Get(int row) => FieldValue.OfText(values[row]);

    public override void Set(int row, in FieldValue value) => values[row] = value.Text;

    public override bool IsNull(int row) => values[row] is null;

    public override void WriteJson(Utf8JsonWriter writer, int row) => writer.WriteStringValue(values[row]);

    public override void AppendCsv(StringBuilder builder, int row)
    {
        var value = values[row];
        if (value is null)
        {
            return;
        }
        if (value.Contains('"', StringComparison.Ordinal))
        {
            builder.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        }
        else
        {
            builder.Append(value);
        }
    }
}

/// <summary>Checkboxes are never null in Salesforce.</summary>
internal sealed class BooleanColumn(FieldDefinition field) : Column(field)
{
    private bool[] values = [];

    public bool this[int row]
    {
        get => values[row];
        set => values[row] = value;
    }

    public override void Resize(int capacity) => Array.Resize(ref values, capacity);

    public override FieldValue Get(int row) => FieldValue.OfBoolean(values[row]);

    public override void Set(int row, in FieldValue value) => values[row] = !value.IsNull && value.Number != 0;

    public override bool IsNull(int row) => false;

    public override int CompareRows(int left, int right) => values[left].CompareTo(values[right]);

    public override void WriteJson(Utf8JsonWriter writer, int row) => writer.WriteBooleanValue(values[row]);

    public override void AppendCsv(StringBuilder builder, int row) => builder.Append(values[row] ? "true" : "false");
}

/// <summary>NaN marks null: no real field value is NaN.</summary>
internal sealed class NumberColumn(FieldDefinition field) : Column(field)
{
    private double[] values = [];

    public override void Resize(int capacity)
    {
        var old = values.Length;
        Array.Resize(ref values, capacity);
        values.AsSpan(old).Fill(double.NaN);
    }

    public override FieldValue Get(int row) => double.IsNaN(values[row]) ? FieldValue.Null : FieldValue.OfNumber(values[row]);

    public override void Set(int row, in FieldValue value) => values[row] = value.IsNull ? double.NaN : value.Number;

    public override bool IsNull(int row) => double.IsNaN(values[row]);

    public override void WriteJson(Utf8JsonWriter writer, int row)
    {
        if (double.IsNaN(values[row]))
        {
            writer.WriteNullValue();
        }
        else
        {
            Span<char> text = stackalloc char[24];
            if (WireFormat.TryWriteWholeNumber(values[row], text, out var written))
            {
                writer.WriteRawValue(text[..written], skipInputValidation: true);
            }
            else
            {
                writer.WriteRawValue(WireFormat.JavaDouble(values[row]), skipInputValidation: true);
            }
        }
    }

    public override void AppendCsv(StringBuilder builder, int row)
    {
        if (double.IsNaN(values[row]))
        {
            return;
        }
        Span<char> text = stackalloc char[24];
        if (WireFormat.TryWriteWholeNumber(values[row], text, out var written))
        {
            builder.Append(text[..written]);
        }
        else
        {
            builder.Append(WireFormat.JavaDouble(values[row]));
        }
    }
}

internal sealed class DateColumn(FieldDefinition field) : Column(field)
{
    private int[] values = [];

    public override void Resize(int capacity)
    {
        var old = values.Length;
        Array.Resize(ref values, capacity);
        values.AsSpan(old).Fill(int.MinValue);
    }

    public override FieldValue Get(int row) =>
        values[row] == int.MinValue ? FieldValue.Null : new FieldValue(ValueKind.Date, 0, values[row], null);

    public override void Set(int row, in FieldValue value) => values[row] = value.IsNull ? int.MinValue : (int)value.Ticks;

    public override bool IsNull(int row) => values[row] == int.MinValue;

    public override int CompareRows(int left, int right) => values[left].CompareTo(values[right]);

    public override void WriteJson(Utf8JsonWriter writer, int row)
    {
        if (values[row] == int.MinValue)
        {
            writer.WriteNullValue();
        }
        else
        {
            Span<char> text = stackalloc char[WireFormat.DateLength];
            WireFormat.WriteDate(DateOnly.FromDayNumber(values[row]), text);
            writer.WriteStringValue(text);
        }
    }

    public override void AppendCsv(StringBuilder builder, int row)
    {
        if (values[row] != int.MinValue)
        {
            Span<char> text = stackalloc char[WireFormat.DateLength];
            WireFormat.WriteDate(DateOnly.FromDayNumber(values[row]), text);
            builder.Append(text);
        }
    }
}

internal sealed class DateTimeColumn(FieldDefinition field) : Column(field)
{
    private long[] values = [];

    public long this[int row]
    {
        get => values[row];
        set => values[row] = value;
    }

    public override void Resize(int capacity)
    {
        var old = values.Length;
        Array.Resize(ref values, capacity);
        values.AsSpan(old).Fill(long.MinValue);
    }

    public override FieldValue Get(int row) =>
        values[row] == long.MinValue ? FieldValue.Null : FieldValue.OfDateTime(values[row]);

    public override void Set(int row, in FieldValue value) => values[row] = value.IsNull ? long.MinValue : value.Ticks;

    public override bool IsNull(int row) => values[row] == long.MinValue;

    public override int CompareRows(int left, int right) => values[left].CompareTo(values[right]);

    public override void WriteJson(Utf8JsonWriter writer, int row)
    {
        if (values[row] == long.MinValue)
        {
            writer.WriteNullValue();
        }
        else
        {
            Span<char> text = stackalloc char[WireFormat.RestDateTimeLength];
            WireFormat.WriteDateTime(values[row], text, "+0000");
            writer.WriteStringValue(text);
        }
    }

    public override void AppendCsv(StringBuilder builder, int row)
    {
        if (values[row] != long.MinValue)
        {
            Span<char> text = stackalloc char[WireFormat.BulkDateTimeLength];
            WireFormat.WriteDateTime(values[row], text, "Z");
            builder.Append(text);
        }
    }
}
