using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using KlassenouderBot.Moderation;
using KlassenouderBot.Pipeline;
using KlassenouderBot.Platforms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KlassenouderBot.Playground;

public static class PlaygroundEndpoints
{
    /// <summary>Longest message accepted; the pipeline's own limit, so nothing is cut silently here.</summary>
    public const int MaxTextLength = InputGuardMiddleware.MaxTextLength;

    public const int MaxAuthorLength = 80;

    /// <summary>
    /// <c>/</c> and <c>/playground/api/*</c>. When the playground is disabled nothing is mapped, so every
    /// one of these paths is a plain 404.
    /// </summary>
    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<PlaygroundOptions>>().Value;
        if (!options.Enabled)
        {
            return endpoints;
        }

        endpoints.MapGet("/", static () => PlaygroundAssets.Serve("index.html")).ExcludeFromDescription();
        endpoints.MapGet("/playground/{file}", static (string file) =>
            PlaygroundAssets.ContentTypes.ContainsKey(file) && file != "index.html" ? PlaygroundAssets.Serve(file) : TypedResults.NotFound())
            .ExcludeFromDescription();

        var api = endpoints.MapGroup("/playground/api");
        api.MapGet("/state", GetStateAsync);
        api.MapPost("/messages", PostMessageAsync);
        api.MapPost("/rooms/{room}/link", LinkRoomAsync);
        api.MapPost("/rooms/{room}/reset", ResetRoomAsync);

        endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>()
            .CreateLogger(typeof(PlaygroundEndpoints).FullName!)
            .PlaygroundEnabled(options.DefaultRoom);
        return endpoints;
    }

    private static async Task<IResult> GetStateAsync(
        string? room,
        PlaygroundRooms rooms,
        ConversationEngine engine,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var found = rooms.Find(room ?? rooms.DefaultRoom);
        return found is null
            ? UnknownRoom(room, rooms)
            : State(await PlaygroundStateFactory.CreateAsync(rooms, found, engine, timeProvider, cancellationToken));
    }

    private static async Task<IResult> PostMessageAsync(
        HttpRequest request,
        PlaygroundRooms rooms,
        IInboundMessageSink sink,
        ConversationEngine engine,
        TimeProvider timeProvider,
        ILogger<PlaygroundRooms> logger,
        CancellationToken cancellationToken)
    {
        var (body, error) = await ReadBodyAsync(request, PlaygroundJsonContext.Default.PostMessageRequest, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        if (string.IsNullOrWhiteSpace(body.Author))
        {
            return Problem("Missing author", "Say who is typing: \"author\" is required, for example \"Sanne\".");
        }

        if (body.Author.Trim().Length > MaxAuthorLength)
        {
            return Problem("Author too long", $"\"author\" is a name of at most {MaxAuthorLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(body.Text))
        {
            return Problem("Missing text", "\"text\" is required and must contain more than whitespace.");
        }

        if (body.Text.Length > MaxTextLength)
        {
            return Problem("Text too long", $"\"text\" has {body.Text.Length:N0} characters; at most {MaxTextLength:N0} are accepted.");
        }

        var room = rooms.Find(body.Room ?? rooms.DefaultRoom);
        if (room is null)
        {
            return UnknownRoom(body.Room, rooms);
        }

        var timestamp = timeProvider.GetUtcNow();
        if (!string.IsNullOrWhiteSpace(body.Time))
        {
            if (!DateTimeOffset.TryParse(body.Time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp))
            {
                return Problem("Invalid time", "\"time\" must be an ISO-8601 date and time, for example \"2026-03-02T23:30:00+01:00\".");
            }
        }

        var author = body.Author.Trim();
        var entry = room.AddChat(author, body.Text, timestamp);
        var (addressesBot, text) = WithoutBotMention(body.Text);
        var message = new ChatMessage
        {
            Id = entry.MessageId,
            Conversation = room.Conversation,
            Author = new ChatUser(author, author),
            Text = text,
            Timestamp = timestamp,
            AddressesBot = addressesBot,
        };
        logger.MessageReceived(message.Id, room.Id, message.Text.Length);

        try
        {
            await sink.HandleAsync(message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The message stays in the room, as on a real platform; the page gets a message, not a stack trace.
            logger.PipelineFailed(exception, message.Id, room.Id);
            return Problem("The bot failed on this message", "The message is in the chat, but the bot could not process it; the server log has the details.", StatusCodes.Status500InternalServerError);
        }

        return State(await PlaygroundStateFactory.CreateAsync(rooms, room, engine, timeProvider, cancellationToken));
    }

    private static async Task<IResult> LinkRoomAsync(
        string room,
        HttpRequest request,
        PlaygroundRooms rooms,
        ConversationEngine engine,
        TimeProvider timeProvider,
        ILogger<PlaygroundRooms> logger,
        CancellationToken cancellationToken)
    {
        if (!PlaygroundRooms.IsValidRoomId(room))
        {
            return Problem("Invalid room", $"A room id is 1–40 lower-case letters, digits or dashes (such as \"groep-7\"); \"{Shorten(room)}\" is not.");
        }

        var (body, error) = await ReadBodyAsync(request, PlaygroundJsonContext.Default.LinkRoomRequest, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        if (string.IsNullOrWhiteSpace(body.Groep))
        {
            return Problem("Missing groep", "\"groep\" is required, for example \"5\".");
        }

        var groep = body.Groep.Trim();
        if (rooms.School is { } school)
        {
            if (school.FindClass(groep) is not { } group)
            {
                return Problem("Unknown groep", $"\"{Shorten(groep)}\" is not a groep of {school.Name}; known: {string.Join(", ", school.Classes.Select(c => c.Groep))}.");
            }

            groep = group.Groep;
        }

        var target = rooms.GetOrAdd(room);
        await rooms.LinkAsync(target, groep, cancellationToken);
        logger.RoomLinked(target.Id, groep);
        return State(await PlaygroundStateFactory.CreateAsync(rooms, target, engine, timeProvider, cancellationToken));
    }

    private static async Task<IResult> ResetRoomAsync(
        string room,
        PlaygroundRooms rooms,
        ConversationEngine engine,
        TimeProvider timeProvider,
        ILogger<PlaygroundRooms> logger,
        CancellationToken cancellationToken)
    {
        if (rooms.Find(room) is not { } target)
        {
            return UnknownRoom(room, rooms);
        }

        // The engine forgets the room too, so a cleared room starts calm rather than still heated.
        target.Clear();
        await engine.ForgetAsync(target.Conversation, cancellationToken);
        logger.RoomReset(target.Id);
        return State(await PlaygroundStateFactory.CreateAsync(rooms, target, engine, timeProvider, cancellationToken));
    }

    private static async Task<(T? Body, IResult? Error)> ReadBodyAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync(request.Body, typeInfo, cancellationToken);
            return body is null
                ? (null, Problem("Missing body", "Send a JSON object as the request body."))
                : (body, null);
        }
        catch (JsonException exception)
        {
            // JsonException's message names the position (line, byte, path), which is what the caller needs.
            return (null, Problem("Malformed JSON", $"The request body is not valid JSON for this endpoint: {exception.Message}"));
        }
    }

    private static JsonHttpResult<PlaygroundProblem> UnknownRoom(string? room, PlaygroundRooms rooms) =>
        Problem("Unknown room", $"There is no room \"{Shorten(room)}\"; known: {string.Join(", ", rooms.RoomIds)}. Create one with POST /playground/api/rooms/{{room}}/link.");

    private static JsonHttpResult<PlaygroundState> State(PlaygroundState state) =>
        TypedResults.Json(state, PlaygroundJsonContext.Default.PlaygroundState);

    private static JsonHttpResult<PlaygroundProblem> Problem(string title, string detail, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Json(new PlaygroundProblem(title, status, detail), PlaygroundJsonContext.Default.PlaygroundProblem, "application/problem+json", status);

    // User input is echoed back in problems; keep it short so a 100 kB "room" is not mirrored back.
    private static string Shorten(string? value) =>
        value is null ? "" : value.Length <= 60 ? value : string.Concat(value.AsSpan(0, 60), "…");

    /// <summary>"@KlassenouderBot …" or "@bot …" puts the message to the bot, as a mention does in Teams and Discord.</summary>
    internal static (bool AddressesBot, string Text) WithoutBotMention(string text)
    {
        foreach (var mention in BotMentions)
        {
            if (text.StartsWith(mention, StringComparison.OrdinalIgnoreCase)
                && (text.Length == mention.Length || !char.IsLetterOrDigit(text[mention.Length])))
            {
                return (true, text[mention.Length..].TrimStart(' ', ',', ':'));
            }
        }

        return (false, text);
    }

    private static readonly string[] BotMentions = ["@KlassenouderBot", "@bot"];
}
