using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling;

/// <summary>A class session as a timetable shows it: what, when (in UTC and in the studio's time), and how full.</summary>
/// <param name="Booked">seats taken: confirmed, attended and no-show bookings</param>
/// <param name="Available">seats left; 0 once the class is cancelled</param>
/// <param name="StartsAtLocal">the start in the studio's time zone, with its offset</param>
/// <param name="Instructor">the instructor's name; null when none is assigned</param>
/// <param name="Location">the location's name; null when none is assigned</param>
public sealed record SessionOverviewResponse(
    Guid Id,
    Guid ClassTypeId,
    string ClassName,
    DateTimeOffset StartsAtUtc,
    DateTimeOffset StartsAtLocal,
    DateTimeOffset EndsAtUtc,
    DateTimeOffset EndsAtLocal,
    string TimeZone,
    int Capacity,
    int Booked,
    int Waitlisted,
    int Available,
    Guid? InstructorId,
    string? Instructor,
    Guid? LocationId,
    string? Location,
    SessionStatus Status);

/// <summary>One row of the timetable read, before the local times are worked out.</summary>
internal sealed record SessionRow(
    Guid Id, Guid ClassTypeId, string ClassName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, int Booked, int Waitlisted,
    Guid? InstructorId, string? Instructor, Guid? LocationId, string? Location, SessionStatus Status);

internal static class SessionOverviews
{
    /// <summary>Sessions with their class name and seat counts, counted in the database.</summary>
    public static IQueryable<SessionRow> WithCounts(IAppDbContext db, IQueryable<ClassSession> sessions) =>
        WithCounts(sessions, db.ClassTypes, db.Bookings, db.Instructors, db.Locations);

    private static IQueryable<SessionRow> WithCounts(
        IQueryable<ClassSession> sessions, IQueryable<ClassType> classTypes, IQueryable<Booking> bookings, IQueryable<Instructor> instructors,
        IQueryable<Location> locations) =>
        from session in sessions
        join type in classTypes on session.ClassTypeId equals type.Id
        select new SessionRow(
            session.Id,
            session.ClassTypeId,
            type.Name,
            session.StartsAt,
            session.EndsAt,
            session.Capacity,
            bookings.Where(b => b.SessionId == session.Id).Count(Booking.TakesSeat.Expression),
            bookings.Count(b => b.SessionId == session.Id && b.Status == BookingStatus.Waitlisted),
            session.InstructorId,
            instructors.Where(i => i.Id == session.InstructorId).Select(i => i.Name).FirstOrDefault(),
            session.LocationId,
            locations.Where(l => l.Id == session.LocationId).Select(l => l.Name).FirstOrDefault(),
            session.Status);

    public static SessionOverviewResponse From(SessionRow row, Organization organization) => new(
        row.Id, row.ClassTypeId, row.ClassName, row.StartsAt, organization.LocalTime(row.StartsAt), row.EndsAt, organization.LocalTime(row.EndsAt),
        organization.TimeZone, row.Capacity, row.Booked, row.Waitlisted,
        row.Status == SessionStatus.Cancelled ? 0 : Math.Max(0, row.Capacity - row.Booked),
        row.InstructorId, row.Instructor, row.LocationId, row.Location, row.Status);

    /// <summary>Sessions with a seat left: scheduled, and fewer seats held than the capacity.</summary>
    public static IQueryable<ClassSession> WithSeatsLeft(IQueryable<ClassSession> sessions, IQueryable<Booking> bookings) =>
        sessions.Where(s => s.Status == SessionStatus.Scheduled
                            && bookings.Where(b => b.SessionId == s.Id).Count(Booking.TakesSeat.Expression) < s.Capacity);

    /// <summary>Sessions without a seat left: full, or cancelled.</summary>
    public static IQueryable<ClassSession> WithoutSeatsLeft(IQueryable<ClassSession> sessions, IQueryable<Booking> bookings) =>
        sessions.Where(s => s.Status != SessionStatus.Scheduled
                            || bookings.Where(b => b.SessionId == s.Id).Count(Booking.TakesSeat.Expression) >= s.Capacity);
}
