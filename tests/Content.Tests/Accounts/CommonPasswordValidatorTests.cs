using CchcSite.Content.Accounts;

namespace CchcSite.Content.Tests.Accounts;

public sealed class CommonPasswordValidatorTests
{
    private const string SiteName = "Cổng thông tin cải cách hành chính";
    private const string Email = "nguyen.van.an@soctrang.gov.vn";

    private static string? Refusal(string password, string email = Email) => CommonPasswordValidator.Check(password, email, SiteName)?.Code;

    [Theory]
    [InlineData("Password123")]
    [InlineData("password")]
    [InlineData("PASSWORD2026!")]
    [InlineData("P@ssw0rd2026")]
    [InlineData("!!Password99")]
    [InlineData("Qwertyuiop12")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("Iloveyou2025")]
    [InlineData("Matkhau12345")]
    [InlineData("Mật khẩu 2026")]
    [InlineData("AnhYeuEm1234")]
    [InlineData("Admin@123456")]
    [InlineData("Welcome2026!")]
    public void Well_known_passwords_and_their_usual_decorations_are_refused(string password) =>
        Assert.Equal("PasswordTooCommon", Refusal(password));

    [Theory]
    [InlineData("aaaaaaaaaA1")]
    [InlineData("Aaaaaaaaaaaa")]
    [InlineData("abababab1A")]
    [InlineData("Abcdefghij1")]
    [InlineData("Zyxwvutsr9")]
    [InlineData("0123456789")]
    [InlineData("Mauxanh11111X")]
    public void Runs_repetitions_and_sequences_are_refused(string password) =>
        Assert.Equal("PasswordRepetitive", Refusal(password));

    [Theory]
    [InlineData("NguyenVanAn2026x")]
    [InlineData("toi-la-Nguyen-78")]
    public void The_name_in_the_e_mail_address_is_refused(string password) =>
        Assert.Equal("PasswordContainsEmail", Refusal(password));

    [Theory]
    [InlineData("CaiCachHanhChinh2026")]
    [InlineData("Cải cách 2026 xong")]
    [InlineData("Soctrang-CCHC-2026")]
    public void The_site_name_is_refused(string password) =>
        Assert.Equal("PasswordContainsSiteName", Refusal(password, "lan@example.gov.vn"));

    [Theory]
    [InlineData("MatKhau2026Manh")]
    [InlineData("Ba con mèo trèo cây cau 7")]
    [InlineData("Tr4ngSuoi-QuaDeo-48")]
    [InlineData("correct horse battery staple 9X")]
    public void Long_uncommon_passwords_pass(string password) => Assert.Null(Refusal(password));

    [Fact]
    public void The_shipped_list_holds_thousands_of_entries_and_the_top_ones()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(CommonPasswordValidator.ResourceName);
        Assert.NotNull(stream);
        var entries = new StreamReader(stream).ReadToEnd().Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.True(entries.Count > 2500, $"{entries.Count} entries");
        Assert.Contains("123456", entries);
        Assert.Contains("matkhau", entries);
        Assert.All(entries, e => Assert.Equal(e.ToLowerInvariant(), e));
    }
}
