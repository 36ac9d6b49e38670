namespace UnifiedCustomers.Domain.Customers;

/// <summary>
/// One person in one organization, whatever they have bought so far. The lifecycle status follows
/// from purchases (see <see cref="ApplyPurchases"/>) plus explicit archive and restore; every change
/// is kept in the status history.
/// </summary>
public sealed class Customer : Entity, ITenantOwned
{
    public const int SourceMaxLength = 50;
    public const int NotesMaxLength = 4000;
    public const string ArchivedByStaff = "archived by staff";

    private readonly List<CustomerStatusChange> _statusHistory = [];

    private Customer() { }

    public Guid OrganizationId { get; private set; }
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public string Source { get; private set; } = "";
    public string? Notes { get; private set; }
    public LifecycleStatus Status { get; private set; }
    public Guid? MergedIntoId { get; private set; }
    /// <summary>When the person's details were erased on their request; set once, never undone.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyList<CustomerStatusChange> StatusHistory => _statusHistory;

    public string FullName => $"{FirstName} {LastName}".Trim();

    /// <summary>A new person enters as a lead; buying something moves them on.</summary>
    public static Result<Customer> Register(
        Guid organizationId, string? firstName, string? lastName, string? email, string? phone, string? source, DateTimeOffset now, Guid? id = null)
    {
        var customer = new Customer
        {
            Id = id ?? Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            Status = LifecycleStatus.Lead,
            CreatedAt = now,
        };
        return customer.ApplyDetails(firstName, lastName, email, phone, source, null, now).Map(() =>
        {
            customer._statusHistory.Add(new CustomerStatusChange(customer.Id, organizationId, null, LifecycleStatus.Lead, StatusCause.Of("registered"), now));
            customer.Raise(new CustomerRegistered(customer));
            return customer;
        });
    }

    /// <param name="phone">already normalised by the caller (E.164 where the organization's country allows)</param>
    public Result UpdateDetails(string? firstName, string? lastName, string? email, string? phone, string? source, string? notes, DateTimeOffset now)
    {
        if (ErasedAt is not null) return CustomerErrors.Erased;
        var applied = ApplyDetails(firstName, lastName, email, phone, source, notes, now);
        if (applied.IsSuccess) Raise(new CustomerDetailsChanged(this));
        return applied;
    }

    /// <summary>
    /// Each value is read through its own type, which owns its rule; the first refusal is returned. An
    /// email, phone or source the customer already has is kept as it is, unread: the consolidation stored
    /// what the legacy system held, and a change to another field is not refused for it.
    /// </summary>
    private Result ApplyDetails(string? firstName, string? lastName, string? email, string? phone, string? source, string? notes, DateTimeOffset now)
    {
        var (keepEmail, keepPhone, keepSource) = (email == Email, phone == Phone, source == Source);
        var name = PersonName.From(firstName, lastName);
        var address = keepEmail ? Result.Success<EmailAddress?>(null) : EmailAddress.From(email);
        var number = keepPhone ? Result.Success<PhoneNumber?>(null) : PhoneNumber.From(phone);
        if (Result.Combine(name, address, number).Error is { } refused) return refused;
        if ((CleanText.Check(keepSource ? null : source, "source") ?? CleanText.Check(notes, "notes", multiline: true)) is { } unclean) return unclean;
        var trimmedSource = keepSource ? Source : source?.Trim();
        if (trimmedSource is { Length: > SourceMaxLength }) return CustomerErrors.SourceTooLong;
        if (notes is { Length: > NotesMaxLength }) return CustomerErrors.NotesTooLong;

        FirstName = name.Value.First;
        LastName = name.Value.Last;
        Email = keepEmail ? Email : address.Value?.Value;
        Phone = keepPhone ? Phone : number.Value?.Value;
        Source = string.IsNullOrEmpty(trimmedSource) ? (Source.Length == 0 ? "manual" : Source) : trimmedSource;
        // null keeps the notes; an empty text clears them.
        Notes = notes is null ? Notes : string.IsNullOrWhiteSpace(notes) ? null : notes;
        UpdatedAt = now;
        return Result.Success();
    }

    /// <summary>An archived customer keeps their history but cannot book.</summary>
    public Result EnsureCanBook() => Status == LifecycleStatus.Archived ? CustomerErrors.Archived : Result.Success();

    /// <summary>
    /// Recomputes the status from what the customer holds: a current paid product makes a member,
    /// else a current trial makes a trial, else any past purchase makes them lapsed. Someone who
    /// never bought anything keeps the status they have (lead, or a trial granted by staff).
    /// Archived customers stay archived until restored.
    /// </summary>
    public void ApplyPurchases(LifecycleEvidence evidence, string cause, DateTimeOffset now) =>
        ChangeStatus(StatusAfterPurchases(Status, evidence), StatusCause.Of(cause), now);

    /// <summary>
    /// The status <see cref="ApplyPurchases"/> gives a customer now in <paramref name="current"/>, so a
    /// batch can find the few customers whose status changes without loading every one of them.
    /// </summary>
    public static LifecycleStatus StatusAfterPurchases(LifecycleStatus current, LifecycleEvidence evidence) =>
        current == LifecycleStatus.Archived ? current : StatusFrom(evidence) ?? current;

    /// <param name="reason">why, as staff gave it; none is recorded as <see cref="ArchivedByStaff"/></param>
    public Result Archive(string? reason, DateTimeOffset now)
    {
        return (string.IsNullOrWhiteSpace(reason) ? Result.Success(StatusCause.Of(ArchivedByStaff)) : StatusCause.From(reason))
            .Ensure(_ => Status != LifecycleStatus.Archived, CustomerErrors.AlreadyArchived)
            .Tap(reason =>
            {
                ChangeStatus(LifecycleStatus.Archived, reason, now);
                Raise(new CustomerArchived(this));
            });
    }

    /// <summary>Back from the archive with the status that their purchases give.</summary>
    public Result Restore(LifecycleEvidence evidence, DateTimeOffset now)
    {
        if (Status != LifecycleStatus.Archived) return CustomerErrors.NotArchived;
        if (MergedIntoId is not null) return CustomerErrors.MergedAway;
        if (ErasedAt is not null) return CustomerErrors.Erased;
        ChangeStatus(StatusFrom(evidence) ?? LifecycleStatus.Lead, StatusCause.Of("restored"), now);
        Raise(new CustomerRestored(this));
        return Result.Success();
    }

    /// <summary>
    /// This customer is the same person as <paramref name="survivor"/>: it is archived with a pointer
    /// to the survivor. Moving bookings, memberships, packs, ledger rows and notes is
    /// <see cref="CustomerMerge"/>'s work.
    /// </summary>
    internal Result MergeInto(Customer survivor, DateTimeOffset now)
    {
        if (survivor.Id == Id) return CustomerErrors.MergeWithSelf;
        if (survivor.OrganizationId != OrganizationId) return CustomerErrors.MergeAcrossOrganizations;
        if (MergedIntoId is not null || survivor.MergedIntoId is not null) return CustomerErrors.MergedAway;
        if (ErasedAt is not null || survivor.ErasedAt is not null) return CustomerErrors.Erased;
        if (survivor.Status == LifecycleStatus.Archived) return CustomerErrors.Archived;

        var notes = Notes is null ? survivor.Notes : survivor.Notes is null ? Notes : $"{survivor.Notes}\n{Notes}";
        if (notes is { Length: > NotesMaxLength }) return CustomerErrors.MergedNotesTooLong;

        survivor.Email ??= Email;
        survivor.Phone ??= Phone;
        survivor.Notes = notes;
        survivor.UpdatedAt = now;

        MergedIntoId = survivor.Id;
        // The merged-away row gives up its email so the survivor (or anyone) may use it.
        Email = null;
        if (Status != LifecycleStatus.Archived) ChangeStatus(LifecycleStatus.Archived, StatusCause.Of($"merged into {survivor.Id}"), now);
        survivor.Raise(new CustomersMerged(survivor, Id));
        return Result.Success();
    }

    /// <summary>
    /// A privacy request: the person's name, email, phone and notes are overwritten for good, here
    /// and on every duplicate merged into this customer (the same person). Bookings, purchases and
    /// the credit ledger stay for the studio's accounts, now pointing at an anonymous record. The
    /// customer is archived (so they cannot book or sign in again) and the history records the erasure.
    /// </summary>
    /// <param name="mergedDuplicates">the customers whose <see cref="MergedIntoId"/> is this one</param>
    public Result Erase(IReadOnlyCollection<Customer> mergedDuplicates, DateTimeOffset now)
    {
        if (ErasedAt is not null) return CustomerErrors.AlreadyErased;
        if (MergedIntoId is not null) return CustomerErrors.EraseMergedAway;
        // Merged into this customer directly, or into one merged into it later (C into A, then A into B: C goes with B).
        if (mergedDuplicates.Any(d => d.MergedIntoId != Id && mergedDuplicates.All(other => other.Id != d.MergedIntoId)))
            throw new ArgumentException("Only duplicates merged into this customer are erased with it.", nameof(mergedDuplicates));

        Anonymise(now);
        foreach (var duplicate in mergedDuplicates.Where(d => d.ErasedAt is null)) duplicate.Anonymise(now);
        return Result.Success();
    }

    private void Anonymise(DateTimeOffset now)
    {
        FirstName = ErasedName;
        LastName = "";
        Email = null;
        Phone = null;
        Notes = null;
        ErasedAt = now;
        UpdatedAt = now;
        // Archived already (a merged duplicate, or archived before the request): the erasure is recorded all the same.
        _statusHistory.Add(new CustomerStatusChange(Id, OrganizationId, Status, LifecycleStatus.Archived, StatusCause.Of(ErasedCause), now));
        if (Status != LifecycleStatus.Archived) Raise(new CustomerLifecycleChanged(this, Status, LifecycleStatus.Archived, ErasedCause));
        Status = LifecycleStatus.Archived;
        // Whoever mirrors the customer (a CRM, a door system) learns the details are gone.
        Raise(new CustomerDetailsChanged(this));
    }

    public const string ErasedName = "Erased";
    public const string ErasedCause = "erased on the person's request";

    private static LifecycleStatus? StatusFrom(LifecycleEvidence evidence) => evidence switch
    {
        { HasCurrentPaid: true } => LifecycleStatus.Member,
        { HasCurrentTrial: true } => LifecycleStatus.Trial,
        { HasPastPurchase: true } => LifecycleStatus.Lapsed,
        _ => null,
    };

    private void ChangeStatus(LifecycleStatus to, StatusCause cause, DateTimeOffset now)
    {
        if (to == Status) return;
        _statusHistory.Add(new CustomerStatusChange(Id, OrganizationId, Status, to, cause, now));
        Raise(new CustomerLifecycleChanged(this, Status, to, cause.Value));
        Status = to;
        UpdatedAt = now;
    }
}
