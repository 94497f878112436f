using System.Net;
using KlassenouderBot.Data;
using KlassenouderBot.Data.Entities;
using KlassenouderBot.Moderation;
using KlassenouderBot.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KlassenouderBot.IntegrationTests.Admin;

/// <summary>The outbox's dead letters in the admin app: listed for the school admin, sent again or dismissed.</summary>
public sealed class AdminDeliveryTests : AdminAppTest
{
    private Guid _deadAlert;
    private Guid _inDoubt;

    protected override async Task SeedAsync()
    {
        await App.AddAccountAsync("naima@example.nl", AccountRole.ClassParent, "5");
        _deadAlert = await AddDeadLetterAsync("connector 503 after 12 attempts", keepDelivery: true);
        _inDoubt = await AddDeadLetterAsync(InterventionOutbox.InDoubtReason, keepDelivery: true);
        await using var db = await Database().CreateDbContextAsync();
        db.Interventions.Add(Record(Guid.NewGuid(), pending: "{}"));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Page_SchoolAdmin_SeesDeadLettersWithReasonsAndWhatWaits()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);

        var page = await browser.GetStringAsync(new Uri("/admin/bezorging", UriKind.Relative));

        page.Should().Contain("data-dead-letters=\"2\"").And.Contain("data-waiting=\"1\"");
        page.Should().Contain("connector 503 after 12 attempts").And.Contain("Kijk eerst in de chat", "an in-doubt send is explained, not shown as a code");
        page.Should().Contain($"/admin/bezorging/{_deadAlert}/opnieuw").And.Contain("Melding · groep 5");
    }

    [Fact]
    public async Task Readyz_DeadLettersWaiting_IsDegradedButStillReady()
    {
        using var client = App.CreateClient();

        var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the bot still assesses messages and stores what it must send");
        (await response.Content.ReadAsStringAsync()).Should().Be("Degraded");
    }

    [Fact]
    public async Task Retry_DeadLetter_IsDueAgainAndAudited()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, "/admin/bezorging");

        var response = await browser.PostAsync(new Uri($"/admin/bezorging/{_deadAlert}/opnieuw", UriKind.Relative), Form(token));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = await Database().CreateDbContextAsync();
        var record = await db.Interventions.AsNoTracking().SingleAsync(i => i.Id == _deadAlert);
        record.DeadLetteredAt.Should().BeNull();
        record.Attempts.Should().Be(0);
        (await db.AuditEntries.AsNoTracking().ToListAsync()).Should().Contain(a => a.Action == "delivery.retried" && a.TargetId == _deadAlert.ToString());
    }

    [Fact]
    public async Task Dismiss_DeadLetter_LeavesTheListAndKeepsNothingToSend()
    {
        using var browser = await AdminApplication.SignedInAsync(App, SchoolAdmin);
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, "/admin/bezorging");

        await browser.PostAsync(new Uri($"/admin/bezorging/{_inDoubt}/negeren", UriKind.Relative), Form(token));
        var again = await browser.PostAsync(new Uri($"/admin/bezorging/{_inDoubt}/opnieuw", UriKind.Relative), Form(token));

        again.StatusCode.Should().Be(HttpStatusCode.Redirect, "a dismissed letter cannot be sent again, and says so without an error");
        (await browser.GetStringAsync(again.Headers.Location!)).Should().Contain("niet (meer) in de lijst");
        await using var db = await Database().CreateDbContextAsync();
        var record = await db.Interventions.AsNoTracking().SingleAsync(i => i.Id == _inDoubt);
        record.PendingDelivery.Should().BeNull();
        record.DismissedAt.Should().NotBeNull();
    }

    [Fact]
    public async Task Page_ClassParent_IsNotAllowed()
    {
        using var browser = await AdminApplication.SignedInAsync(App, "naima@example.nl");
        var token = await AdminApplication.AntiforgeryTokenAsync(browser, "/admin/meldingen");

        var page = await browser.GetAsync(new Uri("/admin/bezorging", UriKind.Relative));
        var post = await browser.PostAsync(new Uri($"/admin/bezorging/{_deadAlert}/opnieuw", UriKind.Relative), Form(token));

        page.StatusCode.Should().NotBe(HttpStatusCode.OK);
        post.Headers.Location?.OriginalString.Should().NotStartWith("/admin/bezorging", "it is sent to sign-in or access denied, not served");
        await using var db = await Database().CreateDbContextAsync();
        (await db.Interventions.AsNoTracking().SingleAsync(i => i.Id == _deadAlert)).DeadLetteredAt.Should().NotBeNull();
    }

    private static FormUrlEncodedContent Form(string token) => new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

    private async Task<Guid> AddDeadLetterAsync(string reason, bool keepDelivery)
    {
        var id = Guid.NewGuid();
        await using var db = await Database().CreateDbContextAsync();
        var record = Record(id, keepDelivery ? "{}" : null);
        record.DeadLetteredAt = TimeProvider.System.GetUtcNow();
        record.FailureReason = reason;
        record.Attempts = 12;
        db.Interventions.Add(record);
        await db.SaveChangesAsync();
        return id;
    }

    private static InterventionRecord Record(Guid id, string? pending) => new()
    {
        Id = id,
        Kind = InterventionKind.Alert,
        ConversationKey = "Teams:19:klas5",
        Groep = "5",
        RecipientLabel = "Naima",
        Topic = "schoolreis",
        // Recent, or the retention run at start-up deletes it; due later, so the outbox leaves it alone.
        CreatedAt = TimeProvider.System.GetUtcNow().AddMinutes(-1),
        SendAfter = TimeProvider.System.GetUtcNow().AddDays(1),
        PendingDelivery = pending,
    };

    private IDbContextFactory<BotDbContext> Database() => App.Services.GetRequiredService<IDbContextFactory<BotDbContext>>();
}
