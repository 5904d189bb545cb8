using System.Globalization;

namespace CrmSync.Sandbox.Soql;

/// <summary>
/// Recursive descent over the SOQL subset the sandbox serves:
/// <code>
/// query      := SELECT (COUNT '(' ')' | field (',' field)*) FROM object [WHERE or] [ORDER BY order (',' order)*] [LIMIT int]
/// or         := and (OR and)*        — Salesforce refuses AND and OR mixed without parentheses
/// and        := primary (AND primary)*
/// primary    := '(' or ')' | field op literal | field IN '(' literal (',' literal)* ')'
/// literal    := 'string' | number | date | datetime | NULL | TRUE | FALSE
/// </code>
/// Anything else is MALFORMED_QUERY with the position of the first token it cannot take.
/// </summary>
internal sealed class SoqlParser
{
    private static readonly string[] Reserved = ["SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "ORDER", "BY", "LIMIT", "ASC", "DESC", "NULL", "TRUE", "FALSE", "GROUP", "HAVING", "OFFSET", "LIKE"];
    private readonly string query;
    private readonly List<SoqlToken> tokens;
    private int position;

    private SoqlParser(string query)
    {
        this.query = query;
        tokens = SoqlTokenizer.Tokenize(query);
    }

    public static SelectQuery Parse(string query) => new SoqlParser(query).ParseQuery();

    private SoqlToken Current => tokens[position];

    private SelectQuery ParseQuery()
    {
        Expect("SELECT");
        var fields = new List<NameReference>();
        var isCount = false;
        if (Current.IsKeyword("COUNT") && tokens[position + 1].Kind == TokenKind.LeftParen)
        {
            position++;
            Expect(TokenKind.LeftParen);
            Expect(TokenKind.RightParen);
            isCount = true;
        }
        else
        {
            fields.Add(Name());
            while (Current.Kind == TokenKind.Comma)
            {
                position++;
                fields.Add(Name());
            }
        }
        Expect("FROM");
        var from = Name();
        Condition? where = null;
        if (Current.IsKeyword("WHERE"))
        {
            position++;
            where = Or();
        }
        var orderBy = new List<OrderItem>();
        if (Current.IsKeyword("ORDER"))
        {
            position++;
            Expect("BY");
            do
            {
                if (orderBy.Count > 0)
                {
                    position++;
                }
                var field = Name();
                var descending = false;
                if (Current.IsKeyword("ASC") || Current.IsKeyword("DESC"))
                {
                    descending = Current.IsKeyword("DESC");
                    position++;
                }
                orderBy.Add(new OrderItem(field, descending));
            }
            while (Current.Kind == TokenKind.Comma);
        }
        int? limit = null;
        if (Current.IsKeyword("LIMIT"))
        {
            position++;
            if (Current.Kind != TokenKind.Number || !int.TryParse(Current.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw Unexpected();
            }
            position++;
            limit = value;
        }
        if (Current.Kind != TokenKind.End)
        {
            throw Unexpected();
        }
        return new SelectQuery(fields, isCount, from, where, orderBy, limit);
    }

    private Condition Or()
    {
        var first = And();
        if (!Current.IsKeyword("OR"))
        {
            return first;
        }
        if (first is AndCondition)
        {
            throw Unexpected();
        }
        var operands = new List<Condition> { first };
        while (Current.IsKeyword("OR"))
        {
            position++;
            var next = Primary();
            operands.Add(next);
            if (Current.IsKeyword("AND"))
            {
                throw Unexpected();
            }
        }
        return new OrCondition(operands);
    }

    private Condition And()
    {
        var first = Primary();
        if (!Current.IsKeyword("AND"))
        {
            return first;
        }
        var operands = new List<Condition> { first };
        while (Current.IsKeyword("AND"))
        {
            position++;
            operands.Add(Primary());
        }
        return new AndCondition(operands);
    }

    private Condition Primary()
    {
        if (Current.Kind == TokenKind.LeftParen)
        {
            position++;
            var inner = Or();
            Expect(TokenKind.RightParen);
            return inner;
        }
        var field = Name();
        if (Current.IsKeyword("IN"))
        {
            position++;
            Expect(TokenKind.LeftParen);
            var values = new List<Literal> { Value() };
            while (Current.Kind == TokenKind.Comma)
            {
                position++;
                values.Add(Value());
            }
            Expect(TokenKind.RightParen);
            return new InList(field, values);
        }
        if (Current.Kind != TokenKind.Operator)
        {
            throw Unexpected();
        }
        var op = Current.Text == "<>" ? "!=" : Current.Text;
        position++;
        var literal = Value();
        if (literal.Kind == LiteralKind.Null && op is not ("=" or "!="))
        {
            throw SoqlException.At("MALFORMED_QUERY", query, literal.Offset, $"unexpected token: 'null' (null can only be compared with = or !=)");
        }
        return new Comparison(field, op, literal);
    }

    private Literal Value()
    {
        var token = Current;
        var kind = token.Kind switch
        {
            TokenKind.String => LiteralKind.String,
            TokenKind.Number when double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => LiteralKind.Number,
            TokenKind.Date when DateOnly.TryParseExact(token.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => LiteralKind.Date,
            TokenKind.DateTime when SoqlLiterals.TryParseDateTime(token.Text, out _) => LiteralKind.DateTime,
            TokenKind.Identifier when token.IsKeyword("NULL") => LiteralKind.Null,
            TokenKind.Identifier when token.IsKeyword("TRUE") || token.IsKeyword("FALSE") => LiteralKind.Boolean,
            _ => throw Unexpected(),
        };
        position++;
        return new Literal(kind, token.Text, token.Offset);
    }

    private NameReference Name()
    {
        var token = Current;
        if (token.Kind != TokenKind.Identifier || Reserved.Contains(token.Text, StringComparer.OrdinalIgnoreCase))
        {
            throw Unexpected();
        }
        position++;
        if (Current.Kind is TokenKind.Dot or TokenKind.LeftParen or TokenKind.Colon)
        {
            // Relationship paths, functions and date literals with parameters are outside the sandbox's subset.
            throw Unexpected();
        }
        return new NameReference(token.Text, token.Offset);
    }

    private void Expect(string keyword)
    {
        if (!Current.IsKeyword(keyword))
        {
            throw Unexpected();
        }
        position++;
    }

    private void Expect(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            throw Unexpected();
        }
        position++;
    }

    private SoqlException Unexpected() =>
        SoqlException.At("MALFORMED_QUERY", query, Current.Offset, $"unexpected token: {Current.Display}");
}
