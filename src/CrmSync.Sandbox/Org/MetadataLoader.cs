using System.Globalization;
using System.Reflection;
using System.Xml.Linq;

namespace CrmSync.Sandbox.Org;

/// <summary>
/// Reads CrmSync's fields and objects from the SFDX source embedded at build time
/// (deploy/salesforce/force-app), so the sandbox and the deployable metadata cannot drift.
/// </summary>
internal static class MetadataLoader
{
    private static readonly XNamespace Ns = "http://soap.sforce.com/2006/04/metadata";

    public sealed record CustomObjectMetadata(string Name, string Label, string PluralLabel, string? NameDisplayFormat);

    public sealed record Metadata(IReadOnlyList<CustomObjectMetadata> Objects, IReadOnlyDictionary<string, List<FieldDefinition>> FieldsByObject);

    public static Metadata LoadEmbedded()
    {
        var assembly = typeof(MetadataLoader).Assembly;
        var objects = new List<CustomObjectMetadata>();
        var fields = new Dictionary<string, List<FieldDefinition>>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Metadata/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var parts = resource.Replace('\\', '/').Split('/');
            var objectsAt = Array.IndexOf(parts, "objects");
            if (objectsAt < 0 || objectsAt + 1 >= parts.Length)
            {
                continue;
            }
            var objectName = parts[objectsAt + 1];
            var document = Load(assembly, resource);
            if (resource.EndsWith(".object-meta.xml", StringComparison.Ordinal))
            {
                objects.Add(ReadObject(objectName, document.Root!));
            }
            else if (resource.EndsWith(".field-meta.xml", StringComparison.Ordinal))
            {
                if (!fields.TryGetValue(objectName, out var list))
                {
                    fields[objectName] = list = [];
                }
                list.Add(ReadField(document.Root!));
            }
        }
        return new Metadata(objects, fields);
    }

    private static XDocument Load(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        return XDocument.Load(stream);
    }

    private static CustomObjectMetadata ReadObject(string name, XElement root) =>
        new(name, Text(root, "label") ?? name, Text(root, "pluralLabel") ?? name,
            root.Element(Ns + "nameField")?.Element(Ns + "displayFormat")?.Value);

    internal static FieldDefinition ReadField(XElement root)
    {
        var name = Text(root, "fullName") ?? throw new InvalidDataException("A field-meta.xml has no fullName.");
        var type = Text(root, "type");
        var mapped = type switch
        {
            "Currency" => FieldType.Currency,
            "Percent" => FieldType.Percent,
            "Number" => FieldType.Double,
            "Checkbox" => FieldType.Boolean,
            "Text" => FieldType.String,
            "TextArea" or "LongTextArea" => FieldType.TextArea,
            "Picklist" => FieldType.Picklist,
            "Date" => FieldType.Date,
            "DateTime" => FieldType.DateTime,
            _ => throw new InvalidDataException($"Field {name} has type {type}, which the sandbox does not model."),
        };
        var valueSet = root.Element(Ns + "valueSet");
        return FieldDefinition.Editable(name, Text(root, "label") ?? name, mapped) with
        {
            Length = Number(root, "length"),
            Precision = Number(root, "precision"),
            Scale = Number(root, "scale"),
            Nillable = mapped != FieldType.Boolean,
            ExternalId = Text(root, "externalId") == "true",
            Unique = Text(root, "unique") == "true",
            RestrictedPicklist = valueSet?.Element(Ns + "restricted")?.Value == "true",
            PicklistValues = valueSet?.Descendants(Ns + "value").Select(v => v.Element(Ns + "fullName")!.Value).ToArray() ?? [],
        };
    }

    private static string? Text(XElement root, string element) => root.Element(Ns + element)?.Value;

    private static int Number(XElement root, string element) =>
        Text(root, element) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
}
