using Microsoft.EntityFrameworkCore;
using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Application.Common;

/// <summary>The persistence port: handlers query and add through it; the unit-of-work behavior saves.</summary>
public interface IAppDbContext
{
    DbSet<Organization> Organizations { get; }
}
