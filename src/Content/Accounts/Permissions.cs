namespace CchcSite.Content.Accounts;

/// <summary>What a user asks to do to an item of a unit.</summary>
public enum EditorAction
{
    ReadDraft,
    Edit,
    Submit,
    Publish,
    Unpublish,
    Upload,
    /// <summary>Write the answer to a citizen's question or feedback.</summary>
    Answer,
    ManageUnit,
    /// <summary>See a unit's inbox of questions and feedback with the citizens' contact details; assign, forward, reject, merge.</summary>
    HandleSubmission,
    /// <summary>Release an answer: publish it in the Q&amp;A column or send it to the citizen.</summary>
    PublishAnswer,
    /// <summary>See plans, the compliance dashboard and periodic reports.</summary>
    ViewPlans,
    /// <summary>Create and edit plans and their items, import items.</summary>
    ManagePlans,
    /// <summary>Enter, import and correct reform index results that the unit publishes.</summary>
    ManageIndexResults,
    /// <summary>Create, edit and import the administrative procedures (TTHC) a unit handles; each save is a revision.</summary>
    ManageProcedures,
    /// <summary>Import the monthly results of handling dossiers (kết quả giải quyết hồ sơ TTHC) of the unit's one-stop desk.</summary>
    ManageDossierResults,
    /// <summary>See how many people receive a unit's news by e-mail (counts only; the addresses are administrators').</summary>
    ViewSubscriberCounts,
    /// <summary>Write the unit's "Giới thiệu" page (functions, organisation, leaders, English version).</summary>
    EditUnitProfile,
    /// <summary>Send the unit's periodic report, frozen with its narrative, to the unit that oversees it.</summary>
    SubmitReport,
    /// <summary>Receive the reports of overseen units: the inbox by period, acknowledge or return with a comment, the summary.</summary>
    ReceiveReports,
    /// <summary>Offer a published post of the unit to an ancestor's section (its editorial board decides).</summary>
    ProposePost,
    /// <summary>As the unit's editorial board, accept a sub-unit's proposed post into the unit's section, or decline it with a reason.</summary>
    DecideProposal,
    /// <summary>
    /// As the unit's editorial board, choose whether its section takes every published post of its sub-units automatically
    /// or only those the board accepts (<see cref="Units.Unit.AcceptsSubUnitPostsAutomatically"/>).
    /// </summary>
    ChooseSubUnitIntake,
    /// <summary>
    /// Run the unit's online reform contests: review a contest submitted for review and publish it or return it, take it back
    /// to draft before its first round opens, correct a published contest's questions (which rescores), and see, export and
    /// disqualify the entries with the participants' contact details.
    /// </summary>
    ManageContests,
    /// <summary>Run the unit's surveys: create from a template, edit questions until the first response, open, close, read the results, publish them.</summary>
    ManageSurveys,
    /// <summary>
    /// Save a closed SIPAS-style survey's overall satisfaction as the unit's SIPAS result for the year it closed, replacing the
    /// result the unit published for that year: a figure the public index pages and the API then show as the unit's.
    /// </summary>
    SaveSurveySipasResult,
    /// <summary>Prepare a contest of the unit as a draft (the contest, its rounds, its question bank) and submit it for review.</summary>
    PrepareContests,
}

/// <summary>
/// The one table of who may do what. Pages, API endpoints and background jobs all ask it; nothing else
/// decides. A membership counts only in its own unit: holding a role in a parent unit gives nothing in its
/// children, so that a province approver never publishes for a department by accident. The one exception is
/// reading plans and reports: a parent unit follows how its sub-units keep their plans. An overseer's membership
/// reaches the units its unit oversees; that widening happens when grants are read (<see cref="Oversight.OversightReach"/>).
/// </summary>
public static class Permissions
{
    private static readonly Dictionary<UnitRole, HashSet<EditorAction>> Allowed = new()
    {
        [UnitRole.Editor] = [EditorAction.ReadDraft, EditorAction.Edit, EditorAction.Submit, EditorAction.Upload, EditorAction.ViewPlans,
            EditorAction.PrepareContests],
        [UnitRole.Approver] = [EditorAction.ReadDraft, EditorAction.Edit, EditorAction.Submit, EditorAction.Publish,
            EditorAction.Unpublish, EditorAction.Upload, EditorAction.Answer, EditorAction.HandleSubmission, EditorAction.PublishAnswer,
            EditorAction.ViewPlans, EditorAction.ManagePlans, EditorAction.ManageIndexResults, EditorAction.ViewSubscriberCounts, EditorAction.EditUnitProfile, EditorAction.ManageProcedures,
            EditorAction.ManageDossierResults, EditorAction.SubmitReport, EditorAction.ManageContests,
            EditorAction.ManageSurveys, EditorAction.SaveSurveySipasResult, EditorAction.PrepareContests, EditorAction.ProposePost, EditorAction.DecideProposal,
            EditorAction.ChooseSubUnitIntake],
        [UnitRole.HotlineOfficer] = [EditorAction.Answer, EditorAction.HandleSubmission],
        // Reads only. Not HandleSubmission: the inbox shows citizens' names and contacts; the overseer sees the
        // question and feedback figures in the periodic reports instead.
        // Receiving reports is the overseer's one write: it changes the report's review, never the unit's content.
        [UnitRole.Overseer] = [EditorAction.ReadDraft, EditorAction.ViewPlans, EditorAction.ReceiveReports],
    };

    private static readonly HashSet<EditorAction> ReachSubUnits = [EditorAction.ViewPlans];

    public static bool RoleAllows(UnitRole role, EditorAction action) => Allowed[role].Contains(action);

    /// <summary>Whether a grant of the action in a unit also covers the units below it.</summary>
    public static bool ReachesSubUnits(EditorAction action) => ReachSubUnits.Contains(action);

    /// <summary>
    /// The decision for a user, an action and the unit the item belongs to. <paramref name="ancestorIds"/> are the
    /// unit's parents up to the root; they count only for actions that reach sub-units.
    /// </summary>
    public static bool Allows(UserGrants user, EditorAction action, int unitId, IReadOnlyCollection<int>? ancestorIds = null) =>
        user.IsActive && (user.IsAdministrator || user.Roles.Any(r => RoleAllows(r.Role, action)
            && (r.UnitId == unitId || (ReachesSubUnits(action) && ancestorIds?.Contains(r.UnitId) == true))));

    /// <summary>
    /// Subscribers' e-mail addresses are personal data held for one purpose: only administrators see the list. Approvers
    /// see counts (<see cref="EditorAction.ViewSubscriberCounts"/>).
    /// </summary>
    public static bool MaySeeSubscriberAddresses(UserGrants user) => user.IsActive && user.IsAdministrator;

    /// <summary>The units in which the user may take the action at all (administrators: every unit, shown as null).</summary>
    public static IReadOnlySet<int>? UnitsAllowing(UserGrants user, EditorAction action) =>
        !user.IsActive ? new HashSet<int>()
        : user.IsAdministrator ? null
        : user.Roles.Where(r => RoleAllows(r.Role, action)).Select(r => r.UnitId).ToHashSet();
}

/// <summary>What the authorization table needs to know of a user.</summary>
public sealed record UserGrants(string UserId, bool IsActive, bool IsAdministrator, IReadOnlyList<(int UnitId, UnitRole Role)> Roles)
{
    public static readonly UserGrants Nobody = new("", false, false, []);
}

public static class UnitRoleNames
{
    public static string Vietnamese(this UnitRole role) => role switch
    {
        UnitRole.Editor => "Biên tập viên",
        UnitRole.Approver => "Lãnh đạo duyệt",
        UnitRole.Overseer => "Theo dõi, giám sát",
        _ => "Cán bộ tiếp nhận",
    };
}
