using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UnifiedCustomers.Application.Bookings.BookClass;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Application.Customers.AddCustomerNote;
using UnifiedCustomers.Application.Tests.Support;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Memberships;
using UnifiedCustomers.Infrastructure;
using UnifiedCustomers.Infrastructure.Persistence;
using UnifiedCustomers.Infrastructure.Persistence.Tenancy;

namespace UnifiedCustomers.Application.Tests.Persistence;

/// <summary>
/// The tenant filter (docs/adr/0030), on the owner's connection, which row-level security does not
/// hold back: what hides another organization's rows here is the filter alone. Every tenant-owned
/// entity of the model is checked, so a new one is covered without a new test.
/// </summary>
public sealed class TenantFilterTests(Backend backend) : IClassFixture<Backend>, IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInfrastructure(backend.ConnectionString);
        _services = services.BuildServiceProvider(validateScopes: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public void EveryEntityWithAnOrganization_IsTenantOwned_AndFiltered()
    {
        using var scope = _services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        var withOrganization = model.GetEntityTypes().Where(e => e.FindProperty(nameof(ITenantOwned.OrganizationId)) is not null).ToList();

        withOrganization.Should().NotBeEmpty();
        withOrganization.Select(e => e.ClrType).Should().OnlyContain(t => typeof(ITenantOwned).IsAssignableFrom(t),
            "an entity with an organization belongs to it, so it carries the marker the filter is put on");
        withOrganization.Should().OnlyContain(e => e.FindDeclaredQueryFilter(TenantFilter.Name) != null);
    }

    [Fact]
    public async Task AQueryOfATenantOwnedEntity_OutsideAUnitOfWork_Throws()
    {
        foreach (var type in TenantOwnedTypes())
        {
            await using var scope = _services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var count = () => CountAsync(db, type, acrossOrganizations: false);
            await count.Should().ThrowAsync<TenantScopeMissingException>(type.Name);
        }
    }

    [Fact]
    public async Task InsideAUnitOfWork_EveryTenantOwnedEntitySeesItsOrganizationOnly_AndTheOptOutSeesAll()
    {
        var mine = await StudioWithRowsAsync();
        await StudioWithRowsAsync();

        foreach (var type in TenantOwnedTypes())
        {
            var sql = "SELECT organization_id AS \"Value\" FROM " + Table(type);
            var stored = await backend.WithDbAsync(db => db.Database.SqlQueryRaw<Guid>(sql).ToListAsync());
            await using var scope = _services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();

            var seen = await unitOfWork.ReadAsync(mine.Id, _ => CountAsync(db, type, acrossOrganizations: false), CancellationToken.None);
            var across = await unitOfWork.ReadAsync(mine.Id, _ => CountAsync(db, type, acrossOrganizations: true), CancellationToken.None);

            seen.Should().Be(stored.Count(id => id == mine.Id), $"{type.Name} shows only the organization's rows");
            across.Should().Be(stored.Count, $"{type.Name} across organizations shows every row");
        }
        // The check above means something only where both organizations have rows.
        var customers = await backend.WithDbAsync(db => db.Customers.Select(c => c.OrganizationId).Distinct().CountAsync());
        customers.Should().BeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task ACommand_ChangesOnlyItsOrganizationsRows()
    {
        var mine = await StudioWithRowsAsync();
        var theirs = await StudioWithRowsAsync();
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();

        var renamed = await unitOfWork.RunAsync(mine.Id,
            ct => db.CustomerNotes.ExecuteUpdateAsync(set => set.SetProperty(n => n.Content, "changed"), ct), _ => true, CancellationToken.None);

        renamed.Should().Be(1);
        (await backend.WithDbAsync(d => d.CustomerNotes.Where(n => n.OrganizationId == theirs.Id).Select(n => n.Content).SingleAsync()))
            .Should().Be("Uses the side door");
    }

    private async Task<Studio> StudioWithRowsAsync()
    {
        var studio = await Studio.OpenAsync(backend);
        var customer = await studio.CustomerAsync("Wyn Wood", Domain.Customers.LifecycleStatus.Member);
        await studio.PackAsync(customer, credits: 5);
        await studio.MembershipAsync(customer, new Allowance(AllowancePeriod.Month, 8));
        var session = await studio.SessionAsync(TimeSpan.FromDays(1));
        (await backend.SendAsync(new BookClassCommand(studio.Id, customer.Id, session.Id))).IsSuccess.Should().BeTrue();
        (await backend.SendAsync(new AddCustomerNoteCommand(studio.Id, customer.Id, "Uses the side door"))).IsSuccess.Should().BeTrue();
        return studio;
    }

    private List<Type> TenantOwnedTypes()
    {
        using var scope = _services.CreateScope();
        return TenantFilter.TenantOwned(scope.ServiceProvider.GetRequiredService<AppDbContext>().Model).ToList();
    }

    private string Table(Type type)
    {
        using var scope = _services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().Model.FindEntityType(type)!.GetTableName()!;
    }

    /// <summary>db.Set&lt;T&gt;().CountAsync(), with or without the opt-out, for a type known at run time.</summary>
    private static Task<int> CountAsync(AppDbContext db, Type type, bool acrossOrganizations)
    {
        var set = (IQueryable)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type).Invoke(db, null)!;
        if (acrossOrganizations)
            set = (IQueryable)typeof(TenantQueries).GetMethod(nameof(TenantQueries.AcrossOrganizations))!.MakeGenericMethod(type).Invoke(null, [set])!;
        var count = typeof(EntityFrameworkQueryableExtensions).GetMethods()
            .Single(m => m.Name == nameof(EntityFrameworkQueryableExtensions.CountAsync) && m.GetParameters().Length == 2)
            .MakeGenericMethod(type);
        return (Task<int>)count.Invoke(null, System.Reflection.BindingFlags.DoNotWrapExceptions, null, [set, CancellationToken.None], null)!;
    }
}
