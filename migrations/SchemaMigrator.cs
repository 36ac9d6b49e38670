using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Migrations;

/// <summary>Applies pending schema migrations; used by the CLI, by run.sh and by the test fixtures.</summary>
public static class SchemaMigrator
{
    public static async Task<IReadOnlyList<string>> UpAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var db = AppDbContext.Create(connectionString);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }
}
