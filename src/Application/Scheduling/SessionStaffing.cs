using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling;

/// <summary>The instructor and location a request names, found in the organization (or not found: 404).</summary>
internal static class SessionStaffing
{
    public static async Task<Result<(Instructor? Instructor, Location? Location)>> LoadAsync(
        IAppDbContext db, Guid? instructorId, Guid? locationId, CancellationToken ct)
    {
        Instructor? instructor = null;
        Location? location = null;
        if (instructorId is { } iid)
        {
            instructor = await db.Instructors.FirstOrDefaultAsync(i => i.Id == iid, ct);
            if (instructor is null) return InstructorErrors.NotFound;
        }
        if (locationId is { } lid)
        {
            location = await db.Locations.FirstOrDefaultAsync(l => l.Id == lid, ct);
            if (location is null) return LocationErrors.NotFound;
        }
        return Result.Success<(Instructor?, Location?)>((instructor, location));
    }
}
