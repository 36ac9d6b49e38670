using UnifiedCustomers.Domain.Customers;

namespace UnifiedCustomers.Application.Customers;

public sealed record CustomerResponse(
    Guid Id,
    string FirstName,
    string LastName,
    string FullName,
    string? Email,
    string? Phone,
    string Source,
    string? Notes,
    LifecycleStatus Status,
    Guid? MergedIntoId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ErasedAt);

public sealed record CustomerStatusChangeResponse(LifecycleStatus? From, LifecycleStatus To, string Cause, DateTimeOffset At);

public sealed record CustomerNoteResponse(Guid Id, Guid CustomerId, string Content, Guid? CreatedBy, DateTimeOffset CreatedAt);

internal sealed class CustomerMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        // Spelled out because FullName is not a column: the projection must compute it in SQL.
        config.NewConfig<Customer, CustomerResponse>()
            .Map(response => response.FullName, customer => (customer.FirstName + " " + customer.LastName).Trim());
        config.NewConfig<CustomerStatusChange, CustomerStatusChangeResponse>();
        config.NewConfig<CustomerNote, CustomerNoteResponse>();
    }
}
