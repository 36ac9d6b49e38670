using UnifiedCustomers.Application.Bookings;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Application.Scheduling.EditSession;

/// <summary>
/// Changes a scheduled class (a merge patch: fields left out stay as they are). Rescheduling keeps
/// every booking, each charge in the period it was booked for (docs/adr/0034); a capacity never goes below the seats booked, and a raise fills the new seats
/// from the waitlist (until the promotion cutoff); null clears the instructor or the location.
/// </summary>
/// <param name="StartsAt">the new start; given alone, the class keeps its length</param>
/// <param name="EndsAt">the new end</param>
/// <param name="Capacity">the new number of seats</param>
/// <param name="InstructorId">an active instructor, or null for none</param>
/// <param name="LocationId">an active location, or null for none</param>
public sealed record EditSessionCommand(
    Guid OrganizationId,
    Guid SessionId,
    Optional<DateTimeOffset?> StartsAt,
    Optional<DateTimeOffset?> EndsAt,
    Optional<int?> Capacity,
    Optional<Guid?> InstructorId,
    Optional<Guid?> LocationId) : ITenantCommand<Result<EditSessionResponse>>, IOrganizationRequest;

/// <param name="PromotedBookingIds">waitlisted bookings that took the seats a raise of the capacity freed</param>
public sealed record EditSessionResponse(SessionOverviewResponse Session, IReadOnlyList<Guid> PromotedBookingIds);

internal sealed class EditSessionValidator : AbstractValidator<EditSessionCommand>
{
    public EditSessionValidator()
    {
        RuleFor(c => c.SessionId).NotEmpty().WithMessage("Name the session.");
        RuleFor(c => c.StartsAt.Value).NotNull().Must(s => s is null || s.Value.Year is >= 2000 and <= 2100).When(c => c.StartsAt.IsSet)
            .OverridePropertyName("startsAt").WithMessage("Give a start between the years 2000 and 2100 (it cannot be cleared).");
        RuleFor(c => c.EndsAt.Value).NotNull().Must(s => s is null || s.Value.Year is >= 2000 and <= 2100).When(c => c.EndsAt.IsSet)
            .OverridePropertyName("endsAt").WithMessage("Give an end between the years 2000 and 2100 (it cannot be cleared).");
        // The range is ClassSession's to refuse (session.capacity_invalid).
        RuleFor(c => c.Capacity.Value).NotNull().When(c => c.Capacity.IsSet)
            .OverridePropertyName("capacity").WithMessage("Capacity cannot be cleared.");
        RuleFor(c => c.InstructorId.Value).NotEqual(Guid.Empty).When(c => c.InstructorId.IsSet)
            .OverridePropertyName("instructorId").WithMessage("The instructor id cannot be empty (null clears it).");
        RuleFor(c => c.LocationId.Value).NotEqual(Guid.Empty).When(c => c.LocationId.IsSet)
            .OverridePropertyName("locationId").WithMessage("The location id cannot be empty (null clears it).");
    }
}

internal sealed class EditSessionHandler(CurrentOrganization current, IAppDbContext db, BookingLoader loader, WaitlistPromoter promoter, TimeProvider clock)
    : ICommandHandler<EditSessionCommand, Result<EditSessionResponse>>
{
    public async ValueTask<Result<EditSessionResponse>> Handle(EditSessionCommand command, CancellationToken ct)
    {
        var organization = current.Organization;
        // The session's row lock: seat counts cannot change underneath, as when booking.
        var atDesk = (await loader.SessionsAsync(organization.Id, [command.SessionId], null, withWaitlist: true, forUpdate: true, ct)).SingleOrDefault();
        if (atDesk is null) return SessionErrors.NotFound;
        var session = atDesk.Session;
        var now = clock.GetUtcNow();

        if (command.StartsAt.IsSet || command.EndsAt.IsSet)
        {
            var startsAt = command.StartsAt.Or(session.StartsAt) ?? session.StartsAt;
            var endsAt = command.EndsAt.IsSet ? command.EndsAt.Value : command.StartsAt.IsSet ? null : session.EndsAt;
            // Under the session's lock, nobody books, cancels or is refunded for it meanwhile.
            var charged = await db.Bookings.Where(b => b.SessionId == session.Id && b.Charged).ToListAsync(ct);
            var moved = BookingDesk.Reschedule(atDesk, charged, startsAt, endsAt, now);
            if (moved.IsFailure) return moved.Error!;
        }

        var (seatsHeld, waitlisted) = (atDesk.SeatsTaken, atDesk.Waitlisted);

        IReadOnlyList<Booking> promoted = [];
        if (command.Capacity is { IsSet: true, Value: { } capacity })
        {
            var changed = session.ChangeCapacity(capacity, seatsHeld, now);
            if (changed.IsFailure) return changed.Error!;
            // Any free seat beside a waitlist is offered, not only a new one: a consolidated session can hold both.
            if (waitlisted > 0 && atDesk.HasFreeSeat) promoted = await promoter.FillFreedSeatsAsync(organization, atDesk, ct);
        }

        var staffed = (await SessionStaffing.LoadAsync(db, command.InstructorId.Value, command.LocationId.Value, ct))
            .Then(staffing => command.InstructorId.IsSet ? session.AssignInstructor(staffing.Instructor) : Result.Success())
            .Then(staffing => command.LocationId.IsSet ? session.MoveTo(staffing.Location) : Result.Success());
        if (staffed.IsFailure) return staffed.Error!;

        // Counted from this transaction's changes: nothing is saved until the handler succeeds.
        var className = await db.ClassTypes.Where(t => t.Id == session.ClassTypeId).Select(t => t.Name).SingleAsync(ct);
        var instructorName = session.InstructorId is { } iid ? await db.Instructors.Where(i => i.Id == iid).Select(i => i.Name).SingleAsync(ct) : null;
        var locationName = session.LocationId is { } lid ? await db.Locations.Where(l => l.Id == lid).Select(l => l.Name).SingleAsync(ct) : null;
        var row = new SessionRow(
            session.Id, session.ClassTypeId, className, session.StartsAt, session.EndsAt, session.Capacity, seatsHeld + promoted.Count,
            waitlisted - promoted.Count, session.InstructorId, instructorName, session.LocationId, locationName, session.Status);
        return new EditSessionResponse(SessionOverviews.From(row, organization), promoted.Select(b => b.Id).ToList());
    }
}
