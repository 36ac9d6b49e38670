using System.Text.RegularExpressions;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers.SearchCustomers;

/// <param name="Name">every word must start a first or last name, case-insensitively ("amy arch" finds Amy Archer)</param>
/// <param name="Email">part of the email, case-insensitively</param>
/// <param name="Phone">the number in any common format (`07700 900123`, `+44 7700 900123`); matched in its E.164 form, by its digits and as written</param>
/// <param name="Status">only customers in this status; without it, every customer who is not archived (archived ones too with <paramref name="UpdatedSince"/>)</param>
/// <param name="UpdatedSince">only customers changed at or after this instant, oldest change first: a resynchronisation after a lost feed cursor</param>
public sealed record SearchCustomersQuery(
    Guid OrganizationId,
    string? Name = null,
    string? Email = null,
    string? Phone = null,
    LifecycleStatus? Status = null,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    DateTimeOffset? UpdatedSince = null) : ITenantQuery<Result<PagedList<CustomerResponse>>>, IPagedQuery;

internal sealed class SearchCustomersValidator : AbstractValidator<SearchCustomersQuery>
{
    public SearchCustomersValidator()
    {
        RuleFor(q => q.Name).MaximumLength(2 * PersonName.MaxLength).WithMessage("A name to search for is at most 200 characters.");
        RuleFor(q => q.Email).MaximumLength(EmailAddress.MaxLength).WithMessage($"An email to search for is at most {EmailAddress.MaxLength} characters.");
        RuleFor(q => q.Phone).MaximumLength(PhoneNumber.MaxLength).WithMessage($"A phone number is at most {PhoneNumber.MaxLength} characters.");
        RuleFor(q => q.Status).IsInEnum().WithMessage("The status is one of lead, trial, member, lapsed or archived.");
        Include(new PageRules());
    }
}

internal sealed class SearchCustomersHandler(IAppDbContext db, IPhoneNormalizer phones, TypeAdapterConfig mapping)
    : IQueryHandler<SearchCustomersQuery, Result<PagedList<CustomerResponse>>>
{
    public async ValueTask<Result<PagedList<CustomerResponse>>> Handle(SearchCustomersQuery query, CancellationToken ct)
    {
        var customers = db.Customers.AsNoTracking();
        if (query.Status is { } status) customers = customers.Where(c => c.Status == status);
        else if (query.UpdatedSince is null) customers = customers.Where(c => c.Status != LifecycleStatus.Archived);
        // The instant as UTC: Npgsql writes a timestamptz parameter from no other offset (it threw: a 500 for +01:00).
        if (query.UpdatedSince?.ToUniversalTime() is { } since) customers = customers.Where(c => c.UpdatedAt >= since);

        foreach (var word in (query.Name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var prefix = word.ToLowerInvariant();
            customers = customers.Where(c => c.FirstName.ToLower().StartsWith(prefix) || c.LastName.ToLower().StartsWith(prefix));
        }
        if (EmailAddress.Normalize(query.Email) is { } email)
            customers = customers.Where(c => c.Email != null && c.Email.Contains(email));
        if (!string.IsNullOrWhiteSpace(query.Phone))
        {
            var written = query.Phone.Trim();
            var country = await db.Organizations.Where(o => o.Id == query.OrganizationId).Select(o => o.Country).FirstOrDefaultAsync(ct) ?? "";
            var normalized = phones.Normalize(written, country) ?? written;
            // Digits compared too: a phone stored as written before it could be normalised still matches however it is typed now.
            var digitForms = phones.DigitForms(written, country).ToList();
            customers = customers.Where(c => c.Phone != null
                                             && (c.Phone == normalized || c.Phone.Contains(written)
                                                 || digitForms.Contains(Regex.Replace(c.Phone, "[^0-9]", ""))));
        }

        var total = await customers.CountAsync(ct);
        var ordered = query.UpdatedSince is null
            ? customers.OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id)
            : customers.OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id);
        var page = await ordered
            .Skip(query.Offset())
            .Take(query.PageSize)
            .ProjectToType<CustomerResponse>(mapping)
            .ToListAsync(ct);
        return new PagedList<CustomerResponse>(page, query.Page, query.PageSize, total);
    }
}
