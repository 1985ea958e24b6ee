using System.Reflection;

namespace CchcSite.Content.Search;

/// <summary>
/// Groups of interchangeable forms of Vietnamese public-administration terms: an abbreviation and its full form ("UBND",
/// "Ủy ban nhân dân"), and their common variants ("DVCTT", "DVC trực tuyến", "dịch vụ công trực tuyến"). Applied to a
/// query, not to the index (<see cref="MatchPlan"/>): the words typed also match the other forms of their group, with a
/// lower weight, so a list that grows needs no rebuild.
/// </summary>
/// <remarks>
/// A form marked with a leading <c>!</c> in the list is also an ordinary word ("CA" for "công an", and "ca" as in "ca
/// trực"): it is expanded only when typed in capitals.
/// </remarks>
public sealed class Thesaurus
{
    public static Thesaurus Empty { get; } = new([]);

    private readonly Dictionary<string, List<(ThesaurusForm Form, ThesaurusGroup Group)>> _byFirstToken = new(StringComparer.Ordinal);

    public Thesaurus(IEnumerable<ThesaurusGroup> groups)
    {
        Groups = groups.Where(g => g.Forms.Count >= 2).ToList();
        foreach (var group in Groups)
            foreach (var form in group.Forms)
            {
                if (!_byFirstToken.TryGetValue(form.Folded[0], out var list))
                    _byFirstToken[form.Folded[0]] = list = [];
                list.Add((form, group));
            }
        foreach (var list in _byFirstToken.Values)
            list.Sort((a, b) => b.Form.Folded.Count.CompareTo(a.Form.Folded.Count));
    }

    public IReadOnlyList<ThesaurusGroup> Groups { get; }

    /// <summary>
    /// The longest form that starts at word <paramref name="start"/> of the typed words (each a run of folded tokens, with
    /// the text as typed), and how many words it spans; null when none does. A form must cover whole words.
    /// </summary>
    public (ThesaurusForm Form, ThesaurusGroup Group, int WordCount)? Match(IReadOnlyList<(IReadOnlyList<string> Folded, string Typed)> words, int start)
    {
        if (!_byFirstToken.TryGetValue(words[start].Folded[0], out var candidates))
            return null;
        foreach (var (form, group) in candidates)
        {
            var token = 0;
            var word = start;
            while (word < words.Count && token < form.Folded.Count)
            {
                var folded = words[word].Folded;
                if (token + folded.Count > form.Folded.Count || !folded.SequenceEqual(form.Folded.Skip(token).Take(folded.Count), StringComparer.Ordinal))
                    break;
                token += folded.Count;
                word++;
            }
            if (token != form.Folded.Count)
                continue;
            if (form.CapitalsOnly && !Enumerable.Range(start, word - start).All(i => IsCapitals(words[i].Typed)))
                continue;
            return (form, group, word - start);
        }
        return null;
    }

    private static bool IsCapitals(string typed) => typed.Any(char.IsLetter) && !typed.Any(char.IsLower);

    /// <summary>The list shipped with the site (<c>thesaurus.tsv</c>): forms separated by " | ", a tab, the source or reason.</summary>
    public static IReadOnlyList<ThesaurusGroup> Shipped { get; } = ReadShipped();

    private static List<ThesaurusGroup> ReadShipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CchcSite.Content.Search.thesaurus.tsv")
                           ?? throw new InvalidOperationException("The thesaurus resource is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var groups = new List<ThesaurusGroup>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var tab = line.IndexOf('\t');
            if (tab < 0 || ThesaurusGroup.Parse(line[..tab]) is not { } group)
                throw new InvalidDataException($"thesaurus.tsv: '{line}' is not forms separated by ' | ', a tab and a source.");
            groups.Add(group with { Source = line[(tab + 1)..].Trim() });
        }
        return groups;
    }
}

/// <summary>One form of a group: its text, its folded tokens, and whether it is expanded only when typed in capitals.</summary>
public sealed record ThesaurusForm(string Text, IReadOnlyList<string> Folded, bool CapitalsOnly);

/// <summary>Forms that mean the same, with where the equivalence comes from.</summary>
public sealed record ThesaurusGroup(IReadOnlyList<ThesaurusForm> Forms, string Source)
{
    public const char Separator = '|';

    /// <summary>"UBND | Ủy ban nhân dân" → a group (no source yet); null when fewer than two forms have words.</summary>
    public static ThesaurusGroup? Parse(string forms)
    {
        var list = new List<ThesaurusForm>();
        foreach (var raw in forms.Split(Separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var capitalsOnly = raw.StartsWith('!');
            var text = capitalsOnly ? raw[1..].Trim() : raw;
            var folded = SearchAnalyzers.Tokens(SearchAnalyzers.Folded, text).Select(t => t.Term).ToList();
            if (folded.Count > 0 && !list.Any(f => f.Folded.SequenceEqual(folded)))
                list.Add(new ThesaurusForm(text, folded, capitalsOnly));
        }
        return list.Count >= 2 ? new ThesaurusGroup(list, "") : null;
    }

    /// <summary>The forms as an editor writes them: "UBND | Ủy ban nhân dân", "!CA | công an".</summary>
    public string FormsText => string.Join($" {Separator} ", Forms.Select(f => (f.CapitalsOnly ? "!" : "") + f.Text));
}
