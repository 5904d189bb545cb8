using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmSync.Salesforce.Json;

/// <summary>The one <see cref="JsonSerializerOptions"/> used for Salesforce REST bodies.</summary>
public static class SalesforceJson
{
    /// <summary>Shared, read-only after construction (the serializer freezes it on first use).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

            // API bodies, never HTML: keep '+' in "+0000" and non-ASCII names as they are.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new SalesforceDateTimeConverter());
        options.Converters.Add(new SalesforceUtcDateTimeConverter());
        options.Converters.Add(new SalesforceDateOnlyConverter());
        options.Converters.Add(new SalesforceDecimalConverter());
        options.Converters.Add(new SObjectRecordConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
