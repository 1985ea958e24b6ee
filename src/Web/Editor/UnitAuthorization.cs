using System.Security.Claims;
using CchcSite.Content.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace CchcSite.Web.Editor;

/// <summary>"May this user take this action on an item of that unit?" The resource is the unit's id.</summary>
public sealed record UnitActionRequirement(EditorAction Action) : IAuthorizationRequirement;

/// <summary>Answers every <see cref="UnitActionRequirement"/> from the one rule table, <see cref="Permissions"/>.</summary>
public sealed class UnitActionHandler(CurrentEditor editor, Content.Units.UnitDirectory units) : AuthorizationHandler<UnitActionRequirement, int>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, UnitActionRequirement requirement, int unitId)
    {
        var ancestors = Permissions.ReachesSubUnits(requirement.Action) ? await units.AncestorIdsAsync(unitId, CancellationToken.None) : [];
        if (Permissions.Allows(await editor.GrantsAsync(), requirement.Action, unitId, ancestors))
            context.Succeed(requirement);
    }
}

/// <summary>The signed-in user's grants, read once per request.</summary>
public sealed class CurrentEditor(IHttpContextAccessor http, UserGrantsReader reader)
{
    private UserGrants? _grants;

    public string? UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The signed-in user as the audit log names them, with the address of this request.</summary>
    public Content.Audit.Actor Actor => new(UserId ?? "", http.HttpContext?.User.Identity?.Name, AddressOf(http.HttpContext));

    /// <summary>
    /// The client's full address, for the audit log (a configured proxy's forwarded address by then). Rate limits
    /// count by <see cref="Hosting.ClientAddress.PartitionKey(HttpContext?)"/> instead, which groups an IPv6 /64.
    /// </summary>
    public static string? AddressOf(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString();

    public async Task<UserGrants> GrantsAsync() =>
        _grants ??= await reader.ReadAsync(UserId, http.HttpContext?.RequestAborted ?? CancellationToken.None);
}

public static class UnitAuthorization
{
    /// <summary>Asks the one rule table, through the authorization service, whether the user may act on an item of the unit.</summary>
    public static async Task<bool> MayAsync(this IAuthorizationService authorization, ClaimsPrincipal user, int unitId, EditorAction action) =>
        (await authorization.AuthorizeAsync(user, unitId, new UnitActionRequirement(action))).Succeeded;
}

public static class EditorPolicies
{
    /// <summary>Signed in and still active: the door of the editor area. Each action then asks the unit table.</summary>
    public const string Editor = "editor";

    /// <summary>Active and an administrator: users, the audit log, the search index.</summary>
    public const string Administrator = "administrator";

    public static AuthorizationPolicy ActiveEditor { get; } = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .AddRequirements(new ActiveEditorRequirement(AdministratorOnly: false))
        .Build();

    public static AuthorizationPolicy ActiveAdministrator { get; } = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .AddRequirements(new ActiveEditorRequirement(AdministratorOnly: true))
        .Build();
}

public sealed record ActiveEditorRequirement(bool AdministratorOnly) : IAuthorizationRequirement;

public sealed class ActiveEditorHandler(CurrentEditor editor) : AuthorizationHandler<ActiveEditorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ActiveEditorRequirement requirement)
    {
        var grants = await editor.GrantsAsync();
        if (grants.IsActive && (grants.IsAdministrator || !requirement.AdministratorOnly))
            context.Succeed(requirement);
    }
}
