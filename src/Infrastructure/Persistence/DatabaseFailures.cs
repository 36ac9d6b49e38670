using System.Net.Sockets;
using Npgsql;

namespace UnifiedCustomers.Infrastructure.Persistence;

/// <summary>
/// Which database failures are the database's state rather than a bug, judged by exception types
/// and SQLSTATE codes (never by message text). The edge answers them 503 with Retry-After.
/// </summary>
public static class DatabaseFailures
{
    /// <summary>
    /// The connection is gone: the server shut it (a restart: 57P01/57P02), is still starting (57P03),
    /// refused or dropped the socket (08xxx, I/O errors). Nothing was committed on it, and a fresh
    /// connection may well succeed, so the unit of work retries once.
    /// </summary>
    public static bool IsConnectionLost(Exception exception)
    {
        for (Exception? ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                           || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;
                case NpgsqlException npgsql when npgsql.InnerException is IOException or SocketException or EndOfStreamException:
                    return true;
                case SocketException or EndOfStreamException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The database cannot serve this request now: the connection is lost (above), the server is out
    /// of connection slots (53300), of disk, memory or other resources (53xxx), cannot read or write
    /// its files (58030), accepts no writes (25006: a standby, or a primary being failed over), the
    /// pool is exhausted, a statement ran past its timeout (57014 statement_timeout, 55P03
    /// lock_timeout, Npgsql's command timeout), or it broke a deadlock by cancelling this request's
    /// transaction (40P01) where no retry was made.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        if (IsConnectionLost(exception)) return true;
        for (Exception? ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || postgres.SqlState is PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.LockNotAvailable
                            or PostgresErrorCodes.IoError or PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.DeadlockDetected;
                case NpgsqlException { InnerException: TimeoutException }:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>One line for the log: the innermost cause's type, SQLSTATE when the server sent one, and message.</summary>
    public static string Describe(Exception exception)
    {
        var root = exception;
        PostgresException? postgres = null;
        for (Exception? ex = exception; ex is not null; ex = ex.InnerException)
        {
            postgres ??= ex as PostgresException;
            root = ex;
        }
        return postgres is not null ? $"{postgres.SqlState} {postgres.MessageText}" : $"{root.GetType().Name}: {root.Message}";
    }
}
