using System.Text.Json;
using KlassenouderBot.Platforms;
using KlassenouderBot.Platforms.Discord;
using KlassenouderBot.Platforms.Discord.Wire;

namespace KlassenouderBot.Tests.Platforms.Discord;

public sealed class DiscordMessageTranslatorTests
{
    private const string BotId = "100000000000000001";
    private const string Guild = "222222222222222222";
    private const string Channel = "111111111111111111";
    private const string Author = "300000000000000001";
    private const string Other = "300000000000000002";

    private static readonly DateTimeOffset Now = new(2025, 3, 10, 19, 0, 0, TimeSpan.Zero);

    private readonly DiscordDirectory _directory = new();

    public DiscordMessageTranslatorTests() =>
        _directory.OnReady(new ReadyData { User = new DiscordUser { Id = BotId, Username = "klassenouderbot", Bot = true }, Application = new PartialApplication { Id = BotId } });

    [Fact]
    public void ToChatMessage_GuildMessage_TranslatesIdsNamesAndTime()
    {
        var chat = Translate(Message("""{"content":"Wie neemt er morgen taart mee?","member":{"nick":"Sanne"}}"""));

        chat.Should().NotBeNull();
        chat!.Id.Should().Be("400000000000000001");
        chat.Author.Should().Be(new ChatUser(Author, "Sanne"));
        chat.Text.Should().Be("Wie neemt er morgen taart mee?");
        chat.Timestamp.Should().Be(new DateTimeOffset(2025, 3, 10, 18, 30, 0, TimeSpan.Zero));
        chat.AddressesBot.Should().BeFalse();
        chat.IsPrivate.Should().BeFalse();
        chat.IsEdit.Should().BeFalse();
        chat.Conversation.Platform.Should().Be(Platform.Discord);
        chat.Conversation.ConversationId.Should().Be(Channel);
        chat.Conversation.GuildId.Should().Be(Guild);
        chat.Conversation.Key.Should().Be($"Discord:{Channel}");
        chat.Conversation.Bot.Should().Be(new ChatUser(BotId, "klassenouderbot", IsBot: true));
    }

    [Theory]
    [InlineData("""{"nick":"Sanne"}""", "sanne_b", "Sanne B.", "Sanne")]
    [InlineData("null", "sanne_b", "Sanne B.", "Sanne B.")]
    [InlineData("null", "sanne_b", null, "sanne_b")]
    public void ToChatMessage_AuthorName_IsNickThenGlobalNameThenUsername(string member, string username, string? globalName, string expected)
    {
        var global = globalName is null ? "null" : $"\"{globalName}\"";
        var chat = Translate(Message($$"""{"content":"hoi","author":{"id":"{{Author}}","username":"{{username}}","global_name":{{global}}},"member":{{member}}}"""));

        chat!.Author.DisplayName.Should().Be(expected);
    }

    [Fact]
    public void ToChatMessage_BotMention_IsRemovedAndAddressesTheBot()
    {
        var chat = Translate(Message($$"""{"content":"<@{{BotId}}> wanneer is de herfstvakantie?","mentions":[{"id":"{{BotId}}","username":"klassenouderbot","bot":true}]}"""));

        chat!.Text.Should().Be("wanneer is de herfstvakantie?");
        chat.AddressesBot.Should().BeTrue();
        chat.Mentions.Should().BeEmpty("the bot is not one of the people mentioned");
    }

    [Fact]
    public void ToChatMessage_OtherMention_BecomesTheNameMembersSee()
    {
        var chat = Translate(Message($$"""
            {"content":"<@!{{Other}}> en <@300000000000000003> komen jullie ook?",
             "mentions":[
               {"id":"{{Other}}","username":"naima_b","global_name":"Naima B.","member":{"nick":"Naima"} },
               {"id":"300000000000000003","username":"tom_v","global_name":"Tom"}]}
            """));

        chat!.Text.Should().Be("Naima en Tom komen jullie ook?");
        chat.AddressesBot.Should().BeFalse();
        chat.Mentions.Should().Equal(new ChatUser(Other, "Naima"), new ChatUser("300000000000000003", "Tom"));
    }

    [Fact]
    public void ToChatMessage_RoleMentionAndUnknownChannel_AreDropped() =>
        Translate(Message("""{"content":"<@&555555555555555555> zie <#666666666666666666> graag"}"""))!.Text.Should().Be("zie graag");

    [Fact]
    public void ToChatMessage_KnownChannelMention_BecomesItsName()
    {
        _directory.OnChannel(new DiscordChannel { Id = "666666666666666666", Type = 0, Name = "mededelingen", GuildId = Guild });

        Translate(Message("""{"content":"zie <#666666666666666666>"}"""))!.Text.Should().Be("zie #mededelingen");
    }

    [Fact]
    public void ToChatMessage_CustomEmoji_BecomesItsName()
    {
        Translate(Message("""{"content":"Super <:smile:123456789> en <a:dance:987654321>!"}"""))!.Text.Should().Be("Super :smile: en :dance:!");
    }

    [Theory]
    [InlineData("""{"content":"ik ben een bot","author":{"id":"300000000000000009","username":"mee6","bot":true}}""")]
    [InlineData("""{"content":"via webhook","webhook_id":"700000000000000001"}""")]
    [InlineData("""{"content":"systeem","author":{"id":"300000000000000009","username":"Discord","system":true}}""")]
    [InlineData("""{"content":"mijn eigen bericht","author":{"id":"100000000000000001","username":"klassenouderbot"}}""")]
    [InlineData("""{"content":"Sanne heeft een bericht vastgezet","type":6}""")]
    [InlineData("""{"content":"welkom Naima","type":7}""")]
    [InlineData("""{"content":null}""")]
    public void ToChatMessage_NotWrittenByAPerson_IsNull(string overrides) =>
        Translate(Message(overrides)).Should().BeNull();

    [Theory]
    [InlineData(0)]
    [InlineData(19)]
    public void ToChatMessage_DefaultAndReplyTypes_AreTranslated(int type) =>
        Translate(Message($$"""{"content":"hoi","type":{{type}}}""")).Should().NotBeNull();

    [Fact]
    public void ToChatMessage_UpdateWithoutEditedTimestamp_IsNull() =>
        Translate(Message("""{"content":"link preview geladen"}"""), isUpdate: true).Should().BeNull("Discord sends these when an embed loads");

    [Fact]
    public void ToChatMessage_UpdateWithEditedTimestamp_IsAnEditAtThatTime()
    {
        var chat = Translate(Message("""{"content":"sorry, verkeerd getypt","edited_timestamp":"2025-03-10T18:35:12.5+00:00"}"""), isUpdate: true);

        chat!.IsEdit.Should().BeTrue();
        chat.Timestamp.Should().Be(new DateTimeOffset(2025, 3, 10, 18, 35, 12, 500, TimeSpan.Zero));
        chat.Id.Should().Be("400000000000000001");
    }

    [Fact]
    public void ToChatMessage_DirectMessage_IsPrivateAndAddressesTheBot()
    {
        var chat = Translate(Message("""{"content":"mag ik iets vragen?","guild_id":null,"member":null}"""));

        chat!.IsPrivate.Should().BeTrue();
        chat.AddressesBot.Should().BeTrue();
        chat.Conversation.GuildId.Should().BeNull();
        chat.Conversation.ConversationId.Should().Be(Channel);
    }

    [Fact]
    public void ToChatMessage_ReplyToTheBot_AddressesTheBot()
    {
        var chat = Translate(Message($$"""
            {"content":"dank je, dat wist ik niet","type":19,
             "message_reference":{"message_id":"400000000000000000","channel_id":"{{Channel}}"},
             "referenced_message":{"id":"400000000000000000","channel_id":"{{Channel}}","content":"De herfstvakantie is ...","author":{"id":"{{BotId}}","username":"klassenouderbot","bot":true} } }
            """));

        chat!.AddressesBot.Should().BeTrue();
        chat.ReplyToId.Should().Be("400000000000000000");
    }

    [Fact]
    public void ToChatMessage_ReplyToAnotherParent_DoesNotAddressTheBot()
    {
        var chat = Translate(Message($$"""
            {"content":"eens","type":19,
             "message_reference":{"message_id":"400000000000000000"},
             "referenced_message":{"id":"400000000000000000","content":"...","author":{"id":"{{Other}}","username":"naima_b"} } }
            """));

        chat!.AddressesBot.Should().BeFalse();
        chat.ReplyToId.Should().Be("400000000000000000");
    }

    [Fact]
    public void ToChatMessage_InAThread_CountsTowardsTheParentChannel()
    {
        const string thread = "888888888888888888";
        _directory.OnGuildCreate(new GuildData
        {
            Id = Guild,
            Channels = [new DiscordChannel { Id = Channel, Type = 0, Name = "groep-5" }],
            Threads = [new DiscordChannel { Id = thread, Type = 11, Name = "schoolreis", ParentId = Channel }],
        });

        var chat = Translate(Message($$"""{"content":"wie rijdt er mee?","channel_id":"{{thread}}"}"""));

        chat!.Conversation.ConversationId.Should().Be(Channel);
        chat.Conversation.Key.Should().Be($"Discord:{Channel}");
        chat.Conversation.Title.Should().Be("#groep-5");
    }

    [Fact]
    public void ToChatMessage_ThreadBeforeItsGuildIsKnown_StaysItsOwnConversation() =>
        Translate(Message("""{"content":"hoi","channel_id":"888888888888888888"}"""))!.Conversation.ConversationId.Should().Be("888888888888888888");

    [Fact]
    public void ToChatMessage_ExtraSpacesLeftByRemovedMentions_AreCollapsed() =>
        Translate(Message($$"""{"content":"hoi   <@{{BotId}}>   hoe laat  is het uit?","mentions":[{"id":"{{BotId}}"}]}"""))!.Text.Should().Be("hoi hoe laat is het uit?");

    private ChatMessage? Translate(DiscordMessage message, bool isUpdate = false) =>
        DiscordMessageTranslator.ToChatMessage(message, _directory, isUpdate, Now);

    /// <summary>A MESSAGE_CREATE from a parent in the class channel, with the given fields replaced.</summary>
    private static DiscordMessage Message(string overrides)
    {
        var message = new Dictionary<string, JsonElement>
        {
            ["id"] = Json("\"400000000000000001\""),
            ["channel_id"] = Json($"\"{Channel}\""),
            ["guild_id"] = Json($"\"{Guild}\""),
            ["author"] = Json($$"""{"id":"{{Author}}","username":"sanne_b","global_name":"Sanne B."}"""),
            ["member"] = Json("""{"nick":null}"""),
            ["type"] = Json("0"),
            ["timestamp"] = Json("\"2025-03-10T18:30:00+00:00\""),
            ["edited_timestamp"] = Json("null"),
            ["mentions"] = Json("[]"),
        };
        foreach (var property in Json(overrides).EnumerateObject())
        {
            message[property.Name] = property.Value.Clone();
        }

        var json = "{" + string.Join(",", message.Select(pair => $"\"{pair.Key}\":{pair.Value.GetRawText()}")) + "}";
        return JsonSerializer.Deserialize(json, DiscordJsonContext.Default.DiscordMessage)!;
    }

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
