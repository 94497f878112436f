using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace KlassenouderBot.IntegrationTests.Teams.Fakes;

/// <summary>
/// An RSA signing key as Microsoft publishes them: a key id, the public modulus and exponent, and a
/// self-signed certificate (<c>x5c</c>, <c>x5t</c>), so a validator may use either form.
/// </summary>
internal sealed class FakeSigningKey : IDisposable
{
    private readonly RSA _rsa;

    public FakeSigningKey(string? keyId = null)
    {
        _rsa = RSA.Create(2048);
        KeyId = keyId ?? $"fake-{Guid.NewGuid():N}";
        var now = TimeProvider.System.GetUtcNow();
        var request = new CertificateRequest($"CN={KeyId}", _rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        CertificateDer = certificate.Export(X509ContentType.Cert);
        CertificateThumbprint = certificate.GetCertHash();
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = KeyId };
    }

    public string KeyId { get; }

    /// <summary>The private key, for signing tokens.</summary>
    public RsaSecurityKey SecurityKey { get; }

    public byte[] CertificateDer { get; }

    private byte[] CertificateThumbprint { get; }

    /// <summary>The public key as DER (SubjectPublicKeyInfo): what an attacker has, for the HS256 confusion attack.</summary>
    public byte[] PublicKeyDer => _rsa.ExportSubjectPublicKeyInfo();

    public SigningCredentials SigningCredentials => new(SecurityKey, SecurityAlgorithms.RsaSha256);

    /// <summary>The JWKS entry; <paramref name="endorsements"/> null leaves the property out entirely.</summary>
    public JsonObject ToJwk(IReadOnlyList<string>? endorsements)
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["x5t"] = Base64UrlEncoder.Encode(CertificateThumbprint),
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus!),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent!),
            ["x5c"] = new JsonArray(Convert.ToBase64String(CertificateDer)),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode?)e)]);
        }

        return jwk;
    }

    public void Dispose() => _rsa.Dispose();
}
