namespace CrmSync.Sandbox.Soql;

internal enum TokenKind
{
    Identifier,
    String,
    Number,
    Date,
    DateTime,
    Comma,
    Dot,
    Colon,
    LeftParen,
    RightParen,
    Operator,
    End,
}

/// <param name="Text">The token as written (for strings: the unescaped value).</param>
/// <param name="Offset">Where it starts in the query, for error positions.</param>
internal readonly record struct SoqlToken(TokenKind Kind, string Text, int Offset)
{
    public bool IsKeyword(string keyword) => Kind == TokenKind.Identifier && Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How Salesforce quotes the token in "unexpected token" messages.</summary>
    public string Display => Kind switch
    {
        TokenKind.End => "<EOF>",
        _ => $"'{Text}'",
    };
}

/// <summary>A SOQL error as Salesforce reports it: the query line, a caret, "ERROR at Row:r:Column:c" and the message.</summary>
internal sealed class SoqlException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;

    public static SoqlException At(string errorCode, string query, int offset, string message)
    {
        var lineStart = query.LastIndexOf('\n', Math.Max(0, Math.Min(offset, query.Length) - 1)) + 1;
        if (offset == 0)
        {
            lineStart = 0;
        }
        var lineEnd = query.IndexOf('\n', lineStart);
        var line = lineEnd < 0 ? query[lineStart..] : query[lineStart..lineEnd];
        var row = query.AsSpan(0, lineStart).Count('\n') + 1;
        var column = offset - lineStart + 1;
        return new SoqlException(errorCode, $"\n{line}\n{new string(' ', column - 1)}^\nERROR at Row:{row}:Column:{column}\n{message}");
    }
}
