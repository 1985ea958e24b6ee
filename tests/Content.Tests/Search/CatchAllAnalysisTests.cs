using CchcSite.Content.Search;
using Lucene.Net.Analysis.TokenAttributes;

namespace CchcSite.Content.Tests.Search;

public class CatchAllAnalysisTests
{
    [Fact]
    public void One_pass_stacks_the_exact_form_and_the_shingle_on_each_folded_word()
    {
        Assert.Equal(
            [("cai", 1), ("cải", 0), ("cach", 1), ("cách", 0), ("cai cach", 0), ("hanh", 1), ("hành", 0), ("cach hanh", 0), ("doc", 1), ("hanh doc", 0)],
            Terms(SearchAnalyzers.CatchAll, "Cải cách hành doc"));
    }

    [Fact]
    public void The_title_field_stacks_the_exact_form_without_shingles()
    {
        Assert.Equal([("dang", 1), ("đăng", 0), ("ky", 1), ("ký", 0)], Terms(SearchAnalyzers.Text, "Đăng ký"));
    }

    [Fact]
    public void Values_of_the_catch_all_field_are_kept_apart() =>
        Assert.True(SearchAnalyzers.CatchAll.GetPositionIncrementGap(SearchFields.All) >= 10);

    private static List<(string, int)> Terms(Lucene.Net.Analysis.Analyzer analyzer, string text)
    {
        var terms = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(SearchFields.All, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            terms.Add((term.ToString(), position.PositionIncrement));
        stream.End();
        return terms;
    }
}
