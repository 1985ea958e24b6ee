namespace CchcSite.Testing.Hostile;

/// <summary>
/// The hostile inputs every form and import is tried with, in one place so that a new form or import reuses them.
/// Files and spreadsheets are generated in the test (see the other classes in this folder), never shipped.
/// </summary>
public static class HostileInputs
{
    /// <summary>Script in the places a renderer or a view might let it through.</summary>
    public static readonly string[] Xss =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "\"><script>alert(1)</script>",
        "javascript:alert(1)",
        "[bấm vào đây](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"//evil.example\"></iframe>",
    ];

    /// <summary>Markdown that tries to style, position or re-identify elements through the attribute syntax.</summary>
    public static readonly string[] MarkdownAttributes =
    [
        "# Đăng nhập lại {style=\"position:fixed;top:0;left:0;width:100%;height:100%;z-index:2147483647;background:#fff\"}",
        "Đoạn văn {#noi-dung}",
        "[liên kết](https://evil.example){style=\"display:block\" .btn}",
        "<div style=\"position:fixed\" id=\"noi-dung\">x</div>",
    ];

    /// <summary>E-mail addresses that must be refused.</summary>
    public static readonly string[] BadEmails =
    [
        "\"<svg/onload=alert(1)>\"@example.com",
        "a@b",
        "nguoi dan@example.com",
        "a@example.com\r\nBcc: b@example.com",
        "@example.com",
        "a@",
    ];

    /// <summary>Host headers an attacker sends so that a link in a mail or a redirect points to them.</summary>
    public const string ForeignHost = "cong-dich-vu-cong.evil.example";
}
