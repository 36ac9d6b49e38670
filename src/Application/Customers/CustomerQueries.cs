using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers;

internal static class CustomerQueries
{
    /// <summary>Whether another customer who is not archived already uses the (normalised) email.</summary>
    public static Task<bool> EmailTakenAsync(this IQueryable<Customer> customers, Guid organizationId, string email, Guid exceptCustomerId, CancellationToken ct) =>
        customers.AnyAsync(
            c => c.OrganizationId == organizationId && c.Email == email && c.Status != LifecycleStatus.Archived && c.Id != exceptCustomerId,
            ct);
}
