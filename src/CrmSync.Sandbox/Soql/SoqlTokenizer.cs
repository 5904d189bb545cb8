using System.Text;

namespace CrmSync.Sandbox.Soql;

internal static class SoqlTokenizer
{
    public static List<SoqlToken> Tokenize(string query)
    {
        var tokens = new List<SoqlToken>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < query.Length && (char.IsAsciiLetterOrDigit(query[i]) || query[i] == '_'))
                {
                    i++;
                }
                tokens.Add(new SoqlToken(TokenKind.Identifier, query[start..i], start));
            }
            else if (char.IsAsciiDigit(c) || (c is '-' or '+' && i + 1 < query.Length && char.IsAsciiDigit(query[i + 1])))
            {
                tokens.Add(ReadNumberOrDate(query, ref i));
            }
            else if (c == '\'')
            {
                tokens.Add(ReadString(query, ref i));
            }
            else if (c is '<' or '>' or '!' or '=')
            {
                i++;
                if (i < query.Length && (query[i] == '=' || (c == '<' && query[i] == '>')))
                {
                    i++;
                }
                var op = query[start..i];
                if (op == "!")
                {
                    throw SoqlException.At("MALFORMED_QUERY", query, start, "unexpected token: '!'");
                }
                tokens.Add(new SoqlToken(TokenKind.Operator, op, start));
            }
            else
            {
                var kind = c switch
                {
                    ',' => TokenKind.Comma,
                    '.' => TokenKind.Dot,
                    ':' => TokenKind.Colon,
                    '(' => TokenKind.LeftParen,
                    ')' => TokenKind.RightParen,
                    _ => throw SoqlException.At("MALFORMED_QUERY", query, start, $"unexpected token: '{c}'"),
                };
                i++;
                tokens.Add(new SoqlToken(kind, c.ToString(), start));
            }
        }
        tokens.Add(new SoqlToken(TokenKind.End, "", query.Length));
        return tokens;
    }

    /// <summary>Numbers, dates (2026-01-01) and datetimes (2026-01-01T00:00:00Z, with fraction or ±hh:mm offset).</summary>
    private static SoqlToken ReadNumberOrDate(string query, ref int i)
    {
        var start = i;
        if (query[i] is '-' or '+')
        {
            i++;
        }
        while (i < query.Length && (char.IsAsciiLetterOrDigit(query[i]) || query[i] is '.' or '-' or ':' or '+'))
        {
            if (query[i] is '-' or '+' && !(i >= start + 4 && char.IsAsciiDigit(query[i - 1])))
            {
                break;
            }
            i++;
        }
        var text = query[start..i];
        var kind = text.Contains('T', StringComparison.Ordinal) ? TokenKind.DateTime
            : text.Length == 10 && text[4] == '-' ? TokenKind.Date
            : TokenKind.Number;
        return new SoqlToken(kind, text, start);
    }

    private static SoqlToken ReadString(string query, ref int i)
    {
        var start = i++;
        var value = new StringBuilder();
        while (i < query.Length && query[i] != '\'')
        {
            if (query[i] == '\\' && i + 1 < query.Length)
            {
                i++;
                value.Append(query[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
            }
            else
            {
                value.Append(query[i]);
            }
            i++;
        }
        if (i >= query.Length)
        {
            throw SoqlException.At("MALFORMED_QUERY", query, start, "unexpected token: <EOF> (unterminated string)");
        }
        i++;
        return new SoqlToken(TokenKind.String, value.ToString(), start);
    }
}
