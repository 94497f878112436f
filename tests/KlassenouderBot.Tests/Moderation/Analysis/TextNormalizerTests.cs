using KlassenouderBot.Moderation;
using KlassenouderBot.Moderation.Analysis;

namespace KlassenouderBot.Tests.Moderation.Analysis;

public sealed class TextNormalizerTests
{
    private static NormalizedText CreateSut(string text) => TextNormalizer.Normalize(text);

    private static List<string> Words(string text) => CreateSut(text).Tokens.Select(t => t.Text).ToList();

    [Fact]
    public void Normalize_MixedCasing_LowerCasesAndMarksCapitals()
    {
        var sut = CreateSut("Hallo ALLEMAAL daar");

        sut.Joined.Should().Be("hallo allemaal daar");
        sut.Tokens[0].Has(TokenFlags.Capitalized).Should().BeTrue();
        sut.Tokens[1].Has(TokenFlags.AllCaps).Should().BeTrue();
        sut.Tokens[2].Has(TokenFlags.Capitalized).Should().BeFalse();
    }

    [Theory]
    [InlineData("kuuuuut", "kut")]
    [InlineData("KUUUUUT", "kut")]
    [InlineData("stommmmm", "stom")]
    public void Normalize_StretchedLetters_CollapseToOneLetter(string raw, string expected)
    {
        var token = CreateSut(raw).Tokens.Should().ContainSingle().Subject;

        token.Text.Should().Be(expected);
        token.Has(TokenFlags.Stretched).Should().BeTrue();
    }

    [Fact]
    public void Normalize_StretchedDoubleLetter_KeepsTheTwoLetterReadingAsAlternative()
    {
        var token = CreateSut("heeeeel").Tokens.Should().ContainSingle().Subject;

        token.Alternative.Should().Be("heel");
    }

    [Fact]
    public void Normalize_OrdinaryDoubleLetters_AreNotStretched()
    {
        var token = CreateSut("boos").Tokens.Should().ContainSingle().Subject;

        token.Text.Should().Be("boos");
        token.Has(TokenFlags.Stretched).Should().BeFalse();
    }

    [Theory]
    [InlineData("k4nker", "kanker")]
    [InlineData("t3ring", "tering")]
    [InlineData("Kl00tzak", "klootzak")]
    [InlineData("1d10t", "idiot")]
    public void Normalize_Leetspeak_IsUndone(string raw, string expected)
    {
        var token = CreateSut(raw).Tokens.Should().ContainSingle().Subject;

        token.Text.Should().Be(expected);
        token.Has(TokenFlags.Leet).Should().BeTrue();
        token.IsDisguised.Should().BeTrue();
    }

    [Theory]
    [InlineData("K A N K E R")]
    [InlineData("k a n k e r")]
    public void Normalize_SpacedLetters_AreJoinedIntoOneWord(string raw)
    {
        var token = CreateSut(raw).Tokens.Should().ContainSingle().Subject;

        token.Text.Should().Be("kanker");
        token.Has(TokenFlags.Spaced).Should().BeTrue();
    }

    [Fact]
    public void Normalize_DashedLetters_ReadAsOneWord()
    {
        Words("die k-a-n-k-e-r juf").Should().Equal("die", "kanker", "juf");
    }

    [Fact]
    public void Normalize_SpacedLettersInsideASentence_JoinOnlyTheLetters()
    {
        Words("wat een K U T school").Should().Equal("wat", "een", "kut", "school");
    }

    [Theory]
    [InlineData("k.u.t.")]
    [InlineData("k.u.t")]
    [InlineData("K.U.T.")]
    public void Normalize_DottedLetters_AreJoinedIntoOneWord(string raw)
    {
        var sut = CreateSut("wat een " + raw + " juf");

        sut.Joined.Should().Be("wat een kut juf");
        sut.Tokens[2].Has(TokenFlags.Spaced).Should().BeTrue();
    }

    [Fact]
    public void Normalize_SentenceEndingDot_IsNotSpellingOut()
    {
        var sut = CreateSut("Tot morgen. Groetjes");

        sut.Joined.Should().Be("tot morgen groetjes");
        sut.Tokens[1].Clause.Should().BeLessThan(sut.Tokens[2].Clause);
    }

    [Theory]
    [InlineData("k*t", "k*t")]
    [InlineData("f*ck", "f*ck")]
    public void Normalize_MaskedLetters_AreMarkedAsMasked(string raw, string expected)
    {
        var token = CreateSut(raw).Tokens.Should().ContainSingle().Subject;

        token.Text.Should().Be(expected);
        token.Has(TokenFlags.Masked).Should().BeTrue();
    }

    [Theory]
    [InlineData("die k*t juf weer", SignalKind.Profanity)]
    [InlineData("die juf is een f*ck wijf", SignalKind.Profanity)]
    public void Normalize_MaskedCurse_IsStillRecognisedByTheAnalyser(string text, SignalKind expected)
    {
        var assessment = new LocalToneAnalyzer().Assess(text);

        assessment.Label.Should().Be(ToneLabel.Hurtful);
        assessment.Has(expected).Should().BeTrue();
    }

    [Theory]
    [InlineData("k\u200But")]
    [InlineData("k\u200Cu\u200Dt")]
    [InlineData("k\u2060ut")]
    [InlineData("\uFEFFkut")]
    [InlineData("k\u00ADut")]
    public void Normalize_ZeroWidthCharactersInsideAWord_AreRemoved(string raw)
    {
        Words(raw).Should().Equal("kut");
    }

    [Theory]
    [InlineData("\u202Ekut\u202C")]
    [InlineData("k\u200Fut")]
    [InlineData("\u2067kut\u2069")]
    [InlineData("k\u200Eut")]
    [InlineData("\u061Ckut")]
    public void Normalize_BidiControlCharacters_AreRemoved(string raw)
    {
        Words(raw).Should().Equal("kut");
    }

    [Theory]
    [InlineData("één", "een")]
    [InlineData("wéér", "weer")]
    [InlineData("Café", "cafe")]
    [InlineData("ruïne", "ruine")]
    [InlineData("façade", "facade")]
    public void Normalize_Accents_AreFolded(string raw, string expected)
    {
        Words(raw).Should().Equal(expected);
    }

    [Theory]
    [InlineData("groep 8e", "8e")]
    [InlineData("dat is al 3x gebeurd", "3x")]
    [InlineData("het kost 22 euro", "22")]
    [InlineData("de 2de keer", "2de")]
    [InlineData("een 10km loop", "10km")]
    public void Normalize_NumbersWithUnits_AreNotTurnedIntoLetters(string text, string expected)
    {
        var sut = CreateSut(text);

        sut.Tokens.Select(t => t.Text).Should().Contain(expected);
        sut.Tokens.Should().NotContain(t => t.Has(TokenFlags.Leet));
    }

    [Fact]
    public void Normalize_EuroAmount_IsNotReadAsLetters()
    {
        var sut = CreateSut("het schoolreisje kost €65??");

        sut.Joined.Should().NotContainAny("e65", "es", "ees");
        sut.Tokens.Should().NotContain(t => t.Has(TokenFlags.Leet));
    }

    [Fact]
    public void Normalize_SingleQuotedWord_IsMarkedAsQuoted()
    {
        var sut = CreateSut("iemand schreef 'kutschool', dat kan niet");

        sut.QuotedPhrases.Should().Equal("kutschool");
        sut.Tokens.Single(t => t.Text == "kutschool").Has(TokenFlags.Quoted).Should().BeTrue();
        sut.Tokens.Single(t => t.Text == "iemand").Has(TokenFlags.Quoted).Should().BeFalse();
    }

    [Fact]
    public void Normalize_DoubleQuotedPhrase_IsMarkedAsQuoted()
    {
        var sut = CreateSut("wie noemt een juf nou \"domme trut\"?");

        sut.QuotedPhrases.Should().Equal("domme trut");
        sut.Tokens.Where(t => t.Has(TokenFlags.Quoted)).Select(t => t.Text).Should().Equal("domme", "trut");
    }

    [Fact]
    public void Normalize_CurlyQuotes_AreMarkedAsQuoted()
    {
        var sut = CreateSut("dat woord “idioot” hoort hier niet");

        sut.QuotedPhrases.Should().Equal("idioot");
    }

    [Theory]
    [InlineData("'s avonds is de ouderavond")]
    [InlineData("'t is weer zover")]
    [InlineData("zullen we 's middags afspreken")]
    public void Normalize_ClippedArticle_IsNotAQuote(string text)
    {
        var sut = CreateSut(text);

        sut.QuotedPhrases.Should().BeEmpty();
        sut.Tokens.Should().NotContain(t => t.Has(TokenFlags.Quoted));
    }

    [Fact]
    public void Normalize_UnclosedQuote_IsNotAQuote()
    {
        var sut = CreateSut("ik zei 'laat maar zitten");

        sut.QuotedPhrases.Should().BeEmpty();
        sut.Tokens.Should().NotContain(t => t.Has(TokenFlags.Quoted));
    }

    [Fact]
    public void Normalize_ApostropheInsideWord_JoinsTheWord()
    {
        Words("met z'n allen").Should().Equal("met", "z'n", "allen");
    }

    [Fact]
    public void Normalize_Maar_StartsANewClause()
    {
        var sut = CreateSut("ik zeg niet dat ze dom is maar wel traag");

        var dom = sut.Tokens.Single(t => t.Text == "dom");
        var traag = sut.Tokens.Single(t => t.Text == "traag");
        traag.Clause.Should().BeGreaterThan(dom.Clause);
    }

    [Fact]
    public void Normalize_Emoji_AreCuesAndNotWords()
    {
        var sut = CreateSut("top geregeld 🙄👏");

        sut.Joined.Should().Be("top geregeld");
        sut.Emoji.Should().HaveFlag(EmojiCues.EyeRoll).And.HaveFlag(EmojiCues.Clap);
    }

    [Fact]
    public void Normalize_Shouting_CountsUpperCaseShare()
    {
        var sut = CreateSut("DIT IS ECHT BELACHELIJK");

        sut.UpperRatio.Should().Be(1.0);
        sut.AllCapsWords.Should().Be(3);
    }
}
