using KlassenouderBot.School;

namespace KlassenouderBot.Tests.School;

// The FAQ settings and synonym groups a school adds to its file.
public sealed partial class SchoolConfigurationLoaderTests
{
    [Fact]
    public void Load_FaqSettingsAndSynonyms_AreRead()
    {
        var school = SchoolConfigurationLoader.Load(_files.Write(MinimalSchool + "\n" + """
            faq_settings:
              threshold: 0.6
              auto_answer_in_groups: false
              auto_answer_threshold: 0.9
            synonyms:
              - [luizenmoeder, pluisouder, "luizen ouder"]
            """));

        school.FaqOptions.Threshold.Should().Be(0.6);
        school.FaqOptions.AutoAnswerInGroups.Should().BeFalse();
        school.FaqOptions.AutoAnswerThreshold.Should().Be(0.9);
        school.Synonyms.Should().ContainSingle().Which.Should().Equal("luizenmoeder", "pluisouder", "luizen ouder");
    }

    [Fact]
    public void Load_NoFaqSettings_AnswersInGroupsOnlyWhenVerySure()
    {
        var school = SchoolConfigurationLoader.Load(_files.Write(MinimalSchool));

        school.FaqOptions.AutoAnswerInGroups.Should().BeTrue("on by default");
        school.FaqOptions.AutoAnswerThreshold.Should().BeGreaterThan(school.FaqOptions.Threshold);
    }

    [Fact]
    public void Load_ThresholdOutOfRange_SaysTheRange() =>
        ShouldPointAt(LoadFails(MinimalSchool + "\nfaq_settings:\n  threshold: 1.5\n"), 10, "faq_settings.threshold must be a number from 0 to 1");

    [Fact]
    public void Load_AutoAnswerThresholdBelowThreshold_Refused() =>
        ShouldPointAt(LoadFails(MinimalSchool + "\nfaq_settings:\n  threshold: 0.7\n  auto_answer_threshold: 0.4\n"), 11, "must not be below faq_settings.threshold");

    [Fact]
    public void Load_SynonymGroupOfOneWord_SaysWhatAGroupIs() =>
        ShouldPointAt(LoadFails(MinimalSchool + "\nsynonyms:\n  - [alleen]\n"), 10, "synonyms[0] needs at least two words");
}
