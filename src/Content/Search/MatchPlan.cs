using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace CchcSite.Content.Search;

/// <summary>
/// A query as sets of documents: which documents match, and a weight per matching document from the signals that
/// rank it. Every quoted phrase must match, and every word group of a short query (most or half of a long one's, see <see cref="SearchQueryBuilder.RequiredWords"/>;
/// but for an abbreviation typed beside a run the post's title holds whole, see <see cref="Lackable"/>);
/// a word matches its folded syllables next to each other in the catch-all text, read from the indexed pairs ("cai cach")
/// when there are two, so "cai cach" finds "cải cách" and no stop word is ever dropped ("không thu phí" does not find "thu
/// phí"). Before that, the query is understood: question words are made optional (<see cref="QuestionPhrases"/>), words
/// that form a thesaurus term also match its other forms (<see cref="Thesaurus"/>), and a syllable the index does not
/// hold, mistyped by one letter, also matches its likeliest correction (<see cref="TypoCorrection"/>), and a telephone
/// number matches however its digits are grouped (<see cref="TelephoneNumbers"/>), a document's number joined to its
/// type's initials as posts write it (<see cref="JoinedNumbers"/>), a date or number typed without the leading zero documents
/// write (<see cref="PaddedNumbers"/>), a month or day in figures its words as a plan's annex writes them
/// (<see cref="DatesInFigures"/>), a day written in words names the document issued
/// that day (<see cref="DaysInWords"/>), and so do a document's initials and number typed apart (<see cref="CitedNumbers"/>).
/// The forms typed always weigh more than their expansions and corrections.
/// Intersections and weights are computed on bitsets per segment (<see cref="SegmentBits"/>, <see cref="SlicedSums"/>):
/// a word found in every post costs a few thousand machine words, not a postings list scored document by document.
/// </summary>
internal sealed class MatchPlan
{
    /// <summary>A word found this many times in a post is found several times (<see cref="MatchWeights.Frequent"/>).</summary>
    private const int FrequentAt = 3;
    private const int RunSyllables = 3;
    /// <summary>
    /// The other words' run that lets a post lack an abbreviation typed beside them: more than one word (a two-syllable
    /// word alone, "bộ phận", "kế hoạch", is in the titles of posts about anything).
    /// </summary>
    private const int LackableRunSyllables = 3;

    private readonly MatchWeights _weights;
    private readonly List<Clause> _phrases = [];
    private readonly List<Group> _groups = [];
    private readonly int _requiredGroups;
    private readonly List<(Clause Clause, int Weight)> _features = [];
    private readonly List<(Group Group, int Weight)> _groupFeatures = [];
    /// <summary>
    /// In a short query, an abbreviation's group a post may lack when its title holds the other words typed as one run
    /// (<see cref="Lackable"/>): the group, and that run as a title clause.
    /// </summary>
    private readonly List<(Group Group, Clause OthersInTitle)> _lackable = [];
    /// <summary>The document frequencies the plan was built with, whose terms enumerators its clauses seek their postings with too.</summary>
    private readonly DocumentFrequencies _frequencies;

    /// <param name="reader">The index as searched: how rare each word is, and which syllables it holds.</param>
    /// <param name="weights">The signals' weights: <see cref="MatchWeights.Default"/> but in the relevance benchmark's fit.</param>
    public MatchPlan(UserQuery query, Thesaurus? thesaurus, IndexReader reader, MatchWeights weights)
    {
        thesaurus ??= Thesaurus.Empty;
        _weights = weights;
        _frequencies = new DocumentFrequencies(reader);
        var parts = SearchQueryBuilder.Parts(query);
        var terms = new SnippetTerms(parts);
        foreach (var phrase in parts.Where(p => p.IsTypedPhrase))
        {
            _phrases.Add(Adjacent(phrase.Folded));
            AddTypedFeatures(phrase, longQuery: false);
        }

        var words = parts.Where(p => !p.IsTypedPhrase).ToList();
        var typed = query.Words.Where(w => QueryPart.Of(w, isTypedPhrase: false) is not null).ToList();
        var folded = words.Select(w => w.Folded).ToList();
        var optional = QuestionPhrases.Optional(folded, words.Select(w => w.Exact).ToList());
        var content = Enumerable.Range(0, words.Count).Where(i => !optional[i]).ToList();
        var longQuery = content.Count > SearchQueryBuilder.ShortQueryWords;
        var corrected = new List<string>(typed);
        // Each correction's place among the words and among the content words, whose neighbours it is spelled beside.
        var corrections = new List<(int Index, int C)>();
        // The words typed that no document holds, for the page; those in small letters, with their group's place: left out
        // only where every group is required.
        var unfound = new List<int>();
        var unknown = new List<(int Index, int Group)>();
        var inTerm = new bool[words.Count];
        // The first word of the thesaurus term each word is part of, if any: a term is one word, whatever its syllables.
        var termStart = Enumerable.Repeat(-1, words.Count).ToArray();
        // The group of the thesaurus term starting at each term's first word.
        var termGroups = new Dictionary<int, ThesaurusGroup>();
        // The groups of the thesaurus terms typed as an abbreviation, with the content words they span.
        var abbreviations = new List<(Group Group, int Start, int Count)>();
        // The syllables as the index holds them: a mistyped one as corrected, so that its pairs and run with the words
        // around it are found too ("quyết toám" is no pair of any post, "quyết toán" is).
        var syllables = words.Select(w => w.Folded).ToArray();

        for (var i = 0; i < words.Count; i++)
            if (optional[i])
                _features.Add((new Clause(SearchFields.Title, words[i].Folded), 1));

        var contentWords = content.Select(i => ((IReadOnlyList<string>)words[i].Folded, typed[i])).ToList();
        for (var c = 0; c < content.Count;)
        {
            if ((TelephoneNumbers.Match(contentWords, c, _frequencies) ?? JoinedNumbers.Match(contentWords, c, _frequencies)
                    ?? DatesInFigures.Match(contentWords, c, _frequencies) ?? PaddedNumbers.Match(contentWords, c, _frequencies)) is var (numberWords, forms))
            {
                AddNumberForms(content.Skip(c).Take(numberWords).ToList(), forms, words, inTerm, terms, longQuery);
                c += numberWords;
                continue;
            }
            if (thesaurus.Match(contentWords, c) is var (form, group, count))
            {
                var span = content.Skip(c).Take(count).Select(i => words[i]).ToList();
                foreach (var i in content.Skip(c).Take(count))
                {
                    inTerm[i] = true;
                    termStart[i] = content[c];
                }
                termGroups[content[c]] = group;
                var qualifier = thesaurus.Qualifier(group, contentWords, c + count);
                // A form that is another word without its marks ("~sổ đỏ": "số đo", "sở đó") matches as typed: its syllables
                // next to each other, each as written; otherwise its words match apart and folded, as any word does.
                var alternatives = new List<Clause[]> { form.MarksOnly
                    ? [Adjacent(span.SelectMany(w => w.Folded).ToList()), .. span.SelectMany(w => w.Exact.Zip(w.Folded, Written))]
                    : span.Select(w => Adjacent(w.Folded)).ToArray() };
                foreach (var (other, whole) in Expansions(thesaurus, form, group, qualifier?.Term.Heads ?? []))
                {
                    alternatives.Add([Adjacent(other)]);
                    _features.Add((new Clause(SearchFields.Title, other), whole ? _weights.ExpansionTitle : _weights.PartTitle));
                    _features.Add((Adjacent(other), whole ? _weights.Expansion : _weights.Part));
                    terms.AddForm(other);
                }
                _groups.Add(new Group(alternatives, Rarity(_frequencies, alternatives)));
                // Not a term a qualifier follows: "mức độ 4" names nothing without its "DVC".
                if (qualifier is null && Enumerable.Range(c, count).Any(k => IsAbbreviation(typed[content[k]])))
                    abbreviations.Add((_groups[^1], c, count));
                foreach (var word in span)
                    AddTypedFeatures(word, longQuery);
                // The term as typed is a whole word, whatever its syllables: it outweighs its other forms in the title and the text.
                var typedTokens = span.SelectMany(w => w.Folded).ToList();
                _features.Add((new Clause(SearchFields.Title, typedTokens), _weights.TitlePair));
                _features.Add((Adjacent(typedTokens), _weights.Expansion + 1));
                c += count;
                if (qualifier is var (term, typedQualifier, qualifierCount))
                {
                    AddQualifier(term, typedQualifier, content.Skip(c).Take(qualifierCount).Select(i => words[i]).ToList(), terms, longQuery);
                    c += qualifierCount;
                }
                continue;
            }
            var index = content[c];
            var part = words[index];
            var clauses = new List<Clause[]> { new[] { Adjacent(part.Folded) } };
            // A neighbour corrected already is read as corrected: "lãng" makes "phí" a pair the posts hold ("lãnh phí").
            var previous = corrections is [.., var last] && last.C == c - 1 ? QueryPart.Of(corrected[last.Index], isTypedPhrase: false) : Neighbour(words, content, c - 1);
            if (TypoCorrection.Correct(_frequencies, typed[index], part, previous, Neighbour(words, content, c + 1), longQuery) is { } correction)
            {
                clauses.Add([new Clause(SearchFields.All, [correction])]);
                _features.Add((new Clause(SearchFields.Title, [correction]), _weights.CorrectionTitle));
                terms.AddTyped(correction);
                corrected[index] = correction;
                syllables[index] = [correction];
                corrections.Add((index, c));
            }
            else if (IsUnknownWord(typed[index], clauses[0][0], _frequencies))
            {
                unfound.Add(index);
                if (!typed[index].Any(char.IsLower))
                {
                    // An abbreviation that no document holds and the thesaurus does not know says nothing about which post
                    // answers: required, it would leave nothing to find ("ĐTN hỗ trợ người dân"); the words around it decide,
                    // and it breaks their run as a term does.
                    inTerm[index] = true;
                    c++;
                    continue;
                }
                unknown.Add((index, _groups.Count));
            }
            _groups.Add(new Group(clauses, Rarity(_frequencies, clauses)));
            AddTypedFeatures(part, longQuery);
            c++;
        }

        // Title matches on the typed words: a two-syllable word whole, not one syllable of it. Not the pairs inside a
        // thesaurus term, whose whole form in the title and the text is already a signal of its own: a unit's six-syllable
        // name would otherwise add five pairs and outweigh the words that say what the post is about ("Sở Giáo dục và Đào
        // tạo ban hành kế hoạch thực hiện …"). Nor the pairs inside a place's name ("tỉnh Sóc Trăng"), one word in the title
        // too; its pairs in the text still tell the place's posts from the others'. A pair every form of the term's group
        // holds ("khai sinh") keeps its signal in the text (InEveryForm).
        var withDiacritics = words.Any(w => w.HasDiacritics);
        var placeStart = PlaceStarts(contentWords, content, words.Count);
        for (var c = 0; c + 1 < content.Count; c++)
        {
            var (first, second) = (syllables[content[c]], syllables[content[c + 1]]);
            var inOneTerm = termStart[content[c]] >= 0 && termStart[content[c]] == termStart[content[c + 1]];
            if (first.Count != 1 || second.Count != 1 || inOneTerm && !InEveryForm(termGroups[termStart[content[c]]], first[0], second[0]))
                continue;
            var (typedFirst, typedSecond) = (words[content[c]], words[content[c + 1]]);
            if (!inOneTerm && (placeStart[content[c]] < 0 || placeStart[content[c]] != placeStart[content[c + 1]]))
            {
                _features.Add((new Clause(SearchFields.Title, [first[0], second[0]]), _weights.TitlePair));
                // The written forms typed only when neither syllable was replaced by its correction.
                var asTyped = ReferenceEquals(first, typedFirst.Folded) && ReferenceEquals(second, typedSecond.Folded);
                if (asTyped && (typedFirst.HasDiacritics || typedSecond.HasDiacritics))
                    _features.Add((new Clause(SearchFields.Title, [typedFirst.Exact[0], typedSecond.Exact[0]]), _weights.TitlePairExact));
            }
            var pair = new Clause(SearchFields.Pairs, [first[0] + IndexedText.PairSeparator + second[0]]);
            // In a long query a set phrase in most posts ("trên địa bàn tỉnh") weighs little, as its windows do nothing:
            // its pairs would otherwise outweigh the rare word that says which post is meant (the year).
            // So does a function word beside a word in half the posts ("cho người"): it adds nothing to the word, and the
            // pair is in any post using the word so ("cho người dân"); beside a rare word ("tin nhắn của") it still tells.
            var setPhrase = IsCommon(_frequencies, pair.DocumentFrequency(_frequencies))
                || FunctionWords.Is(typedFirst, withDiacritics) && IsCommonWord(typedSecond)
                || FunctionWords.Is(typedSecond, withDiacritics) && IsCommonWord(typedFirst);
            var weight = longQuery ? (setPhrase ? _weights.CommonPair : _weights.Pair) + Rarity(_frequencies, [[pair]]) : _weights.Pair;
            _features.Add((pair, weight));
        }
        // A day written in words, as a document dates itself, names the document issued that day as the day in figures does.
        foreach (var day in DaysInWords.NumberKeys(words.Select(w => w.Folded).ToList()))
            _features.Add((new Clause(SearchFields.NumberKey, [day]), _weights.NumberKey));
        // A document cited by its type's initials and number as two words ("KH 86") names it as its number typed whole does.
        foreach (var key in CitedNumbers.NumberKeys(contentWords, reader))
            _features.Add((new Clause(SearchFields.NumberKey, [key]), _weights.NumberKey));
        var isQuestion = optional.Any(o => o);
        // A word in small letters that no document holds ("online" of "sổ đỏ online", after a thesaurus term made the query
        // short), where every group is required, would leave nothing to find: the other words decide, as for an unknown
        // abbreviation. Where most groups suffice, it is one the posts may lack, as any word is.
        if (unknown.Count > 0 && unknown.Count < _groups.Count
            && SearchQueryBuilder.RequiredWords(_groups.Count, isQuestion) == _groups.Count)
            foreach (var (index, group) in Enumerable.Reverse(unknown))
            {
                _groups.RemoveAt(group);
                inTerm[index] = true;
            }
        var windows = Windows(syllables, content.Where(i => !inTerm[i]).ToList());
        foreach (var window in windows.Where(w => IsTelling(_frequencies, w)))
            _groupFeatures.Add((window, Math.Max(1, _weights.Run / windows.Count)));
        // A post repeating a rare word of what a question asks about is about it: the post on booking vehicle inspection
        // writes "xe" eighteen times, the ward's fire-safety checks once, beside the frame's "kiểm tra" of "xe mới mua có
        // phải mang đi kiểm tra kỹ thuật không"; the pensions post writes "hưu" six times, the social allowances' none, of
        // "lương hưu từ tháng mấy được chuyển vào tài khoản". So a subject's word found several times weighs its rarity.
        var subject = folded.Take(QuestionPhrases.Subject(optional, words.Select(w => w.Exact).ToList())).SelectMany(w => w).ToHashSet(StringComparer.Ordinal);
        _features.AddRange(content.SelectMany(i => words[i].Folded).Distinct()
            .Select(word => (new Clause(SearchFields.All, [word], FrequentAt), subject.Contains(word)
                ? Math.Max(_weights.Frequent, Rarity(_frequencies, [[new Clause(SearchFields.All, [word])]]))
                : _weights.Frequent)));

        _requiredGroups = SearchQueryBuilder.RequiredWords(_groups.Count, isQuestion);
        if (_requiredGroups == _groups.Count && _groups.Count > 1)
            _lackable.AddRange(Lackable(abbreviations, content, syllables));
        foreach (var group in _groups)
        {
            var weight = (_groups.Count > 1 ? group.Rarity : 0) + (_requiredGroups < _groups.Count ? _weights.WordMatched : 0);
            if (weight > 0)
                _groupFeatures.Add((group, weight));
        }
        Snippets = terms;
        Unfound = unfound.Select(i => typed[i]).ToList();
        Correction = corrections.Count > 0
            ? new QueryCorrection(query.Phrases.Select(p => $"\"{p}\"").ToList(), corrected, corrections.Select(k => new QueryCorrection.Corrected(k.Index,
                corrected[k.Index], k.C > 0 ? syllables[content[k.C - 1]][^1] : null, k.C + 1 < content.Count ? syllables[content[k.C + 1]][0] : null)).ToList())
            : null;
    }

    /// <summary>
    /// The abbreviations typed in a short query that a post may lack: all of its word groups are required, so a post naming
    /// the people or the office otherwise, or another office's ("công chức" for CBCCVC, a hotline notice of the Sở GDĐT for
    /// "Sở LĐTBXH đường dây nóng"), was never found, while posts naming both in passing were. Only when the other words were
    /// typed as one run before or after the abbreviation, of more than one word (<see cref="LackableRunSyllables"/>), and
    /// only for posts whose title holds that run whole: such a post is about what the run says. It is then ranked by its
    /// signals as any post, without the abbreviation's.
    /// </summary>
    private static IEnumerable<(Group, Clause)> Lackable(List<(Group Group, int Start, int Count)> abbreviations, List<int> content, IReadOnlyList<string>[] syllables)
    {
        foreach (var (group, start, count) in abbreviations)
        {
            var others = content.Take(start).Concat(content.Skip(start + count)).ToList();
            if (others.Count == 0 || others[^1] - others[0] != others.Count - 1 || start > 0 && start + count < content.Count)
                continue;
            var run = others.SelectMany(i => syllables[i]).ToList();
            if (run.Count >= LackableRunSyllables)
                yield return (group, new Clause(SearchFields.Title, run));
        }
    }

    /// <summary>The words typed that no post holds nor a correction of them (<see cref="IsUnknownWord"/>): the page names them.</summary>
    public IReadOnlyList<string> Unfound { get; }

    /// <summary>The query with its mistyped syllables corrected, when any was: for "did you mean".</summary>
    public QueryCorrection? Correction { get; }

    /// <summary>
    /// A number typed in a form posts write otherwise — a telephone number in any grouping of its digits, a document's
    /// number joined to its type's initials ("KH19"): one word group matching any of the forms the index holds, each
    /// weighing as the number typed whole does, in the title and the text. Its words break the run of the words around it,
    /// as a term's do.
    /// </summary>
    private void AddNumberForms(List<int> span, List<IReadOnlyList<string>> forms, List<QueryPart> words, bool[] inTerm,
        SnippetTerms terms, bool longQuery)
    {
        var alternatives = forms.Select(form => new[] { Adjacent(form) }).ToList();
        _groups.Add(new Group(alternatives, Rarity(_frequencies, alternatives)));
        foreach (var form in forms)
        {
            _features.Add((new Clause(SearchFields.Title, form), _weights.TitlePair));
            _features.Add((Adjacent(form), _weights.Expansion + 1));
            terms.AddForm(form);
        }
        foreach (var i in span)
        {
            inTerm[i] = true;
            AddTypedFeatures(words[i], longQuery);
        }
    }

    /// <summary>
    /// Whether every form of a thesaurus group holds this pair: the thing its forms name ("khai sinh" in "làm giấy khai sinh
    /// | đăng ký khai sinh"), which a post may write apart from the rest of any form ("đăng ký kết hôn, khai sinh"). Such a pair
    /// typed inside the term keeps its signal in the text (not in the title, where the term whole is one).
    /// </summary>
    private static bool InEveryForm(ThesaurusGroup group, string first, string second) =>
        group.Forms.All(form => Enumerable.Range(0, form.Folded.Count - 1).Any(i => form.Folded[i] == first && form.Folded[i + 1] == second));

    /// <summary>
    /// The first word of the place's name each word is part of, if any (<see cref="PlaceNames"/>): a name is one word in the
    /// title, whatever its syllables, so its inner pairs are no title signals; the whole name in the title is one.
    /// </summary>
    private int[] PlaceStarts(List<(IReadOnlyList<string> Folded, string Typed)> contentWords, List<int> content, int wordCount)
    {
        var start = Enumerable.Repeat(-1, wordCount).ToArray();
        for (var c = 0; c < content.Count; c++)
            if (PlaceNames.Match(contentWords, c) is var count and > 0)
            {
                foreach (var i in content.Skip(c).Take(count))
                    start[i] = content[c];
                _features.Add((new Clause(SearchFields.Title, contentWords.Skip(c).Take(count).SelectMany(w => w.Folded).ToList()), _weights.TitlePair));
                c += count - 1;
            }
        return start;
    }

    /// <summary>
    /// The qualifier typed after a thesaurus term ("mức độ 4" after "DVC"): one word group, its words each as typed — apart,
    /// as posts list levels ("mức độ 3, mức độ 4") — or another qualifier of the term, whole ("toàn trình"), weighing less.
    /// Its words stay plain words otherwise: their title, written form and run signals are those of the words typed.
    /// </summary>
    private void AddQualifier(QualifiedTerm term, IReadOnlyList<string> typed, List<QueryPart> span, SnippetTerms terms, bool longQuery)
    {
        var alternatives = new List<Clause[]> { span.Select(w => Adjacent(w.Folded)).ToArray() };
        foreach (var other in term.Qualifiers.Where(q => !q.SequenceEqual(typed, StringComparer.Ordinal)))
        {
            alternatives.Add([Adjacent(other)]);
            _features.Add((new Clause(SearchFields.Title, other), _weights.ExpansionTitle));
            _features.Add((Adjacent(other), _weights.Expansion));
            terms.AddForm(other);
        }
        _groups.Add(new Group(alternatives, Rarity(_frequencies, alternatives)));
        foreach (var word in span)
            AddTypedFeatures(word, longQuery);
    }

    /// <summary>
    /// What the typed form of a thesaurus term also matches: the other forms of its group whole, and those of the other
    /// terms a qualifier typed after it may follow (DVCTT for "DVC mức độ 4"); and, weighing less, the parts of its group's
    /// forms ("công chức, viên chức" for "CBCCVC") and the forms of the groups it is a part of ("CBCCVC" for "công chức
    /// viên chức") — of those only when the words typed are just a part.
    /// </summary>
    private static IEnumerable<(IReadOnlyList<string> Folded, bool Whole)> Expansions(Thesaurus thesaurus, ThesaurusForm typed, ThesaurusGroup group, IReadOnlyList<ThesaurusGroup> qualifiedHeads)
    {
        var own = typed.IsPart ? [] : group.Forms.Select(f => (f.Folded, Whole: true)).Concat(group.Parts.Select(p => (p.Folded, Whole: false)))
            .Concat(qualifiedHeads.Where(h => h != group).SelectMany(h => h.Forms).Select(f => (f.Folded, Whole: true)));
        var wider = thesaurus.Containing(typed.Folded).SelectMany(g => g.Forms).Select(f => (f.Folded, Whole: false));
        var seen = new HashSet<string>(StringComparer.Ordinal) { string.Join(' ', typed.Folded) };
        return own.Concat(wider).Where(e => seen.Add(string.Join(' ', e.Folded)));
    }

    /// <summary>
    /// The windows of <see cref="RunSyllables"/> folded syllables of the content words typed next to each other (a mistyped
    /// syllable as corrected), each as
    /// the set of posts holding its consecutive pairs. Question words and quoted phrases break a run, and so does a
    /// thesaurus term: it has its own signal for its whole form, and a run through it would favour the posts writing
    /// the form typed over those writing another ("UBND tỉnh" over "Ủy ban nhân dân tỉnh"). The pairs are
    /// indexed without positions, so a window is found when both pairs are in the post, which in practice is the run:
    /// its sets are the ones the pair features read, and an intersection costs a machine word per 64 posts.
    /// </summary>
    private static List<Group> Windows(IReadOnlyList<string>[] syllables, List<int> plain)
    {
        var windows = new List<Group>();
        var run = new List<string>();
        for (var c = 0; c <= plain.Count; c++)
        {
            if (c < plain.Count && (c == 0 || plain[c] == plain[c - 1] + 1))
            {
                run.AddRange(syllables[plain[c]]);
                continue;
            }
            for (var start = 0; start + RunSyllables <= run.Count; start++)
            {
                var pairs = Enumerable.Range(start, RunSyllables - 1)
                    .Select(i => Adjacent([run[i], run[i + 1]])).ToArray();
                windows.Add(new Group([pairs], Rarity: 0));
            }
            run.Clear();
            if (c < plain.Count)
                run.AddRange(syllables[plain[c]]);
        }
        return windows;
    }

    /// <summary>
    /// Whether a window can tell posts apart: not when even its rarer pair is in half the posts or more, as a set phrase
    /// in most posts ("trên địa bàn tỉnh") would otherwise outweigh the rare word of a long query (its year).
    /// </summary>
    private static bool IsTelling(DocumentFrequencies frequencies, Group window) =>
        !IsCommon(frequencies, window.Alternatives[0].Min(clause => clause.DocumentFrequency(frequencies)));

    /// <summary>Whether a term found in this many documents is in half the posts or more.</summary>
    private static bool IsCommon(DocumentFrequencies frequencies, int documents) => documents * 2L >= Math.Max(1, frequencies.Reader.NumDocs);

    /// <summary>Whether a one-syllable word, as written when typed with diacritics, is in half the posts or more.</summary>
    private bool IsCommonWord(QueryPart word) =>
        word.Folded.Count == 1 && IsCommon(_frequencies, Written(word.Exact[0], word.Folded[0]).DocumentFrequency(_frequencies));

    /// <summary>
    /// A word of letters only ("ĐTN", "online") that is in no document. Not a number or a code: a document's number that
    /// no post holds finds nothing, rather than the posts of other numbers.
    /// </summary>
    private static bool IsUnknownWord(string typed, Clause clause, DocumentFrequencies frequencies) =>
        typed.Length >= 2 && typed.All(char.IsLetter) && clause.DocumentFrequency(frequencies) == 0;

    /// <summary>A word typed in capitals, letters and the joining marks of initials only ("CBCCVC", "LĐ-TB&XH").</summary>
    private static bool IsAbbreviation(string typed) =>
        typed.Count(char.IsLetter) >= 2 && typed.All(ch => char.IsLetter(ch) || ch is '&' or '-') && !typed.Any(char.IsLower);

    private static QueryPart? Neighbour(List<QueryPart> words, List<int> content, int c) =>
        c >= 0 && c < content.Count ? words[content[c]] : null;

    /// <summary>The signals of one word or phrase as typed: title, written form, document number.</summary>
    private void AddTypedFeatures(QueryPart part, bool longQuery)
    {
        if (part.HasDiacritics && (part.IsTypedPhrase || !longQuery))
            _features.AddRange(part.Exact.Zip(part.Folded, (exact, folded) => (Written(exact, folded), _weights.Exact)));
        _features.Add((new Clause(SearchFields.Title, part.Folded), part.Folded.Count > 1 ? _weights.TitlePair : _weights.Title));
        if (part.HasDiacritics)
            _features.Add((new Clause(SearchFields.Title, part.Exact), _weights.TitleExact));
        if (part.NumberKey is { } number)
            _features.Add((new Clause(SearchFields.NumberKey, [number]), _weights.NumberKey));
    }

    /// <summary>
    /// How much finding this group says, from the share of documents that hold its commonest alternative: nothing for a
    /// word in most posts, up to <see cref="MatchWeights.MaxRare"/> for one in a handful.
    /// </summary>
    private int Rarity(DocumentFrequencies frequencies, List<Clause[]> alternatives)
    {
        var documents = Math.Max(1, frequencies.Reader.NumDocs);
        var found = alternatives.Max(clauses => clauses.Min(clause => clause.DocumentFrequency(frequencies)));
        return found == 0 ? 0 : (int)Math.Clamp(Math.Round(_weights.RareScale * Math.Log((double)documents / found)), 0, _weights.MaxRare);
    }

    /// <summary>
    /// Folded syllables next to each other in the catch-all text: one syllable, the indexed pair of two (most words),
    /// or the positions of a longer run.
    /// </summary>
    private static Clause Adjacent(IReadOnlyList<string> folded) =>
        folded.Count == 2 ? new Clause(SearchFields.Pairs, [folded[0] + IndexedText.PairSeparator + folded[1]]) : new Clause(SearchFields.All, folded);

    /// <summary>A syllable as typed: among the written forms when it has diacritics, else its folded form is the written one.</summary>
    private static Clause Written(string exact, string folded) =>
        new(exact == folded ? SearchFields.All : SearchFields.Exact, [exact]);

    /// <summary>The folded syllables of the query and the forms it was widened to, for the snippets.</summary>
    public SnippetTerms Snippets { get; }

    /// <summary>The segment's matching documents (deleted ones included) as a new set the caller may narrow, or null when none matches.</summary>
    public FixedBitSet? Match(AtomicReaderContext leaf)
    {
        FixedBitSet? matches = null;
        foreach (var clause in _phrases)
            if (!Intersect(ref matches, clause.Bits(leaf, _frequencies)))
                return null;
        if (_requiredGroups == _groups.Count)
        {
            // The posts that may lack an abbreviation, read before the matches are narrowed to the posts holding every group.
            FixedBitSet? lacking = null;
            foreach (var (lacked, title) in _lackable)
                if (Lacking(leaf, matches, lacked, title) is { } found)
                {
                    if (lacking is null)
                        lacking = found;
                    else
                        lacking.Or(found);
                }
            foreach (var group in _groups)
                if (!Intersect(ref matches, group.Bits(leaf, _frequencies)))
                    return lacking;
            if (lacking is not null)
                matches!.Or(lacking);
            return matches;
        }
        using var counts = new SlicedSums(leaf.AtomicReader.MaxDoc);
        foreach (var group in _groups)
            if (group.Bits(leaf, _frequencies) is { } bits)
                counts.Add(bits, matches, 1);
        return Intersect(ref matches, counts.AtLeast(_requiredGroups, leaf.AtomicReader.MaxDoc)) ? matches : null;
    }

    /// <summary>
    /// The documents in <paramref name="within"/> (all when null) whose title holds the other words' run and which every
    /// group but <paramref name="lacked"/> matches, as a new set; null when none.
    /// </summary>
    private FixedBitSet? Lacking(AtomicReaderContext leaf, FixedBitSet? within, Group lacked, Clause othersInTitle)
    {
        var found = within?.Clone();
        if (!Intersect(ref found, othersInTitle.Bits(leaf, _frequencies)))
            return null;
        foreach (var group in _groups.Where(g => g != lacked))
            if (!Intersect(ref found, group.Bits(leaf, _frequencies)))
                return null;
        return found;
    }

    /// <summary>The ranking weight of each document in <paramref name="matches"/>.</summary>
    public SlicedSums Weigh(AtomicReaderContext leaf, FixedBitSet matches)
    {
        var weights = new SlicedSums(leaf.AtomicReader.MaxDoc);
        foreach (var (clause, weight) in _features)
            if (clause.Bits(leaf, _frequencies) is { } bits)
                weights.Add(bits, matches, weight);
        foreach (var (group, weight) in _groupFeatures)
            if (group.Bits(leaf, _frequencies) is { } bits)
                weights.Add(bits, matches, weight);
        return weights;
    }

    /// <summary>Narrows <paramref name="matches"/> to <paramref name="bits"/> (copying the first set); false when nothing is left.</summary>
    private static bool Intersect(ref FixedBitSet? matches, FixedBitSet? bits)
    {
        if (bits is null)
            return false;
        if (matches is null)
            matches = bits.Clone();
        else
            matches.And(bits);
        return matches.NextSetBit(0) >= 0;
    }

    /// <summary>The documents in <paramref name="bits"/> (and in <paramref name="within"/> if given), in order.</summary>
    internal static SetDocs Docs(FixedBitSet bits, FixedBitSet? within = null) => new(bits.GetBits(), within?.GetBits());

    /// <summary>Walks the set bits a machine word at a time, without a delegate call per document.</summary>
    internal ref struct SetDocs(long[] words, long[]? within)
    {
        private int _index = -1;
        private long _word;

        public int Current { get; private set; }

        public readonly SetDocs GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_word == 0)
            {
                if (++_index >= words.Length || within is not null && _index >= within.Length)
                    return false;
                _word = words[_index] & (within is null ? ~0L : within[_index]);
            }
            Current = (_index << 6) + BitOperations.TrailingZeroCount(_word);
            _word &= _word - 1;
            return true;
        }
    }

    /// <summary>
    /// Terms of one field at consecutive positions: a single term (found at least so many times), or a phrase; two words
    /// of the title are read as their indexed pair when there is one (<see cref="IndexedText.TitlePair"/>).
    /// </summary>
    private sealed record Clause(string Field, IReadOnlyList<string> Terms, int MinFrequency = 1)
    {
        private readonly string? _titlePair = Field == SearchFields.Title && Terms.Count == 2 ? IndexedText.TitlePair(Terms[0], Terms[1]) : null;

        public FixedBitSet? Bits(AtomicReaderContext leaf, DocumentFrequencies frequencies) =>
            _titlePair is not null ? SegmentBits.Term(leaf, SearchFields.TitlePairs, _titlePair, enumerators: frequencies)
            : Terms.Count == 1 ? SegmentBits.Term(leaf, Field, Terms[0], MinFrequency, frequencies)
            : SegmentBits.Phrase(leaf.AtomicReader, Field, Terms);

        /// <summary>How many documents hold the term, or the rarest term of a phrase: an upper bound, read from the terms dictionary.</summary>
        public int DocumentFrequency(DocumentFrequencies frequencies) => Terms.Min(term => frequencies.Of(Field, term));
    }

    /// <summary>
    /// What one typed word (or the words of a thesaurus term) matches: any of its alternatives, each clauses that must all
    /// match — the words as typed, another form of the term, a corrected syllable.
    /// </summary>
    private sealed record Group(List<Clause[]> Alternatives, int Rarity)
    {
        public FixedBitSet? Bits(AtomicReaderContext leaf, DocumentFrequencies frequencies)
        {
            if (Alternatives.Count == 1 && Alternatives[0].Length == 1)
                return Alternatives[0][0].Bits(leaf, frequencies);
            FixedBitSet? union = null;
            foreach (var clauses in Alternatives)
            {
                FixedBitSet? all = null;
                // Intersect copies the first set, so the union is this query's own to change.
                if (clauses.All(clause => Intersect(ref all, clause.Bits(leaf, frequencies))))
                {
                    if (union is null)
                        union = all;
                    else
                        union.Or(all);
                }
            }
            return union;
        }
    }
}
