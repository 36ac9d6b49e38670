using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Application.Common.Telemetry;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Infrastructure.Persistence.Transactions;

internal sealed partial class UnitOfWork(AppDbContext db, ILogger<UnitOfWork> logger) : IUnitOfWork
{
    private const int MaxAttempts = 8;

    /// <summary>Unique indexes whose violation is an expected race, answered with a domain error.</summary>
    private static readonly Dictionary<string, Error> UniqueErrors = new(StringComparer.Ordinal)
    {
        ["ux_customers_email_per_organization"] = CustomerErrors.EmailTaken,
        ["ux_bookings_one_active_per_customer_and_session"] = BookingErrors.AlreadyBooked,
        ["ux_bookings_idempotency_key"] = BookingErrors.IdempotencyKeyReused,
        ["ux_instructors_name_per_organization"] = InstructorErrors.NameTaken,
        ["ux_locations_name_per_organization"] = LocationErrors.NameTaken,
        ["ix_organizations_slug"] = Error.Conflict("organization.slug_taken", "Another organization already uses this slug."),
    };

    public async Task<T> RunAsync<T>(Guid organizationId, Func<CancellationToken, Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            // The whole command commits or rolls back as one; a savepoint around SaveChanges would only add round trips.
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                await ScopeToOrganizationAsync(organizationId, cancellationToken);
                var result = await work(cancellationToken);
                if (!commit(result))
                {
                    await transaction.RollbackAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    return result;
                }
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception ex) when (IsTransient(ex) && attempt < MaxAttempts)
            {
                Retrying(attempt, Postgres(ex)!.SqlState);
                AppTelemetry.UnitOfWorkRetries.Add(1, new KeyValuePair<string, object?>(AppTelemetry.Tags.SqlState, Postgres(ex)!.SqlState));
                await transaction.RollbackAsync(CancellationToken.None);
                // Jittered back-off so the retried transactions do not collide again in lockstep.
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
            catch (DbUpdateException ex) when (Postgres(ex) is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: { } name }
                                                && UniqueErrors.TryGetValue(name, out var error))
            {
                throw new UniqueConflictException(error, ex);
            }
        }
    }

    public async Task<T> ReadAsync<T>(Guid organizationId, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", cancellationToken);
        await ScopeToOrganizationAsync(organizationId, cancellationToken);
        var result = await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Row-level security reads this setting: a query that forgets its filter still sees one organization.</summary>
    private Task ScopeToOrganizationAsync(Guid organizationId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT set_config('app.organization_id', {organizationId.ToString()}, true)", cancellationToken);

    private static bool IsTransient(Exception ex) =>
        Postgres(ex)?.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;

    private static PostgresException? Postgres(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is PostgresException postgres) return postgres;
        }
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Transaction attempt {Attempt} failed with {SqlState}; retrying")]
    private partial void Retrying(int attempt, string sqlState);
}
