using System.Text.Json.Serialization;
using UnifiedCustomers.Application.Bookings.BookClass;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Bookings.BookClasses;

public enum BatchMode
{
    /// <summary>Every session is booked, or none is.</summary>
    AllOrNothing,
    /// <summary>Each session is booked if it can be; the others say why not.</summary>
    BestEffort,
}

public sealed record BookClassesCommand(
    Guid OrganizationId,
    Guid CustomerId,
    IReadOnlyList<Guid> SessionIds,
    BatchMode Mode = BatchMode.BestEffort,
    PaymentChoice? Payment = null,
    bool JoinWaitlistIfFull = false,
    BookingSource Source = BookingSource.Api) : ITenantCommand<Result<BookClassesResponse>>;

/// <summary>What happened to one session of the batch: its booking, or the error that refused it.</summary>
public sealed record SessionOutcome(Guid SessionId, BookingResponse? Booking, string? ErrorCode, string? ErrorMessage)
{
    /// <summary>The refusal itself, for the batch's reasons (clients read its code and message).</summary>
    [JsonIgnore]
    public Error? Error { get; private init; }

    public static SessionOutcome Booked(Guid sessionId, BookingResponse booking) => new(sessionId, booking, null, null);

    public static SessionOutcome Refused(Guid sessionId, Error error) => new(sessionId, null, error.Code, error.Message) { Error = error };
}

public sealed record BookClassesResponse(int Booked, int Failed, IReadOnlyList<SessionOutcome> Outcomes);

internal sealed class BookClassesValidator : AbstractValidator<BookClassesCommand>
{
    public const int MaxSessions = 50;

    public BookClassesValidator()
    {
        RuleFor(c => c.CustomerId).NotEmpty();
        RuleFor(c => c.SessionIds).NotEmpty().Must(ids => ids.Count <= MaxSessions).WithMessage($"Book at most {MaxSessions} sessions at once.")
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("Each session may appear once.");
        RuleForEach(c => c.SessionIds).NotEmpty();
        RuleFor(c => c.Mode).IsInEnum();
        RuleFor(c => c.Source).IsInEnum();
        RuleFor(c => c.Payment!).SetValidator(new PaymentChoiceValidator()).When(c => c.Payment is not null);
    }
}

internal sealed class BookClassesHandler(IAppDbContext db, BookingLoader loader, TimeProvider clock) : ICommandHandler<BookClassesCommand, Result<BookClassesResponse>>
{
    public async ValueTask<Result<BookClassesResponse>> Handle(BookClassesCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var account = await loader.AccountAsync(command.OrganizationId, command.CustomerId, CustomerAccount.ChargesNeededFrom(now), forUpdate: true, ct);
        if (account is null) return CustomerErrors.NotFound;
        // Every session locked at once, in id order, so two batches never wait on each other in a cycle;
        // then booked in the order asked, so the earlier choices get a limited allowance first. The
        // account and the sessions carry each booking into the next decision.
        var sessions = (await loader.SessionsAsync(command.OrganizationId, command.SessionIds, command.CustomerId, withWaitlist: false, forUpdate: true, ct))
            .ToDictionary(s => s.Session.Id);

        var outcomes = new List<SessionOutcome>(command.SessionIds.Count);
        foreach (var sessionId in command.SessionIds)
        {
            var decision = BookingDesk.Book(
                account, sessions.GetValueOrDefault(sessionId), new BookingRequest(command.Payment, command.JoinWaitlistIfFull, command.Source), now);
            if (decision.IsSuccess)
            {
                db.Bookings.Add(decision.Value.Booking);
                db.CreditLedger.AddRange(decision.Value.LedgerRows);
            }
            outcomes.Add(decision.Match(
                made => SessionOutcome.Booked(sessionId, BookingResponses.From(made, account.Organization)),
                error => SessionOutcome.Refused(sessionId, error)));
        }
        var refusals = outcomes.Where(o => o.Error is not null).ToList();
        var failed = refusals.Count;

        // A failed result makes the unit of work roll back every booking of the batch.
        if (command.Mode == BatchMode.AllOrNothing && failed > 0)
            return BookingErrors.BatchRefused with { Reasons = refusals.Select(o => o.Error! with { Field = o.SessionId.ToString() }).ToList() };
        return new BookClassesResponse(outcomes.Count - failed, failed, outcomes);
    }
}
