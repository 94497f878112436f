using KlassenouderBot.Moderation;
using KlassenouderBot.School;

namespace KlassenouderBot.Tests.School;

public sealed class SchoolSettingsTests
{
    [Theory]
    [InlineData("22:00", "06:00", "23:15", true)]
    [InlineData("22:00", "06:00", "05:59", true)]
    [InlineData("22:00", "06:00", "06:00", false)]
    [InlineData("22:00", "06:00", "12:00", false)]
    [InlineData("13:00", "14:00", "13:30", true)]
    [InlineData("13:00", "14:00", "14:30", false)]
    public void IsQuiet_AcrossMidnightAndWithinADay(string from, string to, string at, bool quiet)
    {
        var settings = new SchoolSettings { QuietFrom = TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), QuietTo = TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture) };

        settings.IsQuiet(TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(quiet);
    }

    [Theory]
    [InlineData("sensitivity: 3", "settings.sensitivity '3'")]
    [InlineData("retention_days: 2", "settings.retention_days '2'")]
    [InlineData("quiet_hours: {from: \"laat\"}", "settings.quiet_hours.from 'laat'")]
    public void Parse_BadSetting_NamesItWithItsLine(string setting, string message)
    {
        var act = () => SchoolConfigurationLoader.Parse($"school:\n  name: X\nsettings:\n  {setting}\n", "/tmp/school.yaml");

        act.Should().Throw<SchoolConfigurationException>().WithMessage($"*:4:*{message}*");
    }

    [Fact]
    public void Sensitivity_FromTheContext_FlagsSooner()
    {
        var analyzer = new LocalToneAnalyzer();
        const string text = "Ik vind het echt niet oké hoe de school dit regelt";

        var normal = analyzer.Assess(text);
        var sensitive = analyzer.Assess(text, new AnalysisContext { Sensitivity = 2.0 });

        sensitive.Score.Should().BeGreaterThan(normal.Score);
    }
}
