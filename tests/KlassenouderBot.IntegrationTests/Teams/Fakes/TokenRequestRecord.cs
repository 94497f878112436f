namespace KlassenouderBot.IntegrationTests.Teams.Fakes;

/// <summary>One call to the fake Entra token endpoint, with what it answered.</summary>
internal sealed record TokenRequestRecord(
    string Tenant,
    string? GrantType,
    string? ClientId,
    string? ClientSecret,
    string? Scope,
    int StatusCode,
    DateTimeOffset ReceivedAt);
