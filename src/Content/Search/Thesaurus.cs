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
/// trực"): it is expanded only when typed in capitals. A form marked with a leading <c>~</c> is, without its marks, another
/// word ("sổ đỏ", the land-use certificate, and "sơ đồ", "số đo"): it is expanded only when typed with its own marks. A post may also write a multi-word form only partly ("công chức,
/// viên chức" for "cán bộ, công chức, viên chức"): such parts (<see cref="ThesaurusGroup.Parts"/>) match too, below the
/// whole form.
/// A group whose every form is another group's term followed by a qualifier, and none of them one word ("DVC mức độ 4 |
/// dịch vụ công trực tuyến toàn trình"), is a qualified term (<see cref="QualifiedTerm"/>): it is never matched whole, as
/// posts write the qualifier apart from the term ("dịch vụ công trực tuyến mức độ 3, mức độ 4"); the term typed is
/// matched as itself, and the qualifier typed after it also matches the group's other qualifiers (<see cref="Qualifier"/>).
/// </remarks>
public sealed class Thesaurus
{
    public static Thesaurus Empty { get; } = new([]);

    private readonly Dictionary<string, List<(ThesaurusForm Form, ThesaurusGroup Group)>> _byFirstToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ThesaurusGroup>> _byPart = new(StringComparer.Ordinal);

    private readonly List<QualifiedTerm> _qualified;

    public Thesaurus(IEnumerable<ThesaurusGroup> groups)
    {
        Groups = groups.Where(g => g.Forms.Count >= 2).ToList();
        _qualified = QualifiedTerms(Groups);
        foreach (var group in Groups.Where(g => !_qualified.Any(q => q.Group == g)))
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
            if (Covered(words, start, form.Folded) is not { } count)
                continue;
            if (form.CapitalsOnly && !Enumerable.Range(start, count).All(i => IsCapitals(words[i].Typed)))
                continue;
            if (form.MarksOnly && !WrittenAs(form, words, start, count))
                continue;
            return (form, group, count);
        }
        return null;
    }

    /// <summary>
    /// The qualifier typed at word <paramref name="start"/>, right after a term of <paramref name="head"/> ("mức độ 4" after
    /// "DVC"): the qualified term whose heads include that group and one of whose qualifiers the words are, longest first,
    /// with how many words it spans; null when none is.
    /// </summary>
    public (QualifiedTerm Term, IReadOnlyList<string> Typed, int WordCount)? Qualifier(ThesaurusGroup head, IReadOnlyList<(IReadOnlyList<string> Folded, string Typed)> words, int start)
    {
        if (start >= words.Count)
            return null;
        return _qualified.Where(q => q.Heads.Contains(head))
            .SelectMany(q => q.Qualifiers.Select(qualifier => (Term: q, Typed: qualifier)))
            .OrderByDescending(c => c.Typed.Count)
            .Select(c => Covered(words, start, c.Typed) is { } count ? (c.Term, c.Typed, count) : ((QualifiedTerm, IReadOnlyList<string>, int)?)null)
            .FirstOrDefault(c => c is not null);
    }

    /// <summary>How many typed words from <paramref name="start"/> the folded tokens cover exactly, whole words only; null when they do not.</summary>
    private static int? Covered(IReadOnlyList<(IReadOnlyList<string> Folded, string Typed)> words, int start, IReadOnlyList<string> tokens)
    {
        var token = 0;
        var word = start;
        while (word < words.Count && token < tokens.Count)
        {
            var folded = words[word].Folded;
            if (token + folded.Count > tokens.Count || !folded.SequenceEqual(tokens.Skip(token).Take(folded.Count), StringComparer.Ordinal))
                break;
            token += folded.Count;
            word++;
        }
        return token == tokens.Count ? word - start : null;
    }

    /// <summary>
    /// The groups each of whose forms is a whole form of another group (its head) followed by more words (its qualifier),
    /// none of them a single word: "DVC mức độ 4" (DVC, "mức độ 4"), "dịch vụ công trực tuyến toàn trình" (DVCTT, "toàn
    /// trình"). A group with a one-word form names one thing ("DVCTT | DVC trực tuyến"), and is matched whole.
    /// </summary>
    private static List<QualifiedTerm> QualifiedTerms(IReadOnlyList<ThesaurusGroup> groups)
    {
        var heads = new Dictionary<string, ThesaurusGroup>(StringComparer.Ordinal);
        foreach (var group in groups)
            foreach (var form in group.Forms)
                heads.TryAdd(Key(form.Folded), group);
        var qualified = new List<QualifiedTerm>();
        foreach (var group in groups.Where(g => g.Forms.All(f => f.Folded.Count > 1)))
        {
            var split = group.Forms.Select(form => Enumerable.Range(1, form.Folded.Count - 1).Reverse()
                    .Select(length => heads.GetValueOrDefault(Key(form.Folded.Take(length).ToList())) is { } head && head != group
                        ? (Head: head, Qualifier: form.Folded.Skip(length).ToList()) : default)
                    .FirstOrDefault(s => s.Head is not null))
                .ToList();
            if (split.All(s => s.Head is not null))
                qualified.Add(new QualifiedTerm(group, split.Select(s => s.Head).Distinct().ToList(),
                    split.Select(s => (IReadOnlyList<string>)s.Qualifier).DistinctBy(Key).ToList()));
        }
        return qualified;
    }

    private static bool IsCapitals(string typed) => typed.Any(char.IsLetter) && !typed.Any(char.IsLower);

    /// <summary>
    /// Whether the words typed are the form with its marks, as the index's exact field reads them: whatever their case,
    /// punctuation, composition or tone placement ("Sổ đỏ?", not "so do" nor "sơ đồ").
    /// </summary>
    private static bool WrittenAs(ThesaurusForm form, IReadOnlyList<(IReadOnlyList<string> Folded, string Typed)> words, int start, int count) =>
        ExactTerms(string.Join(' ', Enumerable.Range(start, count).Select(i => words[i].Typed))).SequenceEqual(ExactTerms(form.Text));

    private static IEnumerable<string> ExactTerms(string text) =>
        SearchAnalyzers.Tokens(SearchAnalyzers.Exact, text).Select(token => token.Term);

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
/// A group of forms that are each a term of another group followed by a qualifier (<see cref="Thesaurus"/>): the groups of
/// those terms, and the qualifiers, folded, that mean the same after any of them ("mức độ 4", "toàn trình").
/// </summary>
public sealed record QualifiedTerm(ThesaurusGroup Group, IReadOnlyList<ThesaurusGroup> Heads, IReadOnlyList<IReadOnlyList<string>> Qualifiers);

/// <summary>
/// One form of a group: its text, its folded tokens, whether it is expanded only when typed in capitals or only with its
/// marks, and whether it is only part of a form (<see cref="ThesaurusGroup.Parts"/>).
/// </summary>
public sealed record ThesaurusForm(string Text, IReadOnlyList<string> Folded, bool CapitalsOnly, bool IsPart = false, bool MarksOnly = false);

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
            var marksOnly = raw.StartsWith('~');
            var text = capitalsOnly || marksOnly ? raw[1..].Trim() : raw;
            var folded = SearchAnalyzers.Tokens(SearchAnalyzers.Folded, text).Select(t => t.Term).ToList();
            if (folded.Count > 0 && !list.Any(f => f.Folded.SequenceEqual(folded)))
                list.Add(new ThesaurusForm(text, folded, capitalsOnly, MarksOnly: marksOnly));
        }
        return list.Count >= 2 ? new ThesaurusGroup(list, "") : null;
    }

    /// <summary>The forms as an editor writes them: "UBND | Ủy ban nhân dân", "!CA | công an", "~sổ đỏ | giấy chứng nhận …".</summary>
    public string FormsText => string.Join($" {Separator} ", Forms.Select(f => (f.CapitalsOnly ? "!" : f.MarksOnly ? "~" : "") + f.Text));
}
