using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CchcSite.Content;
using CchcSite.Content.Data;
using CchcSite.Content.Media;
using CchcSite.Content.Paging;
using CchcSite.Content.Rendering;
using CchcSite.Content.Search;
using CchcSite.Content.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CchcSite.Benchmarks;

/// <summary>
/// The relevance benchmark: the judged queries of <c>Relevance/*.tsv</c> run over the seeded posts by our engine (the
/// site's own search, thesaurus included), by SQLite FTS5 (<c>unicode61 remove_diacritics 2</c>, bm25 with the title
/// weighted) and by PostgreSQL full-text search (<c>unaccent</c>, <c>simple</c> configuration, title weighted A,
/// <c>websearch_to_tsquery</c>, <c>ts_rank_cd</c>), over the same texts; nDCG@10 and Recall@10 per category.
/// </summary>
/// <remarks>
/// Usage: <c>dotnet run -c Release --project tests/Benchmarks -- relevance [--held-out | --held-out-2 | … | --held-out-29] [--verbose]</c>, or
/// <c>relevance --fit judged,held-out,…</c> to fit the ranking weights (<see cref="Fit"/>). PostgreSQL comes
/// from <c>CCHC_TEST_POSTGRES</c>, else <c>/tmp/pg-dev.conn</c>, else it is left out (as scripts/postgres.sh exports it:
/// <c>source scripts/postgres.sh</c> first for a throwaway cluster). A throwaway database is created and dropped.
/// Recall@10 counts the posts graded 2 or 3; nDCG@10 uses gains 2^grade − 1 and the ideal order of all judged posts.
/// </remarks>
internal static partial class RelevanceBenchmark
{
    private static readonly Dictionary<string, string> UnitAliases = new()
    {
        ["pgd"] = "phong-gddt-nga-nam", ["sgd"] = "so-gddt-soc-trang", ["sld"] = "so-ldtbxh-binh-dinh", ["stc"] = "so-tai-chinh-soc-trang",
        ["ptm"] = "ubnd-phuong-thac-mo", ["tnn"] = "ubnd-thi-xa-nga-nam", ["tpl"] = "ubnd-thi-xa-phuoc-long", ["tbd"] = "ubnd-tinh-binh-dinh",
        ["tbp"] = "ubnd-tinh-binh-phuoc", ["tst"] = "ubnd-tinh-soc-trang",
    };

    /// <summary>After every seeded post's publication and before any expires, so that all published posts are visible.</summary>
    private static readonly DateTime Now = new(2027, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Categories = ["diacritics", "none", "tones", "numbers", "abbreviations", "questions", "typos", "long"];

    private sealed record Judged(string Category, string Query, Dictionary<string, int> Grades);

    private sealed record Text(string Key, string Title, string Body);

    /// <summary>A judged set: its file's name, the corpus its comment declares and its queries.</summary>
    private sealed record JudgedSet(string Name, string Corpus, List<Judged> Queries);

    /// <summary>The corpus of a set that declares none: the site's seed alone, as every set before held-out-20.</summary>
    private const string SeedCorpus = "seed";

    public static async Task RunAsync(string root, string[] args)
    {
        // Each held-out set is scored once, after the tuning it checks: --held-out (written 2 Dec), --held-out-2 (4 Dec, before
        // the partial thesaurus forms), --held-out-3 (4 Dec, before the signal for the typed words' whole run together),
        // --held-out-4 (5 Dec, before the tuning of abbreviations and questions), --held-out-5 (5 Dec, before the sixth tuning),
        // --held-out-6 (5 Dec, before the seventh), --held-out-7 (5 Dec, before the eighth), --held-out-8 (5 Dec, before the ninth),
        // --held-out-9 (5 Dec, before the tenth), --held-out-10 (5–6 Dec, before the eleventh), --held-out-11 (6 Dec, before
        // the twelfth), --held-out-12 (6 Dec, before the thirteenth), --held-out-13 (6 Dec, before the fourteenth),
        // --held-out-14 (6 Dec, before the fifteenth), --held-out-15 (6 Dec, before the sixteenth), --held-out-16 (6 Dec,
        // before the seventeenth), --held-out-17 (6 Dec, before the eighteenth), --held-out-18 (6 Dec, before the
        // nineteenth), --held-out-19 (6 Dec, before the twentieth), --held-out-20 (7 Dec, before the twenty-first; the
        // first over the seed and corpus-2), --held-out-21 (7 Dec, before the twenty-second; over the seed, corpus-2 and
        // corpus-3), --held-out-22 (7 Dec, before the twenty-third; over the seed and corpus-2 to corpus-4), --held-out-23 (7 Dec,
        // before the twenty-fourth; over the seed and corpus-2 to corpus-5), --held-out-24 (7 Dec, before the twenty-sixth; over
        // the seed and corpus-2 to corpus-6), --held-out-25 (7 Dec, before the twenty-seventh; over the seed and corpus-2 to
        // corpus-7), --held-out-26 (7 Dec, before the twenty-eighth and twenty-ninth; over the seed and corpus-2 to corpus-8),
        // --held-out-27 (7 Dec, before the thirtieth; over the seed and corpus-2 to corpus-9), --held-out-28 (7 Dec, before the
        // thirty-first; over the seed and corpus-2 to corpus-10), --held-out-29 (7 Dec, before the thirty-second; over the seed
        // and corpus-2 to corpus-11).
        var set = args.FirstOrDefault(a => HeldOutFlag().IsMatch(a))?[2..] ?? "judged";
        var verbose = args.Contains("--verbose");
        var fitSets = Array.IndexOf(args, "--fit") is var fit and >= 0
            ? (fit + 1 < args.Length ? args[fit + 1] : throw new ArgumentException("--fit needs the sets to fit on: --fit judged,held-out,…"))
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => ReadSet(root, s)).ToList()
            : null;
        var sets = fitSets ?? [ReadSet(root, set)];
        var corpus = sets[0].Corpus;
        if (sets.FirstOrDefault(s => s.Corpus != corpus) is { } other)
            throw new ArgumentException($"The sets are judged over different corpora: {sets[0].Name} over {corpus}, {other.Name} over {other.Corpus}.");
        var queries = sets.SelectMany(s => s.Queries).ToList();
        Console.WriteLine($"{queries.Count} judged queries ({string.Join(", ", sets.Select(s => s.Name == "judged" ? "tuning set" : s.Name + " set"))}), over {corpus}.");

        var work = Directory.CreateTempSubdirectory("cchc-relevance-").FullName;
        try
        {
            var seed = SeedFolder(root, corpus, work);
            await using var services = BuildServices(work, seed);
            var (texts, keysById) = await SeedAsync(services, seed);
            Console.WriteLine($"Seeded and indexed {texts.Count} posts.");
            // A judged post that is not searchable (a draft, one scheduled after the seeding date) would cap every engine's score.
            if (queries.SelectMany(q => q.Grades.Keys).FirstOrDefault(k => !keysById.ContainsValue(k)) is { } missing)
                throw new InvalidDataException($"The judged post {missing} is not among the searchable seeded posts.");

            var engines = new List<(string Name, Func<string, Task<List<string>>> Search)>();
            var index = services.GetRequiredService<SearchIndex>();
            var thesaurus = await services.GetRequiredService<ThesaurusStore>().CurrentAsync(CancellationToken.None);
            if (fitSets is not null)
            {
                Fit(string.Join(',', fitSets.Select(s => s.Name)), queries, index, thesaurus, keysById);
                return;
            }
            engines.Add(("ours", q =>
            {
                if (!UserQuery.TryParse(q, out var query, out var error))
                    throw new InvalidOperationException($"{q}: {error}");
                var found = IndexSearch.Find(index, new IndexCriteria(query, Now) { Page = new PageRequest(1, 10), Thesaurus = thesaurus });
                return Task.FromResult(found.Hits.Select(h => keysById[h.Id]).ToList());
            }));

            await using var fts5 = await Fts5Async(texts);
            engines.Add(("SQLite FTS5", q => Task.FromResult(SearchFts5(fts5, q))));

            var postgres = PostgresConnectionString();
            PostgresFts? pg = null;
            if (postgres is not null)
            {
                pg = await PostgresFts.CreateAsync(postgres, texts);
                engines.Add(("PostgreSQL FTS", pg.SearchAsync));
            }
            else
                Console.WriteLine("No PostgreSQL (CCHC_TEST_POSTGRES or /tmp/pg-dev.conn): its column is left out.");

            try
            {
                var scores = new Dictionary<string, List<(string Category, double Ndcg, double Recall)>>();
                foreach (var (name, search) in engines)
                {
                    var list = scores[name] = [];
                    foreach (var judged in queries)
                    {
                        var ranked = await search(judged.Query);
                        var (ndcg, recall) = (Ndcg(ranked, judged.Grades), Recall(ranked, judged.Grades));
                        list.Add((judged.Category, ndcg, recall));
                        if (verbose && (name == "ours" || args.Contains("--all-engines")))
                            Console.WriteLine($"{name,-14} {ndcg:0.000} {recall:0.00} [{judged.Category}] {judged.Query}\n" +
                                              string.Concat(ranked.Take(10).Select((k, i) => $"    {i + 1}. {judged.Grades.GetValueOrDefault(k)} {k}\n")));
                    }
                }
                PrintTable(engines.Select(e => e.Name).ToList(), scores);
            }
            finally
            {
                if (pg is not null)
                    await pg.DisposeAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static void PrintTable(List<string> engines, Dictionary<string, List<(string Category, double Ndcg, double Recall)>> scores)
    {
        Console.WriteLine();
        Console.WriteLine("| category | queries | " + string.Join(" | ", engines.Select(e => $"{e} nDCG@10 | {e} R@10")) + " |");
        Console.WriteLine("| --- | ---: | " + string.Join(" | ", engines.Select(_ => "---: | ---:")) + " |");
        foreach (var category in Categories.Append("overall"))
        {
            var rows = engines.Select(e => scores[e].Where(s => category == "overall" || s.Category == category).ToList()).ToList();
            if (rows[0].Count == 0)
                continue;
            var label = category == "overall" ? "**overall**" : category;
            Console.WriteLine($"| {label} | {rows[0].Count} | " +
                              string.Join(" | ", rows.Select(r => $"{r.Average(s => s.Ndcg):0.000} | {r.Average(s => s.Recall):0.000}")) + " |");
        }
    }

    private static double Ndcg(List<string> ranked, Dictionary<string, int> grades)
    {
        static double Gain(int grade, int rank) => (Math.Pow(2, grade) - 1) / Math.Log2(rank + 2);
        var dcg = ranked.Take(10).Select((key, i) => Gain(grades.GetValueOrDefault(key), i)).Sum();
        var ideal = grades.Values.OrderDescending().Take(10).Select(Gain).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double Recall(List<string> ranked, Dictionary<string, int> grades)
    {
        var relevant = grades.Where(g => g.Value >= 2).Select(g => g.Key).ToHashSet();
        return relevant.Count == 0 ? 1 : ranked.Take(10).Count(relevant.Contains) / (double)relevant.Count;
    }

    private static JudgedSet ReadSet(string root, string name)
    {
        var path = Path.Combine(root, "tests/Benchmarks/Relevance", name + ".tsv");
        var list = new List<Judged>();
        var corpus = SeedCorpus;
        foreach (var (line, number) in File.ReadAllLines(path).Select((l, i) => (l, i + 1)))
        {
            if (CorpusLine().Match(line) is { Success: true } declared)
                corpus = declared.Groups[1].Value.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var parts = line.Split('\t');
            if (parts.Length != 3 || !Categories.Contains(parts[0]))
                throw new InvalidDataException($"{path}:{number}: expected category, query and judgments separated by tabs.");
            var grades = parts[2].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(j => j.Split('='))
                .ToDictionary(j => Key(j[0], path, number), j => int.Parse(j[1], CultureInfo.InvariantCulture));
            list.Add(new Judged(parts[0], parts[1], grades));
        }
        return new JudgedSet(name, corpus, list);
    }

    /// <summary>
    /// The seed folder the set's corpus is imported from: the site's own seed for "seed"; for "seed+corpus-2" (or more names
    /// joined by '+') a copy of it in <paramref name="work"/> with the posts of each <c>Relevance/&lt;name&gt;/posts/&lt;unit
    /// folder&gt;</c> added to the seed's unit folders, so that every engine reads the same texts and the site's seed is untouched.
    /// </summary>
    private static string SeedFolder(string root, string corpus, string work)
    {
        var seed = Path.Combine(root, "seed");
        var parts = corpus.Split('+', StringSplitOptions.TrimEntries);
        if (parts[0] != SeedCorpus)
            throw new InvalidDataException($"A corpus starts with the seed: '{corpus}'.");
        if (parts.Length == 1)
            return seed;

        var copy = Path.Combine(work, "seed");
        foreach (var file in Directory.EnumerateFiles(seed, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(seed, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        foreach (var extra in parts.Skip(1))
        {
            var posts = Path.Combine(root, "tests/Benchmarks/Relevance", extra, "posts");
            if (!Directory.Exists(posts))
                throw new InvalidDataException($"The corpus '{extra}' has no folder {posts}.");
            foreach (var file in Directory.EnumerateFiles(posts, "*.md", SearchOption.AllDirectories))
            {
                // A post of a unit the seed does not have, or one named like a seed post, would be lost or replace it silently.
                var unit = Path.GetDirectoryName(Path.GetRelativePath(posts, file))!;
                var folder = Path.Combine(copy, "posts", unit);
                if (unit.Length == 0 || !Directory.Exists(folder))
                    throw new InvalidDataException($"{file}: the seed has no unit folder '{unit}'.");
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: false);
            }
        }
        return copy;
    }

    /// <summary>"pgd:name" → "phong-gddt-nga-nam/name".</summary>
    private static string Key(string judged, string path, int line)
    {
        var colon = judged.IndexOf(':');
        return colon > 0 && UnitAliases.TryGetValue(judged[..colon], out var unit)
            ? $"{unit}/{judged[(colon + 1)..]}"
            : throw new InvalidDataException($"{path}:{line}: '{judged}' is not unit:post with a known unit alias.");
    }

    private static ServiceProvider BuildServices(string work, string seed)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Site:SeedPath"] = seed,
            ["Site:MediaPath"] = Path.Combine(work, "media"),
            ["Search:IndexPath"] = Path.Combine(work, "index"),
        }).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddCchcContent(ContentDatabase.Sqlite($"Data Source={Path.Combine(work, "site.db")}"))
            .BuildServiceProvider();
    }

    /// <summary>
    /// The seeded site as the web host makes it (migrate, seed with its later parts, rebuild the index), and the texts of its posts for the other
    /// engines, keyed "unit/seed file name without its date" like the judgments.
    /// </summary>
    private static async Task<(List<Text> Texts, Dictionary<int, string> KeysById)> SeedAsync(ServiceProvider services, string seed)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CchcDbContext>();
        await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(seed, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<LaterSeedStages>().ImportPendingAsync(CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildHereAsync(db, null, CancellationToken.None);

        var keyByTitle = new Dictionary<(string Unit, string Title), string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(seed, "posts"), "*.md", SearchOption.AllDirectories))
        {
            var unit = Path.GetFileName(Path.GetDirectoryName(file)!);
            var title = TitleLine().Match(File.ReadAllText(file)).Groups[1].Value.Trim().Trim('"').Normalize(NormalizationForm.FormC);
            keyByTitle[(unit, title)] = $"{unit}/{DatePrefix().Replace(Path.GetFileNameWithoutExtension(file), "")}";
        }

        var markdown = scope.ServiceProvider.GetRequiredService<MarkdownRenderer>();
        var media = scope.ServiceProvider.GetRequiredService<MediaStore>();
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.Status == CchcSite.Content.Posts.PostStatus.Published && p.PublishAt <= Now && (p.UnpublishAt == null || p.UnpublishAt > Now))
            .Include(p => p.Unit).Include(p => p.Tags).Include(p => p.Attachments).ThenInclude(a => a.MediaAsset)
            .AsSplitQuery().ToListAsync();
        var texts = new List<Text>();
        var keysById = new Dictionary<int, string>();
        foreach (var post in posts)
        {
            if (!keyByTitle.TryGetValue((post.Unit.Slug, post.Title.Normalize(NormalizationForm.FormC)), out var key))
                throw new InvalidDataException($"No seed file for the post '{post.Title}' of {post.Unit.Slug}.");
            keysById[post.Id] = key;
            // The same values the site indexes (SearchIndexer.ToDocument): summary, abstract, body, tags, number, issuer, attachments.
            var body = string.Join("\n", new[]
            {
                post.Summary, post.Document?.Abstract, markdown.ToPlainText(post.BodyMarkdown), string.Join(" . ", post.Tags.Select(t => t.Name)),
                post.Document?.Number, post.Document?.Issuer,
            }.Concat(post.Attachments.Select(a => a.Title + "\n" + AttachmentText.Extract(media.FullPath(a.MediaAsset)))).Where(s => !string.IsNullOrWhiteSpace(s)));
            texts.Add(new Text(key, post.Title, body));
        }
        return (texts, keysById);
    }

    private static async Task<SqliteConnection> Fts5Async(List<Text> texts)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE docs USING fts5(key UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')";
            await create.ExecuteNonQueryAsync();
        }
        foreach (var text in texts)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO docs (key, title, body) VALUES ($key, $title, $body)";
            insert.Parameters.AddWithValue("$key", text.Key);
            insert.Parameters.AddWithValue("$title", text.Title);
            insert.Parameters.AddWithValue("$body", text.Body);
            await insert.ExecuteNonQueryAsync();
        }
        return connection;
    }

    /// <summary>
    /// FTS5 as a site would use it out of the box: every word required (its implicit AND), each quoted so that no
    /// character is read as query syntax; a quoted part of the query is a phrase; bm25 with the title ten times the body.
    /// </summary>
    private static List<string> SearchFts5(SqliteConnection connection, string query)
    {
        var parts = new List<string>();
        var rest = Quoted().Replace(query.Replace('“', '"').Replace('”', '"'), m =>
        {
            var words = Words(m.Groups[1].Value);
            if (words.Count > 0)
                parts.Add("\"" + string.Join(' ', words) + "\"");
            return " ";
        });
        parts.AddRange(Words(rest).Select(w => $"\"{w}\""));
        if (parts.Count == 0)
            return [];
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM docs WHERE docs MATCH $q ORDER BY bm25(docs, 0, 10.0, 1.0) LIMIT 10";
        command.Parameters.AddWithValue("$q", string.Join(' ', parts));
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
            keys.Add(reader.GetString(0));
        return keys;
    }

    private static List<string> Words(string text) => WordPattern().Matches(text.Normalize(NormalizationForm.FormC)).Select(m => m.Value).ToList();

    private static string? PostgresConnectionString()
    {
        if (Environment.GetEnvironmentVariable("CCHC_TEST_POSTGRES") is { Length: > 0 } fromEnvironment)
            return fromEnvironment;
        return File.Exists("/tmp/pg-dev.conn") ? File.ReadAllText("/tmp/pg-dev.conn").Trim() : null;
    }

    /// <summary>A throwaway database with the unaccent extension and one table of the texts, dropped when disposed.</summary>
    private sealed class PostgresFts : IAsyncDisposable
    {
        private readonly string _admin;
        private readonly string _name;
        private readonly NpgsqlDataSource _source;

        private PostgresFts(string admin, string name)
        {
            _admin = admin;
            _name = name;
            _source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
        }

        public static async Task<PostgresFts> CreateAsync(string connectionString, List<Text> texts)
        {
            var name = $"cchc_relevance_{Environment.ProcessId}";
            await using (var admin = new NpgsqlConnection(connectionString))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name}; CREATE DATABASE {name}", admin);
                await create.ExecuteNonQueryAsync();
            }
            var fts = new PostgresFts(connectionString, name);
            await using var connection = await fts._source.OpenConnectionAsync();
            await using (var schema = new NpgsqlCommand("""
                CREATE EXTENSION unaccent;
                CREATE TABLE docs (key text PRIMARY KEY, title text NOT NULL, body text NOT NULL, tsv tsvector);
                """, connection))
                await schema.ExecuteNonQueryAsync();
            foreach (var text in texts)
            {
                await using var insert = new NpgsqlCommand("INSERT INTO docs (key, title, body) VALUES ($1, $2, $3)", connection);
                insert.Parameters.AddWithValue(text.Key);
                insert.Parameters.AddWithValue(text.Title);
                insert.Parameters.AddWithValue(text.Body);
                await insert.ExecuteNonQueryAsync();
            }
            await using (var vectors = new NpgsqlCommand("""
                UPDATE docs SET tsv = setweight(to_tsvector('simple', unaccent(title)), 'A') || setweight(to_tsvector('simple', unaccent(body)), 'B');
                CREATE INDEX docs_tsv ON docs USING gin (tsv);
                """, connection))
                await vectors.ExecuteNonQueryAsync();
            return fts;
        }

        public async Task<List<string>> SearchAsync(string query)
        {
            await using var connection = await _source.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("""
                SELECT key FROM docs, websearch_to_tsquery('simple', unaccent($1)) q
                WHERE tsv @@ q ORDER BY ts_rank_cd(tsv, q) DESC, key LIMIT 10
                """, connection);
            command.Parameters.AddWithValue(query.Replace('“', '"').Replace('”', '"'));
            var keys = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                keys.Add(reader.GetString(0));
            return keys;
        }

        public async ValueTask DisposeAsync()
        {
            await _source.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_admin);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>--held-out, --held-out-2, --held-out-3, --held-out-4, …: the set Relevance/held-out[-N].tsv.</summary>
    [GeneratedRegex(@"^--held-out(-\d+)?$")]
    private static partial Regex HeldOutFlag();

    /// <summary>"# corpus: seed+corpus-2", a comment line of a set judged over more than the seed.</summary>
    [GeneratedRegex(@"^#\s*corpus:\s*(\S+)\s*$")]
    private static partial Regex CorpusLine();

    [GeneratedRegex(@"^title:\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}-")]
    private static partial Regex DatePrefix();

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"[\p{L}\p{Mn}\p{Nd}]+")]
    private static partial Regex WordPattern();
}
