using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Tool.Seeding;

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
    /// <summary>How far ahead the demo timetable reaches; <see cref="TopUpAsync"/> keeps it so on every start.</summary>
    public const int DaysAhead = 28;

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

    /// <summary>
    /// Schedules the timetable's sessions missing from today to <see cref="DaysAhead"/> days ahead, so
    /// the demo never runs dry (./run.sh calls it on every start). A slot that already has a session
    /// of its class type, cancelled or not, is left alone: running it twice adds nothing.
    /// </summary>
    /// <returns>how many sessions were added; 0 when the demo studio is not seeded</returns>
    public static async Task<int> TopUpAsync(string connectionString, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        await using var db = AppDbContext.Create(connectionString);
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == Slug, cancellationToken);
        if (organization is null) return 0;
        var now = clock.GetUtcNow();
        var today = organization.LocalDate(now);
        var (from, until) = (organization.StartOfDay(today), organization.StartOfDay(today.AddDays(DaysAhead)));
        var classTypes = (await db.ClassTypes.AsNoTracking().Where(t => t.OrganizationId == organization.Id).ToListAsync(cancellationToken))
            .GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Id).First());
        var instructors = (await db.Instructors.AsNoTracking().Where(i => i.OrganizationId == organization.Id).ToListAsync(cancellationToken))
            .ToDictionary(i => i.Name);
        var locations = (await db.Locations.AsNoTracking().Where(l => l.OrganizationId == organization.Id).ToListAsync(cancellationToken))
            .ToDictionary(l => l.Name);
        var existing = (await db.ClassSessions.AsNoTracking()
                .Where(s => s.OrganizationId == organization.Id && s.StartsAt >= from && s.StartsAt < until)
                .Select(s => new { s.ClassTypeId, s.StartsAt }).ToListAsync(cancellationToken))
            .Select(s => (s.ClassTypeId, s.StartsAt.ToUniversalTime())).ToHashSet();

        var missing = DemoStudio.Timetable(organization, classTypes, instructors, locations, today, DaysAhead, now)
            .Where(s => !existing.Contains((s.ClassTypeId, s.StartsAt.ToUniversalTime())))
            .ToList();
        db.ClassSessions.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }
}
