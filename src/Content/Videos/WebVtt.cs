using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CchcSite.Content.Videos;

/// <summary>One caption: its times as written ("00:01.000") and its text, plain.</summary>
public sealed record Cue(string Start, string End, string Text);

/// <summary>
/// Reads a WebVTT caption file and writes it again clean: the timings and the plain text of each cue, nothing else.
/// Markup in cue text (voice, class, ruby tags), cue settings, identifiers, notes, and STYLE and REGION blocks are
/// dropped, so no CSS (which could fetch from elsewhere) and no markup an editor did not see reaches a citizen's player.
/// </summary>
public static partial class WebVtt
{
    [GeneratedRegex(@"^WEBVTT(?:[ \t].*)?$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^(?<start>(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})[ \t]+-->[ \t]+(?<end>(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})(?:[ \t].*)?$")]
    private static partial Regex Timing();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    internal const string NotUtf8 = "Tệp phụ đề phải là văn bản UTF-8 (lưu lại tệp với mã hoá UTF-8).";

    /// <summary>A caption file's text without its byte order mark, with "\n" line ends; null when it is not UTF-8 (WebVTT and SRT alike).</summary>
    internal static string? Lines(byte[] content)
    {
        try
        {
            return StrictUtf8.GetString(content).TrimStart('\uFEFF').ReplaceLineEndings("\n");
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The cues of <paramref name="content"/>, or the Vietnamese reason it is not a WebVTT file with captions.</summary>
    public static (IReadOnlyList<Cue>? Cues, string? Refusal) Parse(byte[] content)
    {
        if (Lines(content) is not { } text)
            return (null, NotUtf8);
        var blocks = text.Split("\n\n")
            .Select(b => b.Trim('\n').Split('\n')).Where(b => b is not [""]).ToList();
        if (blocks.Count == 0 || !Header().IsMatch(blocks[0][0]))
            return (null, "Tệp không phải phụ đề WebVTT: dòng đầu tiên phải là “WEBVTT”.");
        var cues = new List<Cue>();
        for (var i = 1; i < blocks.Count; i++)
        {
            var lines = blocks[i];
            if (lines[0].StartsWith("NOTE", StringComparison.Ordinal) || lines[0] is "STYLE" or "REGION")
                continue;
            // An identifier may stand on the line before the timing.
            var timingLine = lines[0].Contains("-->", StringComparison.Ordinal) ? 0 : 1;
            var timing = timingLine < lines.Length ? Timing().Match(lines[timingLine]) : Match.Empty;
            if (!timing.Success)
                return (null, $"Câu phụ đề thứ {cues.Count + 1} có mốc thời gian sai; cần dạng “00:01.000 --> 00:04.000”.");
            var (start, end) = (timing.Groups["start"].Value, timing.Groups["end"].Value);
            if (Seconds(end) < Seconds(start))
                return (null, $"Câu phụ đề thứ {cues.Count + 1} kết thúc trước khi bắt đầu ({start} --> {end}).");
            var cueText = PlainText(lines.Skip(timingLine + 1));
            if (cueText.Length > 0)
                cues.Add(new Cue(start, end, cueText));
        }
        return cues.Count == 0 ? (null, "Tệp phụ đề không có câu phụ đề nào.") : (cues, null);
    }

    /// <summary>The cues as a WebVTT file of timings and escaped plain text.</summary>
    public static byte[] Write(IEnumerable<Cue> cues)
    {
        var text = new StringBuilder("WEBVTT\n");
        foreach (var cue in cues)
            text.Append('\n').Append(cue.Start).Append(" --> ").Append(cue.End).Append('\n')
                .Append(cue.Text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;")).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>What is said in a caption file, for search; nothing when it is not one.</summary>
    public static string TextOf(byte[] content) => Parse(content).Cues is { } cues ? string.Join('\n', cues.Select(c => c.Text)) : "";

    /// <summary>A cue's lines as plain text: markup dropped, entities decoded, blank lines left out, in NFC (SRT's too).</summary>
    internal static string PlainText(IEnumerable<string> lines) =>
        string.Join('\n', lines.Select(l => WebUtility.HtmlDecode(Tag().Replace(l, "")).Trim()).Where(l => l.Length > 0)).Normalize(NormalizationForm.FormC);

    internal static double Seconds(string time) =>
        time.Split(':').Aggregate(0.0, (total, part) => total * 60 + double.Parse(part, System.Globalization.CultureInfo.InvariantCulture));
}
