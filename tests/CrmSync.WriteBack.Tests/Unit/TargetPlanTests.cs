using CrmSync.WriteBack.Targets;

namespace CrmSync.WriteBack.Tests.Unit;

public sealed class TargetPlanTests
{
    private static FieldSpec Spec(string name, bool updateable = true, string type = "double", bool externalId = false) =>
        new(name, type, 8, 2, 0, true, updateable, externalId, []);

    [Fact]
    public void Fields_that_cannot_be_written_are_reported_and_the_others_kept()
    {
        var target = new WriteTarget("account", "Account",
        [
            new("csat", "Csat__c"), new("nps", "Missing__c"), new("win_rate", "Formula__c"), new("bogus", "Bogus__c"), new("csat2", "Geo__c"),
        ]);

        var plan = TargetPlan.Check(target, [Spec("Csat__c"), Spec("Formula__c", updateable: false), Spec("Bogus__c"), Spec("Geo__c", type: "location")],
            new HashSet<string> { "csat", "nps", "win_rate", "csat2" });

        Assert.Equal(["Csat__c"], plan.Fields.Select(f => f.Spec.Name));
        Assert.Collection(plan.Problems,
            p => Assert.Contains("Account.Missing__c (target account, 'nps'): the field does not exist in the org", p, StringComparison.Ordinal),
            p => Assert.Contains("Account.Formula__c (target account, 'win_rate'): the integration user cannot edit it", p, StringComparison.Ordinal),
            p => Assert.Contains("CrmSync computes no result named 'bogus'", p, StringComparison.Ordinal),
            p => Assert.Contains("fields of type location are not supported", p, StringComparison.Ordinal));
        Assert.True(plan.CanWrite);
    }

    [Fact]
    public void An_upsert_target_without_its_external_id_writes_nothing()
    {
        var target = new WriteTarget("snapshot", "Snap__c", [new("key", "Key__c"), new("value", "Value__c")], "Key__c");

        var withKey = TargetPlan.Check(target, [Spec("Key__c", type: "string", externalId: true), Spec("Value__c")], new HashSet<string> { "key", "value" });
        var withoutKey = TargetPlan.Check(target, [Spec("Key__c", type: "string"), Spec("Value__c")], new HashSet<string> { "key", "value" });

        Assert.Equal(["Value__c"], withKey.Fields.Select(f => f.Spec.Name));
        Assert.True(withKey.CanWrite);
        Assert.False(withoutKey.CanWrite);
        Assert.Contains("Snap__c.Key__c (target snapshot, external_id): the field is not an External Id", Assert.Single(withoutKey.Problems), StringComparison.Ordinal);
    }
}
