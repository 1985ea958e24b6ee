using CchcSite.Content.Questions;
using CchcSite.Content.Search;

namespace CchcSite.Content.Tests.Architecture;

/// <summary>
/// The boundaries DESIGN.md draws between the parts, checked on the compiled assemblies (code and Razor views alike),
/// so that a shortcut across them fails the build's tests instead of waiting for a review to notice it.
/// </summary>
public class ArchitectureTests
{
    private static readonly string ContentAssembly = typeof(Submission).Assembly.Location;

    /// <summary>Read from the test's output folder, never loaded: the theme's views are compiled into this assembly.</summary>
    private static readonly string ThemeAssembly = Path.Combine(AppContext.BaseDirectory, "CchcSite.Themes.Default.dll");

    [Fact]
    public void The_theme_renders_read_models_and_never_touches_the_database()
    {
        var uses = TypeUses.Of(ThemeAssembly);
        var touching = uses.Where(use => use.Used.Namespace.StartsWith("CchcSite.Content.Data", StringComparison.Ordinal)
                                         || use.Used.Assembly.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))
            .Select(use => use.ToString()).ToList();

        Assert.Contains(uses, use => use.User.StartsWith("Views_", StringComparison.Ordinal));
        Assert.Empty(touching);
        Assert.DoesNotContain(TypeUses.ReferencedAssemblies(ThemeAssembly), name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_search_namespace_uses_Lucene()
    {
        var lucene = TypeUses.Of(ContentAssembly).Concat(TypeUses.Of(ThemeAssembly))
            .Where(use => use.Used.Assembly.StartsWith("Lucene.", StringComparison.Ordinal)).ToList();
        var outside = lucene.Where(use => use.UserNamespace != typeof(SearchIndex).Namespace
                                          && !use.UserNamespace.StartsWith(typeof(SearchIndex).Namespace + ".", StringComparison.Ordinal))
            .Select(use => use.ToString()).Distinct().ToList();

        Assert.Contains(lucene, use => use.User == nameof(SearchIndex));
        Assert.Empty(outside);
    }

    /// <summary>
    /// Content is the core the web host, the seed tool and the tests share: no web host inside. The one
    /// <c>Microsoft.AspNetCore.*</c> assembly it may reference is Identity's EF store (the accounts' tables, which
    /// lives under that name but needs no web host; the rest of Identity is <c>Microsoft.Extensions.Identity.*</c>) and
    /// Data Protection's EF key store (the keys' table, shared by every node).
    /// </summary>
    [Fact]
    public void Content_references_no_AspNetCore_assembly_but_the_identity_and_key_stores()
    {
        var aspNetCore = TypeUses.ReferencedAssemblies(ContentAssembly)
            .Where(name => name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)).ToList();
        var usedOutsideIdentity = TypeUses.Of(ContentAssembly)
            .Where(use => use.Used.Assembly.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal)
                          && !use.Used.Namespace.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal)
                          && use.Used.Namespace != "Microsoft.AspNetCore.DataProtection.EntityFrameworkCore")
            .Select(use => use.ToString()).Distinct().ToList();

        Assert.All(aspNetCore, name => Assert.Contains(name,
            new[] { "Microsoft.AspNetCore.Identity.EntityFrameworkCore", "Microsoft.AspNetCore.DataProtection.EntityFrameworkCore" }));
        Assert.Empty(usedOutsideIdentity);
    }

    [Fact]
    public void Questions_searches_through_IQuestionSearch_and_never_holds_or_queries_the_index()
    {
        // Searching the index takes a SearchIndex and IndexSearch.Find with IndexCriteria; the Q&A column must not do it itself.
        Type[] index = [typeof(SearchIndex), typeof(IndexSearch), typeof(IndexCriteria), typeof(SearchIndexer)];
        var touching = TypeUses.Of(ContentAssembly)
            .Where(use => use.UserNamespace == typeof(Submission).Namespace
                          && index.Any(type => type.Namespace == use.Used.Namespace && type.Name == use.Used.Name))
            .Select(use => use.ToString()).Distinct().ToList();

        Assert.Empty(touching);
        Assert.Contains(typeof(QuestionPageBuilder).GetConstructors().Single().GetParameters(), p => p.ParameterType == typeof(IQuestionSearch));
        Assert.True(typeof(IQuestionSearch).IsAssignableFrom(typeof(IndexQuestionSearch)));
    }
}
