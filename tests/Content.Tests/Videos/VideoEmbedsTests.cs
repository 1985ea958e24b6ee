using CchcSite.Content.Videos;
using Microsoft.Extensions.Options;

namespace CchcSite.Content.Tests.Videos;

public sealed class VideoEmbedsTests
{
    private static VideoEmbeds Allowing(params EmbedProvider[] providers) =>
        new(Options.Create(new VideoOptions { EmbedProviders = providers }));

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s")]
    [InlineData("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ?si=abc")]
    [InlineData("https://www.youtube.com/shorts/dQw4w9WgXcQ")]
    [InlineData("  https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ  ")]
    public void Every_form_of_a_YouTube_link_is_stored_as_its_nocookie_player(string link)
    {
        Assert.Equal(new VideoEmbed(EmbedProvider.YouTube, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
            VideoEmbeds.Parse(link));
    }

    [Theory]
    [InlineData("https://www.facebook.com/SoGDDTSocTrang/videos/1234567890123/")]
    [InlineData("https://www.facebook.com/SoGDDTSocTrang/videos/tuyen-truyen-cchc/1234567890123")]
    [InlineData("https://m.facebook.com/watch/?v=1234567890123")]
    [InlineData("https://www.facebook.com/reel/1234567890123")]
    [InlineData("https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fwatch%2F%3Fv%3D1234567890123&show_text=false")]
    public void Every_form_of_a_Facebook_link_is_stored_as_its_player(string link)
    {
        var embed = VideoEmbeds.Parse(link)!;
        Assert.Equal((EmbedProvider.Facebook, "https://www.facebook.com/watch/?v=1234567890123", "https://www.facebook.com"),
            (embed.Provider, embed.WatchUrl, embed.FrameOrigin));
        // Stored once, read again the same: the player's own address names the same video.
        Assert.Equal(embed, VideoEmbeds.Parse(embed.EmbedUrl));
    }

    [Theory]
    [InlineData("https://vimeo.com/123456", "Không nhúng được video từ vimeo.com. Chỉ nhúng được video từ YouTube, Facebook.")]
    [InlineData("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ", "Không nhúng được video từ www.youtube.com.evil.example.")]
    [InlineData("https://www.youtube.com/@SoGDDT", "Không tìm thấy video trong địa chỉ này. Hãy mở video trên YouTube")]
    [InlineData("https://www.youtube.com/watch?v=<script>", "Không tìm thấy video trong địa chỉ này.")]
    [InlineData("javascript:alert(1)", "Địa chỉ video phải là một địa chỉ web đầy đủ")]
    public void A_link_that_names_no_video_of_an_allowed_service_is_refused_in_Vietnamese(string link, string message)
    {
        Assert.StartsWith(message, Allowing(EmbedProvider.YouTube, EmbedProvider.Facebook).Problem(link));
    }

    [Fact]
    public void A_service_the_administrator_did_not_allow_is_refused_and_its_stored_videos_are_shown_only_as_links()
    {
        var youTubeOnly = Allowing(EmbedProvider.YouTube);
        const string facebook = "https://www.facebook.com/watch/?v=1234567890123";

        Assert.Equal("Không nhúng được video từ www.facebook.com. Chỉ nhúng được video từ YouTube.", youTubeOnly.Problem(facebook));
        Assert.Null(youTubeOnly.For(VideoEmbeds.Parse(facebook)!.EmbedUrl));
        Assert.Null(youTubeOnly.Problem("https://youtu.be/dQw4w9WgXcQ"));
        Assert.StartsWith("Trang này chưa được phép", Allowing().Problem("https://youtu.be/dQw4w9WgXcQ")!.Split(". ")[1]);
    }
}
