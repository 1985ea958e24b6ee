using CchcSite.Content.Search;

namespace CchcSite.Content.Tests.Search;

public class HostileInputTests
{
    /// <summary>Text as typed, and the quoted phrases and words it must be read as: no query syntax, no wildcard, no field.</summary>
    public static TheoryData<string, string[], string[]> Searchable => new()
    {
        { "title:cải AND body:*", [], ["title:cải", "AND", "body:*"] },
        { "cải~2", [], ["cải~2"] },
        { "\"cải cách\" hành chính", ["cải cách"], ["hành", "chính"] },
        { "\"cải cách", [], ["cải", "cách"] },
        { "cải\"", [], ["cải"] },
        { "(hành chính", [], ["(hành", "chính"] },
        { "a OR b NOT c", [], ["a", "OR", "b", "NOT", "c"] },
        { "+- && || ! ( ) { } [ ] ^ ~ * ? : \\ / x", [], ["+-", "&&", "||", "!", "(", ")", "{", "}", "[", "]", "^", "~", "*", "?", ":", "\\", "/", "x"] },
        { "cải\u0000cách", [], ["cải", "cách"] },
        { "cải\u0007\u001bcách", [], ["cải", "cách"] },
        { "\u200bcải\u200d", [], ["cải"] },
        { "\ud800cải", [], ["cải"] },
        { "cải\udc00", [], ["cải"] },
        { "<script>alert(1)</script>", [], ["<script>alert(1)</script>"] },
        { "' OR 1=1 --", [], ["'", "OR", "1=1", "--"] },
        { "21/KH-UBND", [], ["21/KH-UBND"] },
        { "😀 cải cách", [], ["😀", "cải", "cách"] },
        { "cải*", [], ["cải*"] },
        { "%s%s%n", [], ["%s%s%n"] },
        { "../../etc/passwd x", [], ["../../etc/passwd", "x"] },
    };

    public static TheoryData<string?, string> Refused => new()
    {
        { null, UserQuery.Messages.Empty },
        { "", UserQuery.Messages.Empty },
        { "   \t\n ", UserQuery.Messages.Empty },
        { "\u0000\u0001", UserQuery.Messages.Empty },
        { new string('a', UserQuery.MaxLength + 1), UserQuery.Messages.TooLong },
        { string.Concat(Enumerable.Repeat("cải cách ", 250)), UserQuery.Messages.TooLong },
        { "!!! *** ???", UserQuery.Messages.NothingToFind },
        { "*", UserQuery.Messages.NothingToFind },
        { "?", UserQuery.Messages.NothingToFind },
        { "\"\"\"", UserQuery.Messages.NothingToFind },
        { "\"\"", UserQuery.Messages.NothingToFind },
    };

    [Theory]
    [MemberData(nameof(Searchable), DisableDiscoveryEnumeration = true)]
    public async Task Any_text_is_searched_as_plain_words(string text, string[] phrases, string[] words)
    {
        Assert.True(UserQuery.TryParse(text, out var query, out var error), error);
        Assert.Equal(phrases, query.Phrases);
        Assert.Equal(words, query.Words);

        // A post that holds the text (as cleaned) is found, and one that does not is not: nothing was read as a wildcard or an OR.
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        await site.AddPostAsync(unit, $"Thông báo {query.Text}", "Kế hoạch 21/KH-UBND.");
        await site.AddPostAsync(unit, "Lịch tiếp công dân", "Tiếp công dân định kỳ.");
        await site.ApplyOutboxAsync();

        Assert.Equal([$"Thông báo {query.Text}"], await site.TitlesAsync(text));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Empty_overlong_and_wordless_queries_are_refused_with_a_reason(string? text, string message)
    {
        Assert.False(UserQuery.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void Unbalanced_quotes_leave_plain_words()
    {
        Assert.True(UserQuery.TryParse("\"một cửa\" \"liên thông", out var query, out _));
        Assert.Equal(["một cửa"], query.Phrases);
        Assert.Equal(["liên", "thông"], query.Words);
    }
}
