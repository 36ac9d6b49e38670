namespace UnifiedCustomers.Infrastructure.Persistence;

/// <summary>
/// Who connects to the database. Migrations and the consolidation connect as the owner of the
/// tables; the API connects as <see cref="App"/>, which owns nothing and is not a superuser, so
/// row-level security applies to it (see docs/adr/0005).
/// </summary>
public static class DatabaseRoles
{
    public const string App = "uc_app";
}
