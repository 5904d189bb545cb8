namespace CrmSync.Sandbox.Soql;

/// <summary>A name as written in the query, with its position for INVALID_FIELD / INVALID_TYPE errors.</summary>
internal sealed record NameReference(string Name, int Offset);

internal sealed record SelectQuery(
    IReadOnlyList<NameReference> Fields,
    bool IsCount,
    NameReference Object,
    Condition? Where,
    IReadOnlyList<OrderItem> OrderBy,
    int? Limit);

internal sealed record OrderItem(NameReference Field, bool Descending);

internal abstract record Condition;

internal sealed record AndCondition(IReadOnlyList<Condition> Operands) : Condition;

internal sealed record OrCondition(IReadOnlyList<Condition> Operands) : Condition;

internal sealed record Comparison(NameReference Field, string Operator, Literal Value) : Condition;

internal sealed record InList(NameReference Field, IReadOnlyList<Literal> Values) : Condition;

internal enum LiteralKind
{
    Null,
    String,
    Number,
    Boolean,
    Date,
    DateTime,
}

internal sealed record Literal(LiteralKind Kind, string Text, int Offset);
