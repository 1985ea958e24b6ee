using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace CchcSite.Content.Search;

/// <summary>
/// Groups of interchangeable forms of Vietnamese public-administration terms: an abbreviation and its full form ("UBND",
/// "Ủy ban nhân dân"), and their common variants ("DVCTT", "DVC trực tuyến", "dịch vụ công trực tuyến"). Applied to a
/// query, not to the index (<see cref="MatchPlan"/>): the words typed also match the other forms of their group, with a
/// lower weight, so a list that grows needs no rebuild.
/// </summary>
/// <remarks>
/// A form marked with a leading <c>!</c> in the list is also an ordinary word ("CA" for "công an", and "ca" as in "ca
/// trực"): it is expanded only when typed in capitals. A post may also write a multi-word form only partly ("công chức,
/// viên chức" for "cán bộ, công chức, viên chức"): such parts (<see cref="ThesaurusGroup.Parts"/>) match too, below the
/// whole form.
/// </remarks>
public sealed class Thesaurus
{
    public static Thesaurus Empty { get; } = new([]);

    private readonly Dictionary<string, List<(ThesaurusForm Form, ThesaurusGroup Group)>> _byFirstToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ThesaurusGroup>> _byPart = new(StringComparer.Ordinal);

    public Thesaurus(IEnumerable<ThesaurusGroup> groups)
    {
        Groups = groups.Where(g => g.Forms.Count >= 2).ToList();
        foreach (var group in Groups)
            foreach (var form in group.Forms.Concat(group.Parts))
            {
                if (!_byFirstToken.TryGetValue(form.Folded[0], out var list))
                    _byFirstToken[form.Folded[0]] = list = [];
                list.Add((form, group));
                if (form.IsPart)
                {
                    if (!_byPart.TryGetValue(Key(form.Folded), out var containing))
                        _byPart[Key(form.Folded)] = containing = [];
                    containing.Add(group);
                }
            }
        // Longest first; of the same words, a whole form before a part of another group's form.
        foreach (var (token, list) in _byFirstToken)
            _byFirstToken[token] = list.OrderByDescending(c => c.Form.Folded.Count).ThenBy(c => c.Form.IsPart).ToList();
    }

    private static string Key(IReadOnlyList<string> folded) => string.Join(' ', folded);

    /// <summary>The groups one of whose forms is written partly as these folded tokens: "CBCCVC" for "công chức, viên chức".</summary>
    public IReadOnlyList<ThesaurusGroup> Containing(IReadOnlyList<string> folded) =>
        _byPart.TryGetValue(Key(folded), out var groups) ? groups : [];

    public IReadOnlyList<ThesaurusGroup> Groups { get; }

    /// <summary>
    /// The longest form, or part of a form, that starts at word <paramref name="start"/> of the typed words (each a run of
    /// folded tokens, with the text as typed), and how many words it spans; null when none does. A form must cover whole words.
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

/// <summary>
/// One form of a group: its text, its folded tokens, whether it is expanded only when typed in capitals, and whether it is
/// only part of a form (<see cref="ThesaurusGroup.Parts"/>).
/// </summary>
public sealed record ThesaurusForm(string Text, IReadOnlyList<string> Folded, bool CapitalsOnly, bool IsPart = false);

/// <summary>Forms that mean the same, with where the equivalence comes from.</summary>
public sealed record ThesaurusGroup(IReadOnlyList<ThesaurusForm> Forms, string Source)
{
    public const char Separator = '|';

    /// <summary>
    /// How posts write a multi-word form partly: its list items run together without their conjunction ("tiếp nhận, trả
    /// kết quả" for "tiếp nhận và trả kết quả"), and runs of two or more of its items but not all ("công chức, viên chức"
    /// of "cán bộ, công chức, viên chức"). One item alone is never a part: "công chức" says too little of the whole.
    /// </summary>
    public IReadOnlyList<ThesaurusForm> Parts { get; } = PartsOf(Forms);

    /// <summary>A form's list items, separated by commas or by the conjunction "và" (the separators kept, at odd indexes).</summary>
    private static readonly Regex ItemSeparator = new(@"(\s*,\s*|\s+và\s+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static List<ThesaurusForm> PartsOf(IReadOnlyList<ThesaurusForm> forms)
    {
        var parts = new List<ThesaurusForm>();
        foreach (var form in forms)
        {
            var pieces = ItemSeparator.Split(form.Text.Normalize(NormalizationForm.FormC));
            var items = pieces.Length / 2 + 1;
            if (items < 2)
                continue;
            Add(string.Join(", ", pieces.Where((_, i) => i % 2 == 0)));
            for (var first = 0; first < items; first++)
                for (var last = first + 1; last < items && last - first + 1 < items; last++)
                    Add(string.Concat(pieces[(2 * first)..(2 * last + 1)]));
        }
        return parts;

        void Add(string text)
        {
            var folded = SearchAnalyzers.Tokens(SearchAnalyzers.Folded, text).Select(t => t.Term).ToList();
            if (folded.Count > 1 && !forms.Any(f => f.Folded.SequenceEqual(folded)) && !parts.Any(p => p.Folded.SequenceEqual(folded)))
                parts.Add(new ThesaurusForm(text.Trim(), folded, CapitalsOnly: false, IsPart: true));
        }
    }

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
