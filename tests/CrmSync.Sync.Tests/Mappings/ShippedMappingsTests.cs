using CrmSync.Sync.Mappings;
using CrmSync.Testing;

namespace CrmSync.Sync.Tests.Mappings;

/// <summary>The files in mappings/ load cleanly and carry the default names of the Salesforce contract.</summary>
public sealed class ShippedMappingsTests
{
    private static readonly MappingSet Shipped = MappingLoader.LoadFolder(RepositoryRoot.Combine("mappings"));

    [Fact]
    public void Load_without_any_problem()
    {
        Assert.Empty(Shipped.Problems);
    }

    [Fact]
    public void Map_every_source_and_target_crmsync_knows()
    {
        Assert.Equal(LogicalCatalog.Sources.Select(s => s.Name).Order(), Shipped.Sources.Select(s => s.Source).Order());
        Assert.Equal(["account", "snapshot"], Shipped.Targets.Select(t => t.Target).Order());
    }

    [Theory]
    [InlineData("deal", "Opportunity", "amount", "Amount")]
    [InlineData("deal", "Opportunity", "close_date", "CloseDate")]
    [InlineData("account", "Account", "segment", "Industry")]
    [InlineData("case", "Case", "first_response_at", "First_Response_At__c")]
    [InlineData("campaign_member", "CampaignMember", "has_responded", "HasResponded")]
    [InlineData("survey", "Survey_Response__c", "score", "Score__c")]
    [InlineData("invoice", "Invoice__c", "paid_date", "Paid_Date__c")]
    [InlineData("product_usage", "Product_Usage__c", "usage_date", "Usage_Date__c")]
    public void Use_the_default_salesforce_names(string source, string objectName, string logical, string apiName)
    {
        var mapping = Shipped.Source(source)!;

        Assert.Equal(objectName, mapping.ObjectName);
        Assert.Equal(apiName, mapping.ApiNameOf(logical));
    }

    [Fact]
    public void Reconcile_campaign_members_by_id_and_treat_custom_objects_as_optional()
    {
        Assert.Equal(DeleteMode.Hard, Shipped.Source("campaign_member")!.Deletes);
        Assert.All(Shipped.Sources.Where(s => s.Source != "campaign_member"), s => Assert.Equal(DeleteMode.Soft, s.Deletes));
        Assert.Equal(["invoice", "product_usage", "survey"], Shipped.Sources.Where(s => s.Optional).Select(s => s.Source).Order());
    }

    [Fact]
    public void Write_every_kpi_to_its_crmsync_field_and_upsert_snapshots_on_their_key()
    {
        var account = Shipped.Target("account")!;
        Assert.Equal(28, account.Fields.Count);
        Assert.Equal("CrmSync_Win_Rate__c", account.ApiNameOf("win_rate"));
        Assert.Equal("CrmSync_KPI_As_Of__c", account.ApiNameOf("kpi_as_of"));
        Assert.Equal("Snapshot_Key__c", Shipped.Target("snapshot")!.ExternalIdField);
    }
}
