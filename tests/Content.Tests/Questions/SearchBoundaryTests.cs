using System.Reflection;
using CchcSite.Content.Questions;
using CchcSite.Content.Search;

namespace CchcSite.Content.Tests.Questions;

/// <summary>Questions finds published questions through <see cref="IQuestionSearch"/>, never by holding the index itself.</summary>
public class SearchBoundaryTests
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void No_type_of_Questions_holds_or_is_given_the_search_index()
    {
        // Searching the index (IndexSearch.Find) needs a SearchIndex; a type that never holds nor receives one cannot search it directly.
        var questionTypes = typeof(Submission).Assembly.GetTypes().Where(t => t.Namespace == typeof(Submission).Namespace).ToList();
        var touching = questionTypes.SelectMany(type =>
                type.GetFields(Everything).Select(f => (type, f.Name, f.FieldType))
                    .Concat(type.GetConstructors(Everything).Cast<MethodBase>().Concat(type.GetMethods(Everything))
                        .SelectMany(m => m.GetParameters().Select(p => (type, $"{m.Name}({p.Name})", p.ParameterType)))))
            .Where(use => use.Item3 == typeof(SearchIndex) || use.Item3 == typeof(IndexCriteria))
            .Select(use => $"{use.type.Name}.{use.Item2}").ToList();

        Assert.NotEmpty(questionTypes);
        Assert.Empty(touching);
        Assert.Contains(typeof(QuestionPageBuilder).GetConstructors().Single().GetParameters(), p => p.ParameterType == typeof(IQuestionSearch));
        Assert.True(typeof(IQuestionSearch).IsAssignableFrom(typeof(IndexQuestionSearch)));
    }
}
