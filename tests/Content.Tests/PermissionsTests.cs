using CchcSite.Content.Accounts;

namespace CchcSite.Content.Tests;

/// <summary>The authorization rules, written out as the table they are.</summary>
public class PermissionsTests
{
    private const int OwnUnit = 1;
    private const int OtherUnit = 2;

    // Role → the actions it allows in its own unit. Everything not listed is refused.
    public static TheoryData<UnitRole, EditorAction, bool> Table()
    {
        var allowed = new Dictionary<UnitRole, EditorAction[]>
        {
            [UnitRole.Editor] = [EditorAction.ReadDraft, EditorAction.Edit, EditorAction.Submit, EditorAction.Upload, EditorAction.ViewPlans, EditorAction.PrepareContests],
            [UnitRole.Approver] = [EditorAction.ReadDraft, EditorAction.Edit, EditorAction.Submit, EditorAction.Publish, EditorAction.Unpublish, EditorAction.Upload, EditorAction.Answer,
                EditorAction.HandleSubmission, EditorAction.PublishAnswer, EditorAction.ViewPlans, EditorAction.ManagePlans, EditorAction.ManageIndexResults,
                EditorAction.ViewSubscriberCounts, EditorAction.ManageProcedures, EditorAction.ManageDossierResults, EditorAction.EditUnitProfile, EditorAction.SubmitReport, EditorAction.ManageContests,
                EditorAction.ManageSurveys, EditorAction.SaveSurveySipasResult, EditorAction.PrepareContests, EditorAction.ProposePost, EditorAction.DecideProposal, EditorAction.ChooseSubUnitIntake],
            [UnitRole.HotlineOfficer] = [EditorAction.Answer, EditorAction.HandleSubmission],
            // Reads, never writes, never the citizens' contact details (HandleSubmission).
            [UnitRole.Overseer] = [EditorAction.ReadDraft, EditorAction.ViewPlans, EditorAction.ReceiveReports],
        };
        var data = new TheoryData<UnitRole, EditorAction, bool>();
        foreach (var role in Enum.GetValues<UnitRole>())
            foreach (var action in Enum.GetValues<EditorAction>())
                data.Add(role, action, allowed[role].Contains(action));
        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void A_role_allows_exactly_its_actions_in_its_own_unit_and_nothing_elsewhere(UnitRole role, EditorAction action, bool expected)
    {
        var user = new UserGrants("u", IsActive: true, IsAdministrator: false, [(OwnUnit, role)]);
        Assert.Equal(expected, Permissions.Allows(user, action, OwnUnit));
        Assert.False(Permissions.Allows(user, action, OtherUnit));
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Only_reading_plans_reaches_from_a_parent_unit_into_its_sub_units(UnitRole role, EditorAction action, bool expected)
    {
        var user = new UserGrants("u", IsActive: true, IsAdministrator: false, [(OwnUnit, role)]);
        // OtherUnit as a child of OwnUnit, then as its parent: a grant never reaches upwards.
        Assert.Equal(expected && action == EditorAction.ViewPlans, Permissions.Allows(user, action, OtherUnit, [OwnUnit]));
        Assert.False(Permissions.Allows(user, action, OtherUnit, []));
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void A_deactivated_user_may_do_nothing(UnitRole role, EditorAction action, bool _)
    {
        var user = new UserGrants("u", IsActive: false, IsAdministrator: false, [(OwnUnit, role)]);
        Assert.False(Permissions.Allows(user, action, OwnUnit));
        Assert.Empty(Permissions.UnitsAllowing(user, action)!);
    }

    [Fact]
    public void An_administrator_may_do_everything_everywhere()
    {
        var admin = new UserGrants("a", true, true, []);
        Assert.All(Enum.GetValues<EditorAction>(), action => Assert.True(Permissions.Allows(admin, action, OtherUnit)));
        Assert.Null(Permissions.UnitsAllowing(admin, EditorAction.Publish));
    }

    [Fact]
    public void Roles_in_several_units_combine_unit_by_unit()
    {
        var user = new UserGrants("u", true, false, [(OwnUnit, UnitRole.Editor), (OtherUnit, UnitRole.Approver)]);
        Assert.False(Permissions.Allows(user, EditorAction.Publish, OwnUnit));
        Assert.True(Permissions.Allows(user, EditorAction.Publish, OtherUnit));
        Assert.Equal([OwnUnit, OtherUnit], Permissions.UnitsAllowing(user, EditorAction.Edit)!.Order());
        Assert.Equal([OtherUnit], Permissions.UnitsAllowing(user, EditorAction.Publish)!);
    }

    [Fact]
    public void Nobody_may_do_anything() =>
        Assert.All(Enum.GetValues<EditorAction>(), action => Assert.False(Permissions.Allows(UserGrants.Nobody, action, OwnUnit)));
}
