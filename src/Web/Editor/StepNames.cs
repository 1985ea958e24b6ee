using CchcSite.Content.Posts;

namespace CchcSite.Web.Editor;

public static class StepNames
{
    /// <summary>The button of a step; <paramref name="onChange"/> when it acts on the post's pending change rather than the post.</summary>
    public static string Of(WorkflowStep step, bool onChange = false) => (step, onChange) switch
    {
        (WorkflowStep.Submit, true) => "Gửi duyệt thay đổi",
        (WorkflowStep.Publish, true) => "Duyệt và đăng thay đổi",
        (WorkflowStep.SendBack, true) => "Trả lại thay đổi để sửa",
        (WorkflowStep.Submit, _) => "Gửi duyệt",
        (WorkflowStep.Publish, _) => "Duyệt và đăng",
        (WorkflowStep.SendBack, _) => "Trả lại để sửa",
        (WorkflowStep.Unpublish, _) => "Gỡ bài",
        (WorkflowStep.Archive, _) => "Lưu trữ",
        (WorkflowStep.Discard, _) => "Hủy thay đổi chờ duyệt",
        _ => "Chuyển về bản nháp",
    };

    /// <summary>What the editor is told once a step on a pending change is done.</summary>
    public static string ChangeDone(WorkflowStep step) => step switch
    {
        WorkflowStep.Submit => "Đã gửi duyệt thay đổi. Bản đang đăng giữ nguyên cho đến khi lãnh đạo duyệt.",
        WorkflowStep.Publish => "Đã duyệt: thay đổi đã thay cho bản đang đăng.",
        WorkflowStep.SendBack => "Đã trả lại thay đổi để sửa. Bản đang đăng giữ nguyên.",
        WorkflowStep.Discard => "Đã hủy thay đổi chờ duyệt. Bản đang đăng giữ nguyên.",
        _ => "Bài viết đã chuyển về bản nháp, với nội dung của thay đổi.",
    };
}
