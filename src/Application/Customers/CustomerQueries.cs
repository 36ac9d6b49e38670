using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers;

internal static class CustomerQueries
{
    /// <summary>Whether another customer who is not archived already uses the (normalised) email.</summary>
    public static Task<bool> EmailTakenAsync(this IQueryable<Customer> customers, string email, Guid exceptCustomerId, CancellationToken ct) =>
        customers.AnyAsync(
            c => c.Email == email && c.Status != LifecycleStatus.Archived && c.Id != exceptCustomerId,
            ct);

    /// <summary>Whether the customer exists (in the organization, as every query): the check before listing anything of theirs.</summary>
    public static Task<bool> ExistsAsync(this IQueryable<Customer> customers, Guid customerId, CancellationToken ct) =>
        customers.AnyAsync(c => c.Id == customerId, ct);
}
