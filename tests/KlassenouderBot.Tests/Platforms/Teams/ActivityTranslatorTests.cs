using KlassenouderBot.Platforms;
using KlassenouderBot.Platforms.Teams;

namespace KlassenouderBot.Tests.Platforms.Teams;

public sealed class ActivityTranslatorTests
{
    private const string BotId = "28:bot-app-id";
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 19, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToChatMessage_BotMention_IsStrippedAndAddressesBot()
    {
        var activity = GroupMessage("<at>KlassenouderBot</at> wanneer is de herfstvakantie?");
        activity.Entities = [Mention(BotId, "KlassenouderBot")];

        var message = ActivityTranslator.ToChatMessage(activity, Now, isEdit: false)!;

        message.Text.Should().Be("wanneer is de herfstvakantie?");
        message.AddressesBot.Should().BeTrue();
        message.Mentions.Should().BeEmpty();
    }

    [Fact]
    public void ToChatMessage_OtherMention_KeepsTheNameAsText()
    {
        var activity = GroupMessage("<at>Sanne de Boer</at> dank je!");
        activity.Entities = [Mention("29:sanne", "Sanne de Boer")];

        var message = ActivityTranslator.ToChatMessage(activity, Now, isEdit: false)!;

        message.Text.Should().Be("Sanne de Boer dank je!");
        message.AddressesBot.Should().BeFalse();
        message.Mentions.Should().ContainSingle().Which.Id.Should().Be("29:sanne");
    }

    [Fact]
    public void ToChatMessage_HtmlBody_BecomesPlainText()
    {
        var message = ActivityTranslator.ToChatMessage(GroupMessage("<p>Fijn &amp; gezellig</p><p>tot&nbsp;morgen</p>"), Now, isEdit: false)!;

        message.Text.Should().Be("Fijn & gezellig\ntot morgen");
    }

    [Fact]
    public void ToChatMessage_ChannelThread_FoldsIntoTheChannelAndRepliesToTheRoot()
    {
        var activity = GroupMessage("hallo");
        activity.Conversation = new ConversationAccount { Id = "19:abc@thread.tacv2;messageid=1700", ConversationType = "channel" };

        var message = ActivityTranslator.ToChatMessage(activity, Now, isEdit: false)!;

        message.Conversation.ConversationId.Should().Be("19:abc@thread.tacv2");
        message.ReplyToId.Should().Be("1700");
    }

    [Fact]
    public void ToChatMessage_TenantAndServiceUrl_AreKeptForAnswering()
    {
        var message = ActivityTranslator.ToChatMessage(GroupMessage("hallo"), Now, isEdit: true)!;

        message.Conversation.Should().BeEquivalentTo(new
        {
            Platform = Platform.Teams,
            ConversationId = "19:klas@thread.v2",
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            TenantId = "tenant-1",
        });
        message.Conversation.Bot!.Id.Should().Be(BotId);
        message.IsEdit.Should().BeTrue();
        message.Timestamp.Should().Be(Now.AddMinutes(-1));
    }

    [Fact]
    public void ToChatMessage_PersonalChat_IsPrivateAndAddressesBot()
    {
        var activity = GroupMessage("hoe meld ik mijn kind ziek");
        activity.Conversation = new ConversationAccount { Id = "a:personal", ConversationType = "personal" };

        var message = ActivityTranslator.ToChatMessage(activity, Now, isEdit: false)!;

        message.IsPrivate.Should().BeTrue();
        message.AddressesBot.Should().BeTrue();
    }

    [Theory]
    [InlineData("28:other-bot", null, true)]
    [InlineData("29:parent", "bot", true)]
    [InlineData("29:parent", "user", false)]
    public void IsBotAccount_RecognisesBotsByIdOrRole(string id, string? role, bool expected) =>
        ActivityTranslator.IsBotAccount(new ChannelAccount { Id = id, Role = role }).Should().Be(expected);

    private static Activity GroupMessage(string text) => new()
    {
        Type = "message",
        Id = "1700000000001",
        Timestamp = Now.AddMinutes(-1),
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        ChannelId = "msteams",
        From = new ChannelAccount { Id = "29:parent", Name = "Ouder Een", AadObjectId = "aad-1" },
        Conversation = new ConversationAccount { Id = "19:klas@thread.v2", ConversationType = "groupChat", IsGroup = true, TenantId = "tenant-1" },
        Recipient = new ChannelAccount { Id = BotId, Name = "KlassenouderBot" },
        Text = text,
    };

    private static Entity Mention(string id, string name) =>
        new() { Type = "mention", Mentioned = new ChannelAccount { Id = id, Name = name }, Text = $"<at>{name}</at>" };
}
