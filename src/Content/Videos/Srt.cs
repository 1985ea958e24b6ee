using System.Text.RegularExpressions;

namespace CchcSite.Content.Videos;

/// <summary>
/// Reads a SubRip (.srt) caption file, the form most subtitle tools and phones save, into the cues a WebVTT file is
/// written from (<see cref="WebVtt.Write"/>), so captions are stored and played in one form whatever was uploaded.
/// A file that cannot be read is refused naming the line, since an editor fixes it in a text editor.
/// </summary>
public static partial class Srt
{
    [GeneratedRegex(@"^(?<start>\d{1,3}:[0-5]\d:[0-5]\d[,.]\d{1,3})[ \t]*-->[ \t]*(?<end>\d{1,3}:[0-5]\d:[0-5]\d[,.]\d{1,3})(?:[ \t].*)?$")]
    private static partial Regex Timing();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Number();

    /// <summary>SRT styling an editor does not see as text: ASS overrides such as {\an8}.</summary>
    [GeneratedRegex(@"\{\\[^}]*\}")]
    private static partial Regex Override();

    /// <summary>The cues of <paramref name="content"/>, or the Vietnamese reason, by line, it is not an SRT file with captions.</summary>
    public static (IReadOnlyList<Cue>? Cues, string? Refusal) Parse(byte[] content)
    {
        if (WebVtt.Lines(content) is not { } text)
            return (null, WebVtt.NotUtf8);
        var lines = text.Split('\n');
        var cues = new List<Cue>();
        var i = 0;
        while (true)
        {
            while (i < lines.Length && lines[i].Trim().Length == 0)
                i++;
            if (i == lines.Length)
                break;
            // The cue's number stands before its timing; some tools leave it out.
            if (Number().IsMatch(lines[i].Trim()) && i + 1 < lines.Length && lines[i + 1].Trim().Length > 0)
                i++;
            var timing = Timing().Match(lines[i].Trim());
            if (!timing.Success)
                return (null, $"Dòng {i + 1}: cần số thứ tự hoặc mốc thời gian dạng “00:00:01,000 --> 00:00:04,000”, tệp ghi “{Shorten(lines[i])}”.");
            var (start, end) = (Normalize(timing.Groups["start"].Value), Normalize(timing.Groups["end"].Value));
            if (WebVtt.Seconds(end) < WebVtt.Seconds(start))
                return (null, $"Dòng {i + 1}: câu phụ đề kết thúc trước khi bắt đầu ({timing.Groups["start"].Value} --> {timing.Groups["end"].Value}).");
            var first = ++i;
            while (i < lines.Length && lines[i].Trim().Length > 0)
                i++;
            var cueText = WebVtt.PlainText(lines[first..i].Select(l => Override().Replace(l, "")));
            if (cueText.Length > 0)
                cues.Add(new Cue(start, end, cueText));
        }
        return cues.Count == 0 ? (null, "Tệp phụ đề không có câu phụ đề nào.") : (cues, null);
    }

    /// <summary>"0:00:01,5" → "00:00:01.500": WebVTT's form, two-digit hours, three-digit milliseconds.</summary>
    private static string Normalize(string time)
    {
        var separator = time.IndexOfAny([',', '.']);
        return time[..separator].PadLeft(8, '0') + "." + time[(separator + 1)..].PadRight(3, '0');
    }

    private static string Shorten(string line) => line.Length <= 60 ? line.Trim() : line[..60].Trim() + "…";
}
