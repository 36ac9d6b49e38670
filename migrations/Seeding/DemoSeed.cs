using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Migrations.Seeding;

/// <summary>
/// A demo studio for ./run.sh: seeded once, recognised afterwards by its slug. Everything is built
/// through the domain's factories, with fixed names, relative to the day it runs: a week of classes
/// from today, and customers in every lifecycle status with the purchases that explain it.
/// </summary>
internal static class DemoSeed
{
    public const string Slug = "demo-studio";
    /// <summary>Fixed, so docs and API examples can name the demo organization.</summary>
    public static readonly Guid OrganizationId = new("0193a1b0-0000-7000-8000-00000000dec0");

    /// <param name="output">where to print what was created; the console when not given</param>
    public static async Task<bool> RunAsync(
        string connectionString, TimeProvider clock, TextWriter? output = null, CancellationToken cancellationToken = default)
    {
        await using var db = AppDbContext.Create(connectionString);
        if (await db.Organizations.AnyAsync(o => o.Slug == Slug, cancellationToken)) return false;

        var studio = new DemoStudio(clock.GetUtcNow());
        studio.Build();
        db.AddRange(studio.Entities);
        await db.SaveChangesAsync(cancellationToken);
        studio.Describe(output ?? Console.Out);
        return true;
    }
}
