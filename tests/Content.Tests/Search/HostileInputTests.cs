using CchcSite.Content.Search;

namespace CchcSite.Content.Tests.Search;

public class HostileInputTests
{
    public static TheoryData<string> Searchable => new()
    {
        "title:cải AND body:*", "cải~2", "\"cải cách", "cải\"", "\"\"\"", "(hành chính", "a OR b NOT c", "+- && || ! ( ) { } [ ] ^ ~ * ? : \\ / x",
        "cải\u0000cách", "cải\u0007\u001bcách", "\u200bcải\u200d", "\ud800cải", "cải\udc00", "<script>alert(1)</script>", "' OR 1=1 --",
        "21/KH-UBND", "😀 cải cách", "*", "?", "cải*", "%s%s%n", "../../etc/passwd x",
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
        { "\"\"", UserQuery.Messages.NothingToFind },
    };

    [Theory]
    [MemberData(nameof(Searchable))]
    public async Task Any_text_is_searched_as_plain_words(string text)
    {
        await using var site = await SearchTestSite.CreateAsync();
        var unit = await site.AddUnitAsync("so-a");
        await site.AddPostAsync(unit, "Cải cách hành chính", "Kế hoạch 21/KH-UBND.");
        await site.ApplyOutboxAsync();

        if (UserQuery.TryParse(text, out _, out _))
            await site.SearchAsync(text);
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
