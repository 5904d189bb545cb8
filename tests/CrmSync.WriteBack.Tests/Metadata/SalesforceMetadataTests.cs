using System.Xml.Linq;
using CrmSync.Salesforce;
using CrmSync.Salesforce.Rest;
using CrmSync.Sandbox;
using CrmSync.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSync.WriteBack.Tests.Metadata;

/// <summary>deploy/salesforce: well-formed, as salesforce.md specifies, complete (rights, layout, report type), and what the sandbox serves.</summary>
public sealed class SalesforceMetadataTests
{
    private static readonly XNamespace Ns = "http://soap.sforce.com/2006/04/metadata";

    private static readonly string Source = RepositoryRoot.Combine("deploy", "salesforce", "force-app", "main", "default");

    [Fact]
    public void Every_metadata_file_is_well_formed_xml_in_the_metadata_namespace()
    {
        var files = Directory.GetFiles(Source, "*-meta.xml", SearchOption.AllDirectories);

        Assert.True(files.Length >= 40, $"only {files.Length} metadata files");
        Assert.All(files, file => Assert.Equal(Ns, XDocument.Load(file).Root!.Name.Namespace));
    }

    [Fact]
    public void Field_types_precisions_scales_lengths_and_picklist_values_are_those_of_the_spec()
    {
        AssertFields("Account", SpecFields.Account);
        AssertFields("CrmSync_KPI_Snapshot__c", SpecFields.Snapshot);
        var key = Field("CrmSync_KPI_Snapshot__c", "Snapshot_Key__c");
        Assert.Equal(("true", "true"), (Text(key, "externalId"), Text(key, "unique")));
        Assert.Equal("true", Field("Account", "CrmSync_CLV_Tier__c").Descendants(Ns + "restricted").Single().Value);
    }

    [Fact]
    public void The_integration_user_may_use_the_API_and_edit_every_field_and_the_viewer_may_read_them()
    {
        var integration = Load("permissionsets", "CrmSync_Integration.permissionset-meta.xml");
        var viewer = Load("permissionsets", "CrmSync_Viewer.permissionset-meta.xml");
        var fields = SpecFields.Account.Select(f => "Account." + f.Name).Concat(SpecFields.Snapshot.Select(f => "CrmSync_KPI_Snapshot__c." + f.Name)).ToList();

        Assert.Equal(fields.Order(), Permissions(integration, editable: true).Order());
        Assert.Equal(fields.Order(), Permissions(viewer, editable: false).Order());
        Assert.Contains(integration.Descendants(Ns + "userPermissions"), p => Text(p, "name") == "ApiEnabled" && Text(p, "enabled") == "true");
        var snapshots = integration.Descendants(Ns + "objectPermissions").Single(p => Text(p, "object") == "CrmSync_KPI_Snapshot__c");
        Assert.Equal(("true", "true", "true"), (Text(snapshots, "allowCreate"), Text(snapshots, "allowEdit"), Text(snapshots, "allowRead")));
        Assert.Equal("true", Text(viewer.Descendants(Ns + "objectPermissions").Single(p => Text(p, "object") == "CrmSync_KPI_Snapshot__c"), "allowRead"));
    }

    [Fact]
    public void The_account_layout_groups_every_field_in_a_Customer_KPIs_section_and_a_report_type_covers_snapshots()
    {
        var layout = Load("layouts", "Account-CrmSync Account Layout.layout-meta.xml");
        var section = layout.Descendants(Ns + "layoutSections").Single(s => Text(s, "label") == "Customer KPIs");
        var reportType = Load("reportTypes", "CrmSync_KPI_Snapshots.reportType-meta.xml");

        Assert.Equal(SpecFields.Account.Select(f => f.Name).Order(), section.Descendants(Ns + "field").Select(f => f.Value).Order());
        Assert.Equal("CrmSync_KPI_Snapshot__c", Text(reportType.Root!, "baseObject"));
        Assert.Equal(SpecFields.Snapshot.Select(f => f.Name).Order(), reportType.Descendants(Ns + "columns").Select(c => Text(c, "field")).Order());
    }

    [Fact]
    public async Task The_sandbox_loads_the_metadata_and_describes_each_field_as_specified()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxSettings { Accounts = 5 });
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(SandboxLogin.Settings(sandbox.BaseUri)).Build())
            .AddSalesforce().BuildServiceProvider();
        await using var _ = services;
        var client = services.GetRequiredService<ISalesforceClient>();

        foreach (var (objectName, expected) in new[] { ("Account", SpecFields.Account), ("CrmSync_KPI_Snapshot__c", SpecFields.Snapshot) })
        {
            var described = (await client.DescribeAsync(objectName)).Fields.ToDictionary(f => f.Name);
            Assert.All(expected, field =>
            {
                var d = described[field.Name];
                Assert.Equal(
                    (SpecFields.DescribeType(field.Type), field.Precision, field.Scale, field.Length, true, string.Join(",", field.Picklist ?? [])),
                    (d.Type, d.Precision, d.Scale, d.Length, d.Updateable, string.Join(",", (d.PicklistValues ?? []).Select(p => p.Value))));
            });
        }
    }

    private static void AssertFields(string objectName, IReadOnlyList<SpecFields.Field> expected)
    {
        var files = Directory.GetFiles(Path.Combine(Source, "objects", objectName, "fields"), "*.field-meta.xml");
        Assert.Equal(expected.Select(f => f.Name).Order(), files.Select(f => Path.GetFileName(f).Replace(".field-meta.xml", "", StringComparison.Ordinal)).Order());
        Assert.All(expected, field =>
        {
            var xml = Field(objectName, field.Name);
            Assert.Equal(
                (field.Name, field.Type, field.Precision, field.Scale, field.Length, string.Join(",", field.Picklist ?? [])),
                (Text(xml, "fullName"), Text(xml, "type"), Number(xml, "precision"), Number(xml, "scale"), Number(xml, "length"),
                    string.Join(",", xml.Descendants(Ns + "value").Select(v => Text(v, "fullName")))));
        });
    }

    private static IEnumerable<string> Permissions(XDocument set, bool editable) =>
        set.Descendants(Ns + "fieldPermissions")
            .Where(p => Text(p, "readable") == "true" && Text(p, "editable") == (editable ? "true" : "false"))
            .Select(p => Text(p, "field")!);

    private static XElement Field(string objectName, string field) =>
        XDocument.Load(Path.Combine(Source, "objects", objectName, "fields", field + ".field-meta.xml")).Root!;

    private static XDocument Load(params string[] path) => XDocument.Load(Path.Combine([Source, .. path]));

    private static string? Text(XElement element, string name) => element.Element(Ns + name)?.Value;

    private static int Number(XElement element, string name) => Text(element, name) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;
}
