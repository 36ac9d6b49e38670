using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers;

internal static class CustomerQueries
{
    /// <summary>
    /// A customer who is not archived keeps an email no other such customer uses (customer.email_taken).
    /// An archived customer may keep an email someone else took since; restoring them checks it again.
    /// The unique index backs this check when two writers race; the loser gets the same error.
    /// </summary>
    public static async Task<Result> EnsureEmailFreeAsync(this IQueryable<Customer> customers, Customer customer, CancellationToken ct)
    {
        if (customer.Email is not { } email || customer.Status == LifecycleStatus.Archived) return Result.Success();
        var taken = await customers.AnyAsync(
            c => c.Email == email && c.Status != LifecycleStatus.Archived && c.Id != customer.Id,
            ct);
        return Result.Ensure(!taken, CustomerErrors.EmailTaken);
    }

    /// <summary>Whether the customer exists (in the organization, as every query): the check before listing anything of theirs.</summary>
    public static Task<bool> ExistsAsync(this IQueryable<Customer> customers, Guid customerId, CancellationToken ct) =>
        customers.AnyAsync(c => c.Id == customerId, ct);
}
