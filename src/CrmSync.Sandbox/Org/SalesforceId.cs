namespace CrmSync.Sandbox.Org;

/// <summary>
/// Record ids are computed from (object key prefix, row) instead of being stored: 15 characters
/// (prefix, a fixed pod/instance part, the row in base 62) plus Salesforce's 3-character
/// case-safe suffix. Ids of one object sort in row order, like Salesforce's.
/// </summary>
internal static class SalesforceId
{
    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string SuffixAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private const string Instance = "8d000";
    private const int RowDigits = 7;

    public const int Length = 18;

    public static string Format(string keyPrefix, int row)
    {
        Span<char> id = stackalloc char[Length];
        Write(keyPrefix, row, id);
        return new string(id);
    }

    /// <summary>Writes the 18-character id into <paramref name="id"/> without allocating.</summary>
    public static void Write(string keyPrefix, int row, Span<char> id)
    {
        keyPrefix.AsSpan().CopyTo(id);
        Instance.AsSpan().CopyTo(id[3..]);
        long value = row + 1L;
        for (var i = 14; i >= 8; i--)
        {
            id[i] = Digits[(int)(value % 62)];
            value /= 62;
        }
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var flags = 0;
            for (var bit = 0; bit < 5; bit++)
            {
                if (char.IsAsciiLetterUpper(id[chunk * 5 + bit]))
                {
                    flags |= 1 << bit;
                }
            }
            id[15 + chunk] = SuffixAlphabet[flags];
        }
    }

    public static string Prefix(string id) => id.Length >= 3 ? id[..3] : id;

    /// <summary>Row of an id of this sandbox (15 or 18 characters), or -1 when it is not one.</summary>
    public static int ParseRow(ReadOnlySpan<char> id)
    {
        if ((id.Length != 15 && id.Length != 18) || !id.Slice(3, 5).SequenceEqual(Instance))
        {
            return -1;
        }
        long value = 0;
        foreach (var c in id.Slice(8, RowDigits))
        {
            var digit = Digits.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return -1;
            }
            value = value * 62 + digit;
        }
        return value is >= 1 and <= int.MaxValue ? (int)(value - 1) : -1;
    }
}
