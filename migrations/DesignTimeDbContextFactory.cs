using Microsoft.EntityFrameworkCore.Design;
using UnifiedCustomers.Infrastructure.Persistence;

namespace UnifiedCustomers.Migrations;

/// <summary>Lets `dotnet ef migrations add` build the model without a running database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        AppDbContext.Create("Host=127.0.0.1;Database=design_time");
}
