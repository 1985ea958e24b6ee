using CchcSite.Content.Text;

namespace CchcSite.Content.Tests.Questions;

/// <summary>The e-mail rule citizens' submissions use: the plain addresses people have, nothing a header or a page could misread.</summary>
public class EmailAddressRuleTests
{
    [Theory]
    [InlineData("nguyen.van.a@sotc.soctrang.gov.vn")]
    [InlineData("an@example.vn")]
    [InlineData("tran_thi-binh+hoi-dap@gmail.com")]
    [InlineData("O'Brien@Example.COM")]
    [InlineData("a1@xn--bcher-kva.example")]
    public void Ordinary_addresses_are_accepted(string address) => Assert.True(EmailAddressRule.IsValid(address));

    [Theory]
    [InlineData("\"<svg/onload=alert(1)>\"@example.com")]
    [InlineData("\"an\"@example.com")]
    [InlineData("an <an@example.com>")]
    [InlineData("an@example.com (ghi chú)")]
    [InlineData("nguoi dan@example.com")]
    [InlineData("an@example.com\n")]
    [InlineData("an@example.com\r\nBcc: b@example.com")]
    [InlineData("an\t@example.com")]
    [InlineData("a@b")]
    [InlineData("a@localhost")]
    [InlineData("a@example.c")]
    [InlineData("a@example.123")]
    [InlineData("a@-example.com")]
    [InlineData("a@example-.com")]
    [InlineData("a@example..com")]
    [InlineData("a@[127.0.0.1]")]
    [InlineData(".an@example.com")]
    [InlineData("an.@example.com")]
    [InlineData("n..an@example.com")]
    [InlineData("an@@example.com")]
    [InlineData("@example.com")]
    [InlineData("a@")]
    [InlineData("nguyễn@example.vn")]
    [InlineData("an@ví-dụ.vn")]
    [InlineData("")]
    public void Anything_else_is_refused(string address) => Assert.False(EmailAddressRule.IsValid(address));

    [Fact]
    public void Lengths_past_the_mail_limits_are_refused()
    {
        Assert.False(EmailAddressRule.IsValid(new string('a', 65) + "@example.com"));
        Assert.True(EmailAddressRule.IsValid(new string('a', 64) + "@example.com"));
        Assert.False(EmailAddressRule.IsValid("a@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 5)) + ".vn"));
    }
}
