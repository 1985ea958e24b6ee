namespace CchcSite.Content.Outcomes;

/// <summary>
/// What every write of the CMS comes to: done with its value, or why not — messages by field, a refusal, someone
/// else's change first, or nothing there. The web host maps it once to ProblemDetails (API) and once to the editor's
/// form page, so a new write service answers the same way as the others without writing either again.
/// </summary>
public abstract record Outcome<T>
{
    private Outcome()
    {
    }

    public sealed record Ok(T Value) : Outcome<T>;

    /// <summary>
    /// What was sent breaks the rules: Vietnamese messages by field (the form's field name; "" for the whole form). An
    /// imported file's errors are keyed by line, "Dòng 3", so a person finds them in the spreadsheet as numbered there.
    /// </summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : Outcome<T>
    {
        public Invalid(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] })
        {
        }

        /// <summary>One message per field, as the services collect them.</summary>
        public static Invalid Of(IEnumerable<KeyValuePair<string, string>> errors) =>
            new(errors.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => e.Value).ToArray()));
    }

    /// <summary>The request is well formed but the rules (the workflow, the permission table, the item's state) do not allow it.</summary>
    public sealed record Refused(string Reason) : Outcome<T>;

    /// <summary>Someone else changed the item first, or it already is as asked; nothing was written. <see cref="Current"/> is their version when the caller can show it.</summary>
    public sealed record Conflict(string Message, T? Current = default) : Outcome<T>;

    public sealed record NotFound(string Message) : Outcome<T>;

    public bool IsOk => this is Ok;

    /// <summary>Why it was not done, as one Vietnamese text (for a message line); null when it was done.</summary>
    public string? Problem => this switch
    {
        Invalid invalid => string.Join(" ", invalid.Errors.Values.SelectMany(m => m)),
        Refused refused => refused.Reason,
        Conflict conflict => conflict.Message,
        NotFound notFound => notFound.Message,
        _ => null,
    };

    /// <summary>The same outcome over what <paramref name="map"/> makes of the value; a refusal stays the same refusal.</summary>
    public Outcome<TResult> Map<TResult>(Func<T, TResult> map) => this switch
    {
        Ok ok => new Outcome<TResult>.Ok(map(ok.Value)),
        Invalid invalid => new Outcome<TResult>.Invalid(invalid.Errors),
        Refused refused => new Outcome<TResult>.Refused(refused.Reason),
        Conflict conflict => new Outcome<TResult>.Conflict(conflict.Message, conflict.Current is { } current ? map(current) : default),
        NotFound notFound => new Outcome<TResult>.NotFound(notFound.Message),
        _ => throw new InvalidOperationException(GetType().Name),
    };
}
