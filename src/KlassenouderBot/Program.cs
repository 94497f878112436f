using KlassenouderBot.Admin;
using KlassenouderBot.Alerts;
using KlassenouderBot.Cli;
using KlassenouderBot.Commands;
using KlassenouderBot.Data;
using KlassenouderBot.Faq;
using KlassenouderBot.Hosting;
using KlassenouderBot.Moderation;
using KlassenouderBot.Moderation.Azure;
using KlassenouderBot.Pipeline;
using KlassenouderBot.Platforms.Discord;
using KlassenouderBot.Platforms.Teams;
using KlassenouderBot.Playground;
using KlassenouderBot.School;

// With a verb (analyze, replay, eval-tone, …) the executable runs it and exits; without one it serves.
if (CommandLineApp.IsVerb(args))
{
    return await CommandLineApp.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
AppSettingsLocation.UseBinaryFolderWhenMissing(builder.Configuration, builder.Environment.ContentRootPath);

// Features, each registered by its own Setup class.
builder.Services
    .AddSchool(builder.Configuration)
    .AddData(builder.Configuration)
    .AddModeration(builder.Configuration)
    .AddMessagePipeline()
    .AddAlerts()
    .AddFaq()
    .AddBotCommands()
    .AddTeams()
    .AddDiscord()
    .AddPlayground(builder.Configuration, builder.Environment)
    .AddAdmin()
    .AddHealth();

var app = builder.Build();

// A bad setting or school file stops start-up with one line on stderr, never a stack trace (CONTRACT: exit code 2).
if (!DataSetup.TryValidate(app.Services, Console.Error) || !SchoolSetup.TryLoadSchool(app.Services, Console.Error)
    || !FaqSetup.TryBuild(app.Services, Console.Error) || !TeamsSetup.TryValidate(app.Services, Console.Error)
    || !DiscordSetup.TryValidate(app.Services, Console.Error) || !AzureLanguageSetup.TryValidate(app.Services, Console.Error))
{
    await app.DisposeAsync();
    return 2;
}

// Endpoints.
app.MapHealth();
app.MapTeamsMessages();
app.MapPlayground();
app.MapAdmin();

await app.RunAsync();
return 0;
