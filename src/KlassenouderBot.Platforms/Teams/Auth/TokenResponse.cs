using System.Text.Json.Serialization;

namespace KlassenouderBot.Platforms.Teams.Auth;

/// <summary>The OAuth 2.0 token endpoint's answer.</summary>
internal sealed class TokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; set; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }
}
