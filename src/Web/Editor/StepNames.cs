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

    /// <summary>Steps that take something away from readers or from the writer's work: drawn as danger and confirmed first.</summary>
    public static bool IsDanger(WorkflowStep step) => step is WorkflowStep.Unpublish or WorkflowStep.Archive or WorkflowStep.SendBack or WorkflowStep.Discard;

    /// <summary>What will happen, in the words the confirmation and the line beside the button use; null for a step that only moves work on.</summary>
    public static string? Consequence(WorkflowStep step, bool onChange = false) => (step, onChange) switch
    {
        (WorkflowStep.Unpublish, _) => "Bài sẽ không còn hiển thị với người dân, trong tìm kiếm và API. Địa chỉ cũ sẽ trả về: "
            + "đăng nhầm – trang báo bài không còn; đã có bài thay thế – chuyển sang bài thay thế; thu hồi – trang vẫn còn, kèm thông báo thu hồi và lời giải thích.",
        (WorkflowStep.Archive, _) => "Bài sẽ được lưu trữ: không còn trong danh sách bài đang làm và không hiển thị với người dân.",
        (WorkflowStep.SendBack, true) => "Thay đổi được trả về cho người viết kèm góp ý; bản đang đăng giữ nguyên.",
        (WorkflowStep.SendBack, _) => "Bài được trả về bản nháp cho người viết sửa, kèm góp ý của bạn; bài chưa được đăng.",
        (WorkflowStep.Discard, _) => "Nội dung của thay đổi chờ duyệt sẽ bị bỏ (vẫn còn trong các phiên bản đã lưu); bản đang đăng giữ nguyên.",
        _ => null,
    };
}
