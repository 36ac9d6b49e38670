using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Migrations.Seeding;

/// <summary>A demo studio for ./run.sh: seeded once, recognised afterwards by its slug.</summary>
internal static class DemoSeed
{
    public const string Slug = "demo-studio";

    public static async Task<bool> RunAsync(string connectionString, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        await using var db = AppDbContext.Create(connectionString);
        if (await db.Organizations.AnyAsync(o => o.Slug == Slug, cancellationToken)) return false;

        var now = clock.GetUtcNow();
        db.Organizations.Add(Organization.Create(Guid.CreateVersion7(), "Demo Studio", Slug, "Europe/London", "GB", now).Value);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
