using System.Text;
using System.Text.RegularExpressions;
using CchcSite.Content.Posts;
using CchcSite.Content.Search;

namespace CchcSite.Benchmarks;

/// <summary>
/// Generates Vietnamese posts of realistic lengths from a syllable bigram model of the seed texts, so that
/// the words, their frequencies and the two-syllable pairs resemble the real portal. Deterministic for a seed.
/// </summary>
public sealed partial class CorpusGenerator
{
    private static readonly string[] NumberTypes = ["KH", "QĐ", "CV", "TB", "BC"];
    private static readonly string[] Issuers = ["UBND", "SGDĐT", "STC", "SLĐTBXH", "SNV", "PGDĐT"];
    private static readonly DateTime FirstDay = new(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly Random _random;
    private readonly string[] _starts;
    private readonly Dictionary<string, string[]> _next;
    private readonly string[] _tags;

    public CorpusGenerator(string seedFolder, int seed)
    {
        _random = new Random(seed);
        var sentences = Directory.EnumerateFiles(Path.Combine(seedFolder, "posts"), "*.md", SearchOption.AllDirectories)
            .SelectMany(file => Sentences(File.ReadAllText(file)))
            .Select(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(words => words.Length >= 4)
            .ToList();
        _starts = sentences.Select(s => s[0]).ToArray();
        _next = sentences.SelectMany(s => s.Zip(s.Skip(1)))
            .GroupBy(pair => pair.First.ToLowerInvariant(), pair => pair.Second)
            .ToDictionary(g => g.Key, g => g.ToArray());
        _tags = sentences.SelectMany(s => s.Zip(s.Skip(1), (a, b) => $"{a} {b}".ToLowerInvariant())).Distinct().Take(300).ToArray();
        Console.WriteLine($"Vocabulary: {_next.Count} syllables from {sentences.Count} seed sentences.");
    }

    public int SyllableCount => _next.Count;

    public SearchDocument Next(int id)
    {
        var kind = (PostKind)_random.Next(5);
        var number = kind == PostKind.Document
            ? $"{_random.Next(1, 600)}/{NumberTypes[_random.Next(NumberTypes.Length)]}-{Issuers[_random.Next(Issuers.Length)]}"
            : null;
        var title = Sentence(_random.Next(10, 22)).TrimEnd('.');
        var body = new StringBuilder();
        for (var paragraph = _random.Next(3, 8); paragraph > 0; paragraph--)
        {
            for (var sentence = _random.Next(2, 5); sentence > 0; sentence--)
                body.Append(Sentence(_random.Next(12, 30))).Append(' ');
            body.Append('\n');
        }
        return new SearchDocument(
            id, kind, _random.Next(1, 11), $"linh-vuc-{_random.Next(1, 7)}",
            FirstDay.AddMinutes(_random.Next(0, 60 * 24 * 365 * 7)), null,
            number is null ? title : $"{title} số {number}",
            Sentence(_random.Next(25, 45)),
            body.ToString(),
            [_tags[_random.Next(_tags.Length)], _tags[_random.Next(_tags.Length)]],
            number,
            number is null ? null : "Ủy ban nhân dân tỉnh",
            "");
    }

    private string Sentence(int length)
    {
        var words = new List<string> { _starts[_random.Next(_starts.Length)] };
        while (words.Count < length)
        {
            words.Add(_next.TryGetValue(words[^1].ToLowerInvariant(), out var next)
                ? next[_random.Next(next.Length)]
                : _starts[_random.Next(_starts.Length)]);
        }
        return string.Join(' ', words) + ".";
    }

    /// <summary>The body of a seed post (front matter and Markdown marks removed), split into sentences.</summary>
    private static IEnumerable<string> Sentences(string markdown)
    {
        var body = markdown.StartsWith("---", StringComparison.Ordinal) ? markdown[(markdown.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..] : markdown;
        return SentenceEnd().Split(MarkdownMarks().Replace(body.Normalize(NormalizationForm.FormC), " "))
            .Select(s => Spaces().Replace(s, " ").Trim());
    }

    [GeneratedRegex(@"[.!?;:\n]+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[#*_>\[\]()|`]+")]
    private static partial Regex MarkdownMarks();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
