using CchcSite.Content.Posts;

namespace CchcSite.Web.Editor;

public static class StepNames
{
    public static string Of(WorkflowStep step) => step switch
    {
        WorkflowStep.Submit => "Gửi duyệt",
        WorkflowStep.Publish => "Duyệt và đăng",
        WorkflowStep.SendBack => "Trả lại để sửa",
        WorkflowStep.Unpublish => "Gỡ bài",
        WorkflowStep.Archive => "Lưu trữ",
        _ => "Chuyển về bản nháp",
    };
}
