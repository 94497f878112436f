using System.Text.Json.Nodes;

namespace KlassenouderBot.IntegrationTests.Teams.Fakes;

/// <summary>A person in a Teams chat, as the roster APIs return them (TeamsChannelAccount).</summary>
internal sealed record TeamsMember(string Id, string Name, string GivenName, string Surname, string Email, string AadObjectId, string TenantId)
{
    public string UserPrincipalName => Email;

    public string UserRole { get; init; } = "user";

    /// <summary>The roster entry (<c>GET …/pagedmembers</c>, <c>…/members</c>).</summary>
    public JsonObject ToRosterJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["givenName"] = GivenName,
        ["surname"] = Surname,
        ["email"] = Email,
        ["userPrincipalName"] = UserPrincipalName,
        ["aadObjectId"] = AadObjectId,
        ["tenantId"] = TenantId,
        ["userRole"] = UserRole,
    };

    /// <summary>The <c>from</c> of an activity this person sends.</summary>
    public JsonObject ToChannelAccount() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["aadObjectId"] = AadObjectId,
    };
}
