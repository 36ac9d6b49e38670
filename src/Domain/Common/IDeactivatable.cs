namespace UnifiedCustomers.Domain.Common;

/// <summary>
/// What the studio offers and never deletes once used (class types, plans, pack products,
/// instructors, locations): deactivated instead, it keeps what it has and gets nothing new.
/// </summary>
public interface IDeactivatable
{
    bool IsActive { get; }
    void Activate();
    void Deactivate();
}
