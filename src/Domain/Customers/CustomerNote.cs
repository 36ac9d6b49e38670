namespace UnifiedCustomers.Domain.Customers;

/// <summary>A staff note about a customer.</summary>
public sealed class CustomerNote : Entity, ITenantOwned
{
    public const int ContentMaxLength = 4000;

    private CustomerNote() { }

    public Guid OrganizationId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Content { get; private set; } = "";
    public Guid? CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static Result<CustomerNote> Write(Customer customer, string content, Guid? author, DateTimeOffset now)
    {
        // Notes about a person are deleted with their details (ADR 0021); none is written afterwards.
        if (customer.ErasedAt is not null) return CustomerErrors.Erased;
        if (CleanText.Check(content, "content", multiline: true) is { } unclean) return unclean;
        var text = content.Trim();
        if (text.Length == 0) return CustomerErrors.NoteEmpty;
        if (text.Length > ContentMaxLength) return CustomerErrors.NoteTooLong;
        return new CustomerNote
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = customer.OrganizationId,
            CustomerId = customer.Id,
            Content = text,
            CreatedBy = author,
            CreatedAt = now,
        };
    }

    internal void MoveTo(Customer survivor) => CustomerId = survivor.Id;
}
