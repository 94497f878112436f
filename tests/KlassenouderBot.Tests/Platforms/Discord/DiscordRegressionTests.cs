using System.Net;
using KlassenouderBot.Platforms;
using KlassenouderBot.Platforms.Discord;
using KlassenouderBot.Platforms.Discord.Rest;
using KlassenouderBot.School;
using KlassenouderBot.Tests.Fakes;

namespace KlassenouderBot.Tests.Platforms.Discord;

/// <summary>Discord adapter mistakes found by review: short all-digit usernames taken for ids, and rate-limit windows that stopped counting after a reset.</summary>
public sealed class DiscordRegressionTests : IDisposable
{
    private const string Guild = "222222222222222222";

    private readonly StubDiscordApi _api = new();

    public void Dispose() => _api.Dispose();

    // The school loader reads an all-digit value shorter than a snowflake (15–21 digits) as a username,
    // which Discord allows; DiscordMembers takes any all-digit value for a user id and DMs user "1234".
    [Fact]
    public async Task FindContact_AllDigitUsernameFromTheSchoolFile_IsLookedUpNotUsedAsAnId()
    {
        var school = SchoolConfigurationLoader.Parse("""
            school:
              name: "Test school"
              contacts:
                - groep: "5"
                  klassenouder: {name: "Naima", discord: "1234"}
            """, Path.Combine(Path.GetTempPath(), "school.yaml"));
        var account = school.FindClass("5")!.ClassParent!.Discord;
        _api.On($"GET /guilds/{Guild}/members/search", StubAnswer.Ok("""[{"user":{"id":"300000000000000006","username":"1234"},"nick":"Naima"}]"""));

        var (userId, _) = await new DiscordMembers(_api.CreateClient()).FindContactAsync(Guild, ChatUser.Contact("Naima", null, account), CancellationToken.None);

        userId.Should().Be("300000000000000006");
    }

    // After a bucket's reset time passes, every TryReserve sets Remaining to Limit - 1 without moving
    // ResetAt on, so any number of concurrent senders go at once (and collect 429s), against the comment
    // "so concurrent senders queue behind it rather than all going at once".
    [Fact]
    public void TryReserve_AfterTheBucketReset_StillCountsConcurrentRequests()
    {
        var clock = new FakeTimeProvider();
        var sut = new DiscordRateLimits(clock);
        var route = DiscordRateLimits.Route(HttpMethod.Post, "/channels/111111111111111111/messages");
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.TryAddWithoutValidation("X-RateLimit-Bucket", "abcd1234");
        response.Headers.TryAddWithoutValidation("X-RateLimit-Limit", "2");
        response.Headers.TryAddWithoutValidation("X-RateLimit-Remaining", "0");
        response.Headers.TryAddWithoutValidation("X-RateLimit-Reset-After", "2");
        sut.Update(route, response, retryAfter: null, isGlobal: false);
        clock.Advance(TimeSpan.FromSeconds(2));

        var waits = Enumerable.Range(0, 5).Select(_ => sut.TryReserve(route)).ToList();

        waits.Count(wait => wait == TimeSpan.Zero).Should().Be(2, "the bucket allows two requests per window");
    }
}
