using Microsoft.AspNetCore.Mvc.Testing;

namespace KlassenouderBot.IntegrationTests;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_WhenServing_ReturnsOk()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        response.IsSuccessStatusCode.Should().BeTrue();
    }
}
