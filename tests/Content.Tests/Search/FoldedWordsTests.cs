using CchcSite.Content.Search;

namespace CchcSite.Content.Tests.Search;

/// <summary>
/// The snippet's own cut of a text (<see cref="FoldedWords"/>) must give exactly the tokens the folded analyzer gives, or
/// give up: the shipped seed's texts, the cases of the word-break rules, and random texts over the characters it handles.
/// </summary>
public class FoldedWordsTests
{
    private static void AssertSameAsAnalyzer(string text)
    {
        var fast = FoldedWords.TryTokens(text, keep: null);
        Assert.NotNull(fast);
        Assert.Equal(SearchAnalyzers.Tokens(SearchAnalyzers.Folded, text), fast);
    }

    [Theory]
    [InlineData("Cải cách hành chính năm 2024")]
    [InlineData("Kế hoạch số 21/KH-UBND ngày 01.02.2024 của UBND TP.HCM")]
    [InlineData("1.000.000 đồng; 3,5 %; 12:30; a:b; 1:2; v.v.; don't; l'État; 7’8 a’b")]
    [InlineData("snake_case _lead trail_ ___ 1_2 a_1 __x__ x._y a.1 1.a a1.2 ab.12")]
    [InlineData("“Dấu” – gạch — … • ½ × ÷ ₫ 100₫ «trích» ¿qué? ĐỨC Ơ Ư ª µ º")]
    [InlineData("Thuỷ hoà ủy QUÝ Hoà")]
    public void Cuts_as_the_analyzer_cuts(string text) => AssertSameAsAnalyzer(text);

    [Fact]
    public void Drops_a_run_longer_than_the_tokenizer_keeps_as_the_analyzer_does()
    {
        AssertSameAsAnalyzer(new string('a', 255) + " b " + new string('c', 256) + " d");
    }

    [Theory]
    [InlineData("cafe\u0301")] // a combining mark
    [InlineData("soft\u00ADhyphen")]
    [InlineData("zero\u200Dwidth")]
    [InlineData("Ελληνικά")]
    [InlineData("漢字")]
    [InlineData("æther")] // folds to two letters
    public void Gives_up_on_characters_it_does_not_handle(string text) =>
        Assert.Null(FoldedWords.TryTokens(text, keep: null));

    [Fact]
    public void Keeps_only_the_asked_words_with_their_offsets()
    {
        var tokens = FoldedWords.TryTokens("Cải cách hành chính, cải tiến", ["cai", "chinh"]);

        Assert.Equal([new AnalyzedToken("cai", 0, 3), new AnalyzedToken("chinh", 14, 19), new AnalyzedToken("cai", 21, 24)], tokens);
    }

    [Fact]
    public void Keeps_the_asked_words_of_every_seeded_text_as_the_analyzer_does()
    {
        // Words are ruled out by their first letter and length before they are looked up: sets of the text's own words,
        // of every length, beside words it does not hold, a word of 64 letters and more and one that starts past ASCII
        // (no handled letter folds to one, so only the set holds it).
        var random = new Random(20261205);
        var long64 = new string('a', 64);
        var checkedTexts = 0;
        foreach (var file in Directory.EnumerateFiles(SeedFolder(), "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file) + " " + long64 + " " + long64 + "a";
            if (FoldedWords.TryTokens(text, keep: null) is not { Count: > 0 } all)
                continue;
            HashSet<string> keep = ["zzz", "þorn", long64 + "a", .. Enumerable.Range(0, 6).Select(_ => all[random.Next(all.Count)].Term)];
            Assert.Equal(SearchAnalyzers.Tokens(SearchAnalyzers.Folded, text, keep), FoldedWords.TryTokens(text, keep));
            checkedTexts++;
        }
        Assert.True(checkedTexts >= 50, $"only {checkedTexts} seeded texts were handled");
    }

    [Fact]
    public void Cuts_every_seeded_text_as_the_analyzer_does()
    {
        var checkedTexts = 0;
        foreach (var file in Directory.EnumerateFiles(SeedFolder(), "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            if (FoldedWords.TryTokens(text, keep: null) is null)
                continue;
            AssertSameAsAnalyzer(text);
            checkedTexts++;
        }
        Assert.True(checkedTexts >= 50, $"only {checkedTexts} seeded texts were handled");
    }

    [Fact]
    public void Cuts_random_texts_as_the_analyzer_does()
    {
        // Letters, digits and every kind of joiner and separator, densely mixed so the rules meet each other.
        const string alphabet = "aZđĐơưạếữỳ09._':;,·‘’․‧⁄‿⁀⁔ -–—“”…•\t\n%/()@#ª°´¨¸¯¼";
        var random = new Random(20261205);
        var checkedTexts = 0;
        for (var round = 0; round < 5000; round++)
        {
            var chars = new char[random.Next(1, 24)];
            for (var i = 0; i < chars.Length; i++)
                chars[i] = alphabet[random.Next(alphabet.Length)];
            var text = new string(chars);
            if (FoldedWords.TryTokens(text, keep: null) is null)
                continue;
            AssertSameAsAnalyzer(text);
            checkedTexts++;
        }
        Assert.True(checkedTexts >= 2500, $"only {checkedTexts} random texts were handled");
    }

    private static string SeedFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CchcSite.sln")))
                return Path.Combine(dir.FullName, "seed");
        throw new DirectoryNotFoundException("CchcSite.sln not found above the test's folder");
    }
}
