using System.Text;
using System.Text.Json;
using CrmSync.Salesforce.Bulk;

namespace CrmSync.Host.Cli;

/// <summary>
/// Writes one JSON object per line. On the process's standard output it writes through its own buffer
/// (Console.Out flushes on every write), so a million rows cost a few large writes, not a million small ones.
/// </summary>
internal sealed class RecordPrinter : IAsyncDisposable
{
    private readonly TextWriter _output;
    private readonly bool _ownsOutput;
    private readonly MemoryStream _line = new();
    private readonly Utf8JsonWriter _json;

    private RecordPrinter(TextWriter output, bool ownsOutput)
    {
        _output = output;
        _ownsOutput = ownsOutput;
        _json = new Utf8JsonWriter(_line, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static RecordPrinter For(TextWriter output) => ReferenceEquals(output, Console.Out)
        ? new RecordPrinter(new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16), ownsOutput: true)
        : new RecordPrinter(output, ownsOutput: false);

    /// <summary>A REST record without its top-level <c>attributes</c>, so REST and Bulk print the same keys.</summary>
    public Task WriteAsync(JsonElement record, CancellationToken ct)
    {
        _json.WriteStartObject();
        foreach (var property in record.EnumerateObject())
        {
            if (property.NameEquals("attributes"))
            {
                continue;
            }

            property.WriteTo(_json);
        }

        return EndLineAsync(ct);
    }

    public Task WriteAsync(BulkRecord record, CancellationToken ct)
    {
        _json.WriteStartObject();
        for (var i = 0; i < record.Columns.Names.Count; i++)
        {
            _json.WriteString(record.Columns.Names[i], i < record.FieldCount ? record[i] : null);
        }

        return EndLineAsync(ct);
    }

    private async Task EndLineAsync(CancellationToken ct)
    {
        _json.WriteEndObject();
        await _json.FlushAsync(ct);
        await _output.WriteLineAsync(Encoding.UTF8.GetString(_line.GetBuffer(), 0, (int)_line.Length).AsMemory(), ct);
        _line.SetLength(0);
        _json.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        await _line.DisposeAsync();
        await _output.FlushAsync();
        if (_ownsOutput)
        {
            await _output.DisposeAsync();
        }
    }
}
