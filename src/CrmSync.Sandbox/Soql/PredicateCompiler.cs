using System.Globalization;
using CrmSync.Sandbox.Org;

namespace CrmSync.Sandbox.Soql;

/// <summary>Turns a WHERE tree into a row predicate, checking each literal against its field's type first.</summary>
internal static class PredicateCompiler
{
    public static Func<int, bool> Compile(Condition condition, Func<NameReference, Column> resolve, string soql)
    {
        switch (condition)
        {
            case AndCondition and:
            {
                var parts = and.Operands.Select(o => Compile(o, resolve, soql)).ToArray();
                return row =>
                {
                    foreach (var part in parts)
                    {
                        if (!part(row))
                        {
                            return false;
                        }
                    }
                    return true;
                };
            }
            case OrCondition or:
            {
                var parts = or.Operands.Select(o => Compile(o, resolve, soql)).ToArray();
                return row =>
                {
                    foreach (var part in parts)
                    {
                        if (part(row))
                        {
                            return true;
                        }
                    }
                    return false;
                };
            }
            case Comparison comparison:
                return CompileComparison(resolve(comparison.Field), comparison, soql);
            case InList inList:
            {
                var column = resolve(inList.Field);
                var tests = inList.Values.Select(v => CompileComparison(column, new Comparison(inList.Field, "=", v), soql)).ToArray();
                return row => tests.Any(t => t(row));
            }
            default:
                throw new InvalidOperationException($"Unknown condition {condition.GetType().Name}.");
        }
    }

    private static Func<int, bool> CompileComparison(Column column, Comparison comparison, string soql)
    {
        var literal = comparison.Value;
        var op = comparison.Operator;
        if (literal.Kind == LiteralKind.Null)
        {
            return op == "=" ? column.IsNull : row => !column.IsNull(row);
        }
        var value = Convert(column.Field, literal, soql);
        switch (column)
        {
            case IdColumn id when op is "=" or "!=":
            {
                var target = value.Text!.StartsWith(id.KeyPrefix, StringComparison.Ordinal) ? SalesforceId.ParseRow(value.Text) : -1;
                return op == "=" ? row => row == target : row => row != target;
            }
            case IdColumn id:
            {
                // Ids order case-sensitively (as ORDER BY Id does), which for this sandbox's ids is row order:
                // WHERE Id > '…' ORDER BY Id is how clients page by key.
                var bound = value.Text!;
                var target = bound.StartsWith(id.KeyPrefix, StringComparison.Ordinal) ? SalesforceId.ParseRow(bound) : -1;
                var compared = target >= 0 ? 0 : string.CompareOrdinal(id.KeyPrefix, bound[..3]);
                return row => Holds(op, target >= 0 ? row.CompareTo(target) : compared);
            }
            case ReferenceColumn reference when op is "=" or "!=":
            {
                var target = reference.ParseReference(value.Text!);
                return op == "=" ? row => reference.GetReference(row) == target : row => reference.GetReference(row) != target;
            }
        }
        return row =>
        {
            var current = column.Get(row);
            if (current.IsNull)
            {
                // SOQL: a null field matches only !=.
                return op == "!=";
            }
            return Holds(op, FieldValue.Compare(current, value));
        };
    }

    private static bool Holds(string op, int compared) => op switch
    {
        "=" => compared == 0,
        "!=" => compared != 0,
        "<" => compared < 0,
        "<=" => compared <= 0,
        ">" => compared > 0,
        _ => compared >= 0,
    };

    private static FieldValue Convert(FieldDefinition field, Literal literal, string soql)
    {
        var (expected, quoted) = field.Type switch
        {
            FieldType.Boolean => (LiteralKind.Boolean, false),
            FieldType.Double or FieldType.Currency or FieldType.Percent => (LiteralKind.Number, false),
            FieldType.Date => (LiteralKind.Date, false),
            FieldType.DateTime => (LiteralKind.DateTime, false),
            _ => (LiteralKind.String, true),
        };
        if (literal.Kind != expected)
        {
            throw SoqlException.At("INVALID_FIELD", soql, literal.Offset,
                $"value of filter criterion for field '{field.Name}' must be of type {SoapType(field.Type)} and should {(quoted ? "" : "not ")}be enclosed in quotes");
        }
        if (field.Type is FieldType.Id or FieldType.Reference && literal.Text.Length is not (15 or 18))
        {
            throw SoqlException.At("INVALID_QUERY_FILTER_OPERATOR", soql, literal.Offset, $"invalid ID field: {literal.Text}");
        }
        return literal.Kind switch
        {
            LiteralKind.Boolean => FieldValue.OfBoolean(literal.Text.Equals("true", StringComparison.OrdinalIgnoreCase)),
            LiteralKind.Number => FieldValue.OfNumber(double.Parse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture)),
            LiteralKind.Date => FieldValue.OfDate(DateOnly.ParseExact(literal.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
            LiteralKind.DateTime => SoqlLiterals.TryParseDateTime(literal.Text, out var instant) ? FieldValue.OfDateTime(instant) : FieldValue.Null,
            _ => FieldValue.OfText(literal.Text),
        };
    }

    private static string SoapType(FieldType type) => type switch
    {
        FieldType.Boolean => "boolean",
        FieldType.Double or FieldType.Currency or FieldType.Percent => "double",
        FieldType.Date => "date",
        FieldType.DateTime => "dateTime",
        FieldType.Id or FieldType.Reference => "id",
        _ => "string",
    };
}
