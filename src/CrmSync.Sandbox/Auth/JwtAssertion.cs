using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace CrmSync.Sandbox.Auth;

/// <summary>
/// Checks a JWT bearer assertion as Salesforce does: RS256 signature against the connected app's
/// certificate, iss = consumer key, sub = username, aud = the login URL, exp not passed.
/// </summary>
internal static class JwtAssertion
{
    /// <summary>Null when valid, else the error_description Salesforce answers.</summary>
    public static string? Validate(string assertion, string certificatePem, SandboxSettings settings, IReadOnlyCollection<string> audiences, DateTimeOffset now)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            return "invalid assertion";
        }
        try
        {
            using var header = JsonDocument.Parse(Base64Url(parts[0]));
            if (header.RootElement.GetProperty("alg").GetString() != "RS256")
            {
                return "invalid assertion";
            }
            using var rsa = PublicKey(certificatePem);
            var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            if (!rsa.VerifyData(signed, Base64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return "invalid assertion";
            }
            using var payload = JsonDocument.Parse(Base64Url(parts[1]));
            var claims = payload.RootElement;
            if (Claim(claims, "iss") != settings.ClientId)
            {
                return "invalid client credentials";
            }
            if (Claim(claims, "aud") is not { } audience || !audiences.Contains(audience.TrimEnd('/'), StringComparer.OrdinalIgnoreCase))
            {
                return "audience is invalid";
            }
            if (!claims.TryGetProperty("exp", out var exp) || exp.ValueKind != JsonValueKind.Number || DateTimeOffset.FromUnixTimeSeconds(exp.GetInt64()) < now)
            {
                return "expired authorization code";
            }
            return Claim(claims, "sub") == settings.Username ? null : "user hasn't approved this consumer";
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException or CryptographicException or ArgumentException)
        {
            return "invalid assertion";
        }
    }

    private static string? Claim(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static RSA PublicKey(string pem)
    {
        if (pem.Contains("BEGIN CERTIFICATE", StringComparison.Ordinal))
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            return certificate.GetRSAPublicKey() ?? throw new CryptographicException("The certificate has no RSA key.");
        }
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa;
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '='));
    }
}
