using CchcSite.Content.Accounts;
using CchcSite.Content.Questions;
using CchcSite.Content.Units;

namespace CchcSite.Content.Tests.Questions;

/// <summary>The citizen-submission workflow as a table: every officer step, for every role, from every state.</summary>
public class SubmissionWorkflowTableTests
{
    private const int UnitId = 7;
    private const int OtherUnitId = 8;
    private static readonly DateTime Now = new(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc);

    public enum Role
    {
        Editor,
        Hotline,
        Approver,
        Administrator,
        OtherUnitsApprover,
    }

    private static UserGrants Grants(Role role) => role switch
    {
        Role.Editor => new("editor", true, false, [(UnitId, UnitRole.Editor)]),
        Role.Hotline => new("hotline", true, false, [(UnitId, UnitRole.HotlineOfficer)]),
        Role.Approver => new("approver", true, false, [(UnitId, UnitRole.Approver)]),
        Role.Administrator => new("admin", true, true, []),
        _ => new("stranger", true, false, [(OtherUnitId, UnitRole.Approver)]),
    };

    /// <summary>Who may take each step in the item's unit.</summary>
    private static readonly Dictionary<SubmissionStep, Role[]> RolesFor = new()
    {
        [SubmissionStep.Assigned] = [Role.Hotline, Role.Approver, Role.Administrator],
        [SubmissionStep.Forwarded] = [Role.Hotline, Role.Approver, Role.Administrator],
        [SubmissionStep.Answered] = [Role.Hotline, Role.Approver, Role.Administrator],
        [SubmissionStep.Published] = [Role.Approver, Role.Administrator],
        [SubmissionStep.Closed] = [Role.Approver, Role.Administrator],
        [SubmissionStep.Unpublished] = [Role.Approver, Role.Administrator],
        [SubmissionStep.Rejected] = [Role.Hotline, Role.Approver, Role.Administrator],
        [SubmissionStep.Merged] = [Role.Hotline, Role.Approver, Role.Administrator],
    };

    private static readonly SubmissionStatus[] Open = [SubmissionStatus.Received, SubmissionStatus.Assigned, SubmissionStatus.Answered];

    /// <summary>From which states each step is taken.</summary>
    private static readonly Dictionary<SubmissionStep, SubmissionStatus[]> StatesFor = new()
    {
        [SubmissionStep.Assigned] = Open,
        [SubmissionStep.Forwarded] = Open,
        [SubmissionStep.Answered] = Open,
        [SubmissionStep.Published] = [SubmissionStatus.Answered],
        [SubmissionStep.Closed] = [SubmissionStatus.Answered],
        [SubmissionStep.Unpublished] = [SubmissionStatus.Published],
        [SubmissionStep.Rejected] = Open,
        [SubmissionStep.Merged] = Open,
    };

    public static TheoryData<SubmissionStep, Role, SubmissionStatus> Cells()
    {
        var cells = new TheoryData<SubmissionStep, Role, SubmissionStatus>();
        foreach (var step in Enum.GetValues<SubmissionStep>())
            foreach (var role in Enum.GetValues<Role>())
                foreach (var status in Enum.GetValues<SubmissionStatus>())
                    cells.Add(step, role, status);
        return cells;
    }

    private static Submission Item(SubmissionStatus status, SubmissionKind kind = SubmissionKind.Question, bool consent = true, int id = 1,
        string code = "AAAAA22222") =>
        new()
        {
            Id = id, Kind = kind, TrackingCode = code, UnitId = UnitId, Unit = UnitWith(UnitId), Name = "Nguyễn Văn An", Title = "Câu hỏi",
            Text = "Nội dung", PublishConsent = consent, Status = status, AnswerMarkdown = status == SubmissionStatus.Received ? null : "Trả lời",
        };

    private static Unit UnitWith(int id, bool active = true) =>
        new() { Id = id, Slug = $"don-vi-{id}", Name = $"Đơn vị {id}", ShortName = $"ĐV {id}", IsActive = active };

    /// <summary>Facts in which the answer was written by someone outside the table's roles, so the two-person rule stays out of the way.</summary>
    private static SubmissionFacts Facts(Submission item, bool selfPublishing = false, string? writtenBy = "another-officer", string? lastEditedBy = null) =>
        new(item, selfPublishing, writtenBy, lastEditedBy ?? writtenBy);

    /// <summary>A command for the step whose input is acceptable, and the facts it names.</summary>
    private static (SubmissionCommand Command, SubmissionFacts Facts) Valid(SubmissionStep step, SubmissionFacts facts) => step switch
    {
        SubmissionStep.Assigned => (new SubmissionCommand.Assign("hotline"), facts with { Officers = [new Officer("hotline", "Cán bộ tiếp nhận")] }),
        SubmissionStep.Forwarded => (new SubmissionCommand.Forward(OtherUnitId, "Thuộc thẩm quyền đơn vị khác"), facts with { ForwardTo = UnitWith(OtherUnitId) }),
        SubmissionStep.Answered => (new SubmissionCommand.Answer(" Hồ sơ gồm **đơn**. "), facts),
        SubmissionStep.Published => (new SubmissionCommand.Publish(), facts),
        SubmissionStep.Closed => (new SubmissionCommand.Close(), facts),
        SubmissionStep.Unpublished => (new SubmissionCommand.Unpublish("Quy định đã thay đổi"), facts),
        SubmissionStep.Rejected => (new SubmissionCommand.Reject(RejectionKind.Spam, "Quảng cáo"), facts),
        _ => (new SubmissionCommand.Merge("bbbbb-33333"), facts with { MergeInto = Item(SubmissionStatus.Received, id: 2, code: "BBBBB33333") }),
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Each_step_is_taken_only_by_its_roles_and_from_its_states(SubmissionStep step, Role role, SubmissionStatus status)
    {
        var expected = RolesFor.TryGetValue(step, out var roles) && roles.Contains(role) && StatesFor[step].Contains(status);
        var facts = Facts(Item(status));

        var decision = SubmissionWorkflow.Check(facts, step, Grants(role));

        Assert.Equal(expected, decision.Allowed);
        if (!expected)
            Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
        if (step != SubmissionStep.Received)
            Assert.Equal(expected, SubmissionWorkflow.Check(Valid(step, facts).Facts, Valid(step, facts).Command, Grants(role)).Allowed);
    }

    [Theory]
    [InlineData(SubmissionStep.Assigned, SubmissionStatus.Received, SubmissionStatus.Assigned)]
    [InlineData(SubmissionStep.Assigned, SubmissionStatus.Answered, SubmissionStatus.Answered)]
    [InlineData(SubmissionStep.Forwarded, SubmissionStatus.Answered, SubmissionStatus.Received)]
    [InlineData(SubmissionStep.Answered, SubmissionStatus.Assigned, SubmissionStatus.Answered)]
    [InlineData(SubmissionStep.Published, SubmissionStatus.Answered, SubmissionStatus.Published)]
    [InlineData(SubmissionStep.Closed, SubmissionStatus.Answered, SubmissionStatus.Closed)]
    [InlineData(SubmissionStep.Unpublished, SubmissionStatus.Published, SubmissionStatus.Closed)]
    [InlineData(SubmissionStep.Rejected, SubmissionStatus.Received, SubmissionStatus.Rejected)]
    [InlineData(SubmissionStep.Merged, SubmissionStatus.Assigned, SubmissionStatus.Merged)]
    public void Applying_an_allowed_step_moves_the_item_to_its_next_state(SubmissionStep step, SubmissionStatus from, SubmissionStatus to)
    {
        var (command, facts) = Valid(step, Facts(Item(from)));
        Assert.True(SubmissionWorkflow.Check(facts, command, Grants(Role.Approver)).Allowed);

        SubmissionWorkflow.Apply(facts, command, Now);

        Assert.Equal(to, facts.Item.Status);
        Assert.Equal(step, command.Step);
    }

    [Fact]
    public void Apply_records_what_each_step_carries()
    {
        var (answer, answered) = Valid(SubmissionStep.Answered, Facts(Item(SubmissionStatus.Assigned)));
        SubmissionWorkflow.Apply(answered, answer, Now);
        Assert.Equal(("Hồ sơ gồm **đơn**.", (int?)UnitId), (answered.Item.AnswerMarkdown, answered.Item.AnsweredByUnitId));

        var (forward, forwarded) = Valid(SubmissionStep.Forwarded, Facts(Item(SubmissionStatus.Answered)));
        SubmissionWorkflow.Apply(forwarded, forward, Now);
        Assert.Equal((OtherUnitId, (string?)null, (string?)null), (forwarded.Item.UnitId, forwarded.Item.AnswerMarkdown, forwarded.Item.AssignedUserId));

        var (publish, published) = Valid(SubmissionStep.Published, Facts(Item(SubmissionStatus.Answered)));
        SubmissionWorkflow.Apply(published, publish, Now);
        Assert.Equal(((DateTime?)Now, (DateTime?)Now), (published.Item.AnsweredAt, published.Item.PublishedAt));

        var (reject, rejected) = Valid(SubmissionStep.Rejected, Facts(Item(SubmissionStatus.Received)));
        SubmissionWorkflow.Apply(rejected, reject, Now);
        Assert.Equal("Nội dung rác, quấy rối: Quảng cáo", rejected.Item.RejectionReason);

        var (merge, merged) = Valid(SubmissionStep.Merged, Facts(Item(SubmissionStatus.Received)));
        SubmissionWorkflow.Apply(merged, merge, Now);
        Assert.Equal((int?)2, merged.Item.MergedIntoId);
    }

    [Theory]
    [InlineData(SubmissionStep.Published)]
    [InlineData(SubmissionStep.Closed)]
    public void The_approver_who_wrote_or_last_edited_the_answer_does_not_release_it(SubmissionStep release)
    {
        var approver = Grants(Role.Approver);
        var wrote = SubmissionWorkflow.Check(Facts(Item(SubmissionStatus.Answered), writtenBy: "approver", lastEditedBy: "hotline"), release, approver);
        var edited = SubmissionWorkflow.Check(Facts(Item(SubmissionStatus.Answered), writtenBy: "hotline", lastEditedBy: "approver"), release, approver);

        Assert.False(wrote.Allowed);
        Assert.False(edited.Allowed);
        Assert.Contains("hai người", edited.Reason);
        Assert.True(SubmissionWorkflow.Check(Facts(Item(SubmissionStatus.Answered), writtenBy: "hotline"), release, approver).Allowed);
        Assert.True(SubmissionWorkflow.Check(Facts(Item(SubmissionStatus.Answered), selfPublishing: true, writtenBy: "approver"), release, approver).Allowed);
        Assert.True(SubmissionWorkflow.Check(Facts(Item(SubmissionStatus.Answered), writtenBy: "admin"), release, Grants(Role.Administrator)).Allowed);
    }

    [Fact]
    public void Taking_a_question_out_of_the_column_is_not_a_release_and_its_writer_may_do_it()
    {
        Assert.True(SubmissionWorkflow.Check(Facts(Item(SubmissionStatus.Published), writtenBy: "approver"), SubmissionStep.Unpublished,
            Grants(Role.Approver)).Allowed);
    }

    [Fact]
    public void The_answers_writer_and_last_editor_come_from_the_history_since_the_item_reached_its_unit()
    {
        var item = Item(SubmissionStatus.Answered);
        item.History =
        [
            new() { Step = SubmissionStep.Received },
            new() { Step = SubmissionStep.Answered, UserId = "before-forward" },
            new() { Step = SubmissionStep.Forwarded, UserId = "before-forward" },
            new() { Step = SubmissionStep.Assigned, UserId = "lead" },
            new() { Step = SubmissionStep.Answered, UserId = "writer" },
            new() { Step = SubmissionStep.Answered, UserId = "middle" },
            new() { Step = SubmissionStep.Answered, UserId = "editor" },
        ];
        item.Unit.AllowSelfPublishing = true;

        var facts = SubmissionFacts.Of(item);

        Assert.Equal(("writer", "editor", true), (facts.AnswerWrittenBy, facts.AnswerLastEditedBy, facts.UnitAllowsSelfPublishing));
    }

    [Fact]
    public void Only_questions_whose_asker_consented_go_to_the_column()
    {
        var approver = Grants(Role.Approver);
        Assert.Contains("đồng ý công khai",
            SubmissionWorkflow.Check(Facts(Item(SubmissionStatus.Answered, consent: false)), SubmissionStep.Published, approver).Reason);
        Assert.Contains("Phản ánh",
            SubmissionWorkflow.Check(Facts(Item(SubmissionStatus.Answered, SubmissionKind.Feedback)), SubmissionStep.Published, approver).Reason);
        Assert.True(SubmissionWorkflow.Check(Facts(Item(SubmissionStatus.Answered, SubmissionKind.Feedback)), SubmissionStep.Closed, approver).Allowed);
    }

    public static TheoryData<string, SubmissionCommand, Func<SubmissionFacts, SubmissionFacts>> BadInputs() => new()
    {
        { "phân công", new SubmissionCommand.Assign("nobody"), f => f with { Officers = [new Officer("hotline", "Cán bộ")] } },
        { "chuyển", new SubmissionCommand.Forward(OtherUnitId, "  "), f => f with { ForwardTo = UnitWith(OtherUnitId) } },
        { "đơn vị khác", new SubmissionCommand.Forward(UnitId, "Lý do"), f => f with { ForwardTo = UnitWith(UnitId) } },
        { "đơn vị khác", new SubmissionCommand.Forward(OtherUnitId, "Lý do"), f => f with { ForwardTo = UnitWith(OtherUnitId, active: false) } },
        { "đơn vị khác", new SubmissionCommand.Forward(99, "Lý do"), f => f },
        { "trả lời", new SubmissionCommand.Answer(" "), f => f },
        { "trả lời", new SubmissionCommand.Answer(new string('x', SubmissionInbox.MaxAnswer + 1)), f => f },
        { "từ chối", new SubmissionCommand.Reject(RejectionKind.OutOfScope, ""), f => f },
        { "từ chối", new SubmissionCommand.Reject(RejectionKind.OutOfScope, new string('x', SubmissionInbox.MaxReason + 1)), f => f },
        { "gộp", new SubmissionCommand.Merge("ZZZZZ99999"), f => f },
        { "gộp", new SubmissionCommand.Merge("AAAAA22222"), f => f with { MergeInto = f.Item } },
        { "gộp", new SubmissionCommand.Merge("CCCCC44444"), f => f with { MergeInto = Item(SubmissionStatus.Received, SubmissionKind.Feedback, id: 3) } },
        { "gộp", new SubmissionCommand.Merge("CCCCC44444"), f => f with { MergeInto = Item(SubmissionStatus.Rejected, id: 3) } },
        { "gộp", new SubmissionCommand.Merge("CCCCC44444"), f => f with { MergeInto = Item(SubmissionStatus.Merged, id: 3) } },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void A_step_with_bad_input_is_refused_with_a_vietnamese_reason(string reasonWord, SubmissionCommand command, Func<SubmissionFacts, SubmissionFacts> facts)
    {
        var decision = SubmissionWorkflow.Check(facts(Facts(Item(SubmissionStatus.Assigned))), command, Grants(Role.Approver));

        Assert.False(decision.Allowed);
        Assert.Contains(reasonWord, decision.Reason, StringComparison.OrdinalIgnoreCase);
    }
}
