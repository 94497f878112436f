using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KlassenouderBot.IntegrationTests.Teams.Fakes;
using Microsoft.AspNetCore.Http;

namespace KlassenouderBot.IntegrationTests.Azure;

/// <summary>
/// Azure AI Language's <c>:analyze-text</c> on loopback. By default it answers like the service: per document a
/// sentiment (negative when the text says "waardeloos", "schandalig", "vervelend" or "kwijt"; about the teacher
/// when it also says "juf"), with opinion targets. A test sets <see cref="Behave"/> to answer with errors, throttling, a hang or broken JSON instead.
/// </summary>
internal sealed class FakeAzureLanguage : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private FakeAzureLanguage(LoopbackServer server) => _server = server;

    public Uri Endpoint => _server.BaseAddress;

    /// <summary>Every request body received, in order.</summary>
    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    public ConcurrentQueue<string> Keys { get; } = new();

    /// <summary>How to answer the n-th request (0-based); null answers normally.</summary>
    public Func<int, HttpContext, Task<bool>>? Behave { get; set; }

    /// <summary>Documents (by id) answered with an error inside a successful batch.</summary>
    public HashSet<string> FailingDocumentIds { get; } = [];

    public static async Task<FakeAzureLanguage> StartAsync()
    {
        FakeAzureLanguage? fake = null;
        var server = await LoopbackServer.StartAsync(context => fake!.HandleAsync(context));
        fake = new FakeAzureLanguage(server);
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!;
        var index = Requests.Count;
        Requests.Enqueue(body);
        Keys.Enqueue(context.Request.Headers["Ocp-Apim-Subscription-Key"].ToString());
        if (context.Request.Path != "/language/:analyze-text" || context.Request.Query["api-version"] != "2023-04-01")
        {
            await LoopbackServer.WriteJsonAsync(context.Response, 404, Error("NotFound", "no such route"));
            return;
        }

        if (Behave is { } behave && await behave(index, context))
        {
            return;
        }

        var documents = new JsonArray();
        var errors = new JsonArray();
        foreach (var document in body["analysisInput"]!["documents"]!.AsArray())
        {
            var id = document!["id"]!.GetValue<string>();
            if (FailingDocumentIds.Contains(id))
            {
                errors.Add(new JsonObject { ["id"] = id, ["error"] = Error("InvalidArgument", "Invalid document in request.")["error"]!.DeepClone() });
                continue;
            }

            documents.Add(Sentiment(id, document["text"]!.GetValue<string>()));
        }

        await LoopbackServer.WriteJsonAsync(context.Response, 200, new JsonObject
        {
            ["kind"] = "SentimentAnalysisResults",
            ["results"] = new JsonObject { ["documents"] = documents, ["errors"] = errors, ["modelVersion"] = "2022-11-01" },
        });
    }

    private static readonly string[] NegativeWords = ["waardeloos", "schandalig", "vervelend", "kwijt"];

    private static JsonObject Sentiment(string id, string text)
    {
        var negative = NegativeWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
        var targets = new JsonArray();
        if (negative && text.Contains("juf", StringComparison.OrdinalIgnoreCase))
        {
            targets.Add(new JsonObject { ["text"] = "juf", ["sentiment"] = "negative", ["confidenceScores"] = new JsonObject { ["positive"] = 0.0, ["negative"] = 1.0 }, ["offset"] = 0, ["length"] = 3 });
        }

        var scores = negative
            ? new JsonObject { ["positive"] = 0.01, ["neutral"] = 0.04, ["negative"] = 0.95 }
            : new JsonObject { ["positive"] = 0.9, ["neutral"] = 0.08, ["negative"] = 0.02 };
        return new JsonObject
        {
            ["id"] = id,
            ["sentiment"] = negative ? "negative" : "positive",
            ["confidenceScores"] = scores,
            ["sentences"] = new JsonArray(new JsonObject { ["text"] = text, ["sentiment"] = negative ? "negative" : "positive", ["confidenceScores"] = scores.DeepClone(), ["offset"] = 0, ["length"] = text.Length, ["targets"] = targets, ["assessments"] = new JsonArray() }),
            ["warnings"] = new JsonArray(),
        };
    }

    /// <summary>Answers every request with this status and Azure's error body.</summary>
    public static Func<int, HttpContext, Task<bool>> Failing(int status, string code, string message) => async (_, context) =>
    {
        await LoopbackServer.WriteJsonAsync(context.Response, status, Error(code, message));
        return true;
    };

    /// <summary>Never answers: the request hangs until the caller gives up.</summary>
    public static Func<int, HttpContext, Task<bool>> Hanging() => async (_, context) =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, context.RequestAborted);
        return true;
    };

    /// <summary>A 200 whose JSON breaks off halfway.</summary>
    public static Func<int, HttpContext, Task<bool>> Malformed() => async (_, context) =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"kind\":\"SentimentAnalysisResults\",\"results\":{\"documents\":[{\"id\":", context.RequestAborted);
        return true;
    };

    public static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
