using System.Data;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using UnifiedCustomers.Application.Common;
using UnifiedCustomers.Application.Common.Telemetry;
using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Common;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Infrastructure.Persistence.Transactions;

internal sealed partial class UnitOfWork(AppDbContext db, ConnectionRecovery recovery, ILogger<UnitOfWork> logger) : IUnitOfWork
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
        ["ix_organizations_slug"] = OrganizationErrors.SlugTaken,
    };

    /// <summary>The savepoint an enclosing transaction (see IdempotencyStore) takes before the command runs.</summary>
    public const string CommandSavepoint = "command";

    public async Task<T> RunAsync<T>(Guid organizationId, Func<CancellationToken, Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is { } enclosing) return await RunEnclosedAsync(organizationId, enclosing, work, commit, cancellationToken);
        var reconnected = false;
        for (var attempt = 1; ; attempt++)
        {
            var committing = false;
            try
            {
                db.ChangeTracker.Clear();
                db.Prefix.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
                // The whole command commits or rolls back as one; a savepoint around SaveChanges would only add round trips.
                db.Database.AutoSavepointsEnabled = false;
                try
                {
                    using var scope = ScopeToOrganization(organizationId);
                    var result = await work(cancellationToken);
                    if (!commit(result))
                    {
                        await transaction.RollbackAsync(cancellationToken);
                        db.ChangeTracker.Clear();
                        db.Prefix.Clear();
                        return result;
                    }
                    await db.SaveChangesAsync(cancellationToken);
                    db.Prefix.Clear();
                    committing = true;
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
                catch (DbUpdateException ex) when (UniqueError(ex) is { } error)
                {
                    throw new UniqueConflictException(error, ex);
                }
            }
            // A connection lost before COMMIT was sent took its whole transaction with it: run the command once more on a
            // fresh connection (it is one transaction, so it cannot book twice). Lost during COMMIT, the outcome is unknown:
            // no retry, the edge answers 503 and the client's retry meets the first outcome (already booked, or a booking).
            catch (Exception ex) when (!committing && !reconnected && DatabaseFailures.IsConnectionLost(ex) && !cancellationToken.IsCancellationRequested)
            {
                reconnected = true;
                ConnectionLost(Reason(ex));
                db.Prefix.Clear();
                await recovery.ResetAsync(db);
            }
        }
    }

    /// <summary>
    /// Inside a transaction someone else owns (an idempotent request keeps its key and its answer in
    /// the command's transaction): already scoped to the organization, saved here, committed by the
    /// owner. A failed result or a retry goes back to the savepoint the owner took before the command.
    /// </summary>
    private async Task<T> RunEnclosedAsync<T>(Guid organizationId, IDbContextTransaction enclosing, Func<CancellationToken, Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken)
    {
        db.Database.AutoSavepointsEnabled = false;
        using var scope = db.ScopeTo(organizationId);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await work(cancellationToken);
                if (commit(result))
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return result;
                }
                await enclosing.RollbackToSavepointAsync(CommandSavepoint, cancellationToken);
                db.ChangeTracker.Clear();
                return result;
            }
            catch (Exception ex) when (IsTransient(ex) && attempt < MaxAttempts)
            {
                Retrying(attempt, Postgres(ex)!.SqlState);
                AppTelemetry.UnitOfWorkRetries.Add(1, new KeyValuePair<string, object?>(AppTelemetry.Tags.SqlState, Postgres(ex)!.SqlState));
                await enclosing.RollbackToSavepointAsync(CommandSavepoint, CancellationToken.None);
                db.ChangeTracker.Clear();
                db.Prefix.Clear();
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
            catch (DbUpdateException ex) when (UniqueError(ex) is { } error)
            {
                throw new UniqueConflictException(error, ex);
            }
        }
    }

    private static Error? UniqueError(DbUpdateException ex) =>
        Postgres(ex) is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: { } name } && UniqueErrors.TryGetValue(name, out var error) ? error : null;

    public async Task<T> ReadAsync<T>(Guid organizationId, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // Inside an idempotent request's transaction (already scoped to the organization): read there.
        if (db.Database.CurrentTransaction is not null)
        {
            using var scope = db.ScopeTo(organizationId);
            return await work(cancellationToken);
        }
        // A read has nothing to lose: once more on a fresh connection.
        return await recovery.ReadAsync(db, () => ReadOnceAsync(organizationId, work, cancellationToken), lost: ex =>
        {
            ConnectionLost(Reason(ex));
            db.Prefix.Clear();
        }, cancellationToken);
    }

    private async Task<T> ReadOnceAsync<T>(Guid organizationId, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY", cancellationToken);
        using var scope = ScopeToOrganization(organizationId);
        var result = await work(cancellationToken);
        db.Prefix.Clear();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Scopes the transaction and the context to the organization, at one point: the context's tenant
    /// filter compares every query of a tenant-owned entity with it (docs/adr/0030), and row-level
    /// security reads the setting, so a query that got past the filter still sees one organization.
    /// The setting travels in front of the transaction's first command (with Npgsql's BEGIN), not on a round trip of its own.
    /// </summary>
    private AppDbContext.OrganizationScope ScopeToOrganization(Guid organizationId)
    {
        db.Prefix.Add("SELECT set_config('app.organization_id', $1, true)", organizationId.ToString());
        return db.ScopeTo(organizationId);
    }

    private static bool IsTransient(Exception ex) =>
        Postgres(ex)?.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;

    private static string Reason(Exception ex) => Postgres(ex)?.SqlState ?? ex.GetType().Name;

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database connection was lost ({Reason}); running once more on a fresh connection")]
    private partial void ConnectionLost(string reason);
}
