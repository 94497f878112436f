using System.Text.Json.Serialization;

namespace KlassenouderBot.Moderation.Azure;

// The JSON of POST {endpoint}/language/:analyze-text?api-version=2023-04-01 with kind SentimentAnalysis
// (../shared/research/moderation.md §1.1–1.2). Only the fields the bot reads or must send.

internal sealed record AnalyzeTextRequest(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("parameters")] SentimentParameters Parameters,
    [property: JsonPropertyName("analysisInput")] AnalysisInput AnalysisInput);

internal sealed record SentimentParameters(
    [property: JsonPropertyName("modelVersion")] string ModelVersion,
    [property: JsonPropertyName("opinionMining")] bool OpinionMining,
    [property: JsonPropertyName("loggingOptOut")] bool LoggingOptOut,
    [property: JsonPropertyName("stringIndexType")] string StringIndexType);

internal sealed record AnalysisInput([property: JsonPropertyName("documents")] IReadOnlyList<InputDocument> Documents);

internal sealed record InputDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("text")] string Text);

internal sealed record AnalyzeTextResponse(
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("results")] SentimentResults? Results);

internal sealed record SentimentResults(
    [property: JsonPropertyName("documents")] IReadOnlyList<DocumentSentiment>? Documents,
    [property: JsonPropertyName("errors")] IReadOnlyList<DocumentError>? Errors);

internal sealed record DocumentSentiment(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("sentiment")] string Sentiment,
    [property: JsonPropertyName("confidenceScores")] ConfidenceScores ConfidenceScores,
    [property: JsonPropertyName("sentences")] IReadOnlyList<SentenceSentiment>? Sentences);

internal sealed record ConfidenceScores(
    [property: JsonPropertyName("positive")] double Positive,
    [property: JsonPropertyName("neutral")] double Neutral,
    [property: JsonPropertyName("negative")] double Negative);

internal sealed record SentenceSentiment([property: JsonPropertyName("targets")] IReadOnlyList<SentenceTarget>? Targets);

internal sealed record SentenceTarget(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("sentiment")] string Sentiment,
    [property: JsonPropertyName("confidenceScores")] ConfidenceScores ConfidenceScores);

internal sealed record DocumentError(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("error")] ErrorDetail? Error);

internal sealed record ErrorResponse([property: JsonPropertyName("error")] ErrorDetail? Error);

internal sealed record ErrorDetail(
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("message")] string? Message);
