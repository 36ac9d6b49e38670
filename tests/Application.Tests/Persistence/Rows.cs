using Npgsql;

namespace UnifiedCustomers.Application.Tests.Persistence;

/// <summary>Everything one organization needs before a booking can point at it.</summary>
internal sealed record Tenant(Guid OrganizationId, Guid CustomerId, Guid SessionId, Guid MembershipId, Guid PackId);

/// <summary>
/// Rows written with plain SQL, past the domain and EF, so that only the database's own
/// constraints stand between a bad row and the table.
/// </summary>
internal sealed class Rows(string connectionString)
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    public async Task<Tenant> TenantAsync()
    {
        var organization = Guid.NewGuid();
        await ExecuteAsync(
            """
            INSERT INTO organizations (id, name, slug, time_zone, country, created_at, policy_booking_closes_minutes_before,
                policy_booking_opens_days_before, policy_drop_ins_for_leads_and_trials, policy_late_cancel_forfeits_credit,
                policy_late_cancel_hours, policy_promotion_cutoff_minutes, policy_waitlist_cap)
            VALUES ($1, 'Studio', $2, 'Europe/London', 'GB', $3, 0, 14, true, true, 12, 60, 10)
            """,
            organization, "studio-" + organization.ToString("N"), Now);
        var customer = await CustomerAsync(organization);
        var classType = Guid.NewGuid();
        await ExecuteAsync(
            "INSERT INTO class_types (id, organization_id, name, default_capacity, default_duration_minutes, is_active) VALUES ($1, $2, 'Flow', 12, 60, true)",
            classType, organization);
        var session = Guid.NewGuid();
        await ExecuteAsync(
            """
            INSERT INTO class_sessions (id, organization_id, class_type_id, starts_at, ends_at, capacity, status)
            VALUES ($1, $2, $3, $4, $5, 12, 'scheduled')
            """,
            session, organization, classType, Now.AddDays(2), Now.AddDays(2).AddHours(1));
        var plan = Guid.NewGuid();
        await ExecuteAsync(
            """
            INSERT INTO membership_plans (id, organization_id, name, class_type_ids, is_trial, is_active, allowance_classes, allowance_period)
            VALUES ($1, $2, 'Unlimited', '{}', false, true, NULL, 'unlimited')
            """,
            plan, organization);
        var membership = Guid.NewGuid();
        await ExecuteAsync(
            """
            INSERT INTO memberships (id, organization_id, customer_id, plan_id, class_type_ids, is_trial, start_date, status, created_at, allowance_period)
            VALUES ($1, $2, $3, $4, '{}', false, DATE '2026-06-01', 'active', $5, 'unlimited')
            """,
            membership, organization, customer, plan, Now);
        var product = Guid.NewGuid();
        await ExecuteAsync(
            """
            INSERT INTO pack_products (id, organization_id, name, credits, validity_days, class_type_ids, is_trial, is_active)
            VALUES ($1, $2, 'Five', 5, 30, '{}', false, true)
            """,
            product, organization);
        var pack = await PackAsync(organization, customer, product, total: 5, remaining: 5);
        return new Tenant(organization, customer, session, membership, pack);
    }

    public async Task<Guid> CustomerAsync(Guid organization, string? email = null, string status = "lead", Guid? mergedInto = null)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync(
            """
            INSERT INTO customers (id, organization_id, first_name, last_name, email, source, lifecycle_status, merged_into_id, created_at, updated_at)
            VALUES ($1, $2, 'Ada', 'Lovelace', $3, 'manual', $4, $5, $6, $6)
            """,
            id, organization, email, status, mergedInto, Now);
        return id;
    }

    public async Task<Guid> PackAsync(Guid organization, Guid customer, Guid product, int total, int remaining)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync(
            """
            INSERT INTO class_packs (id, organization_id, customer_id, product_id, credits_total, credits_remaining, class_type_ids, is_trial, status, purchased_at, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, '{}', false, 'active', $7, $8)
            """,
            id, organization, customer, product, total, remaining, Now, Now.AddDays(30));
        return id;
    }

    /// <summary>A booking of the tenant's customer and session, paid by drop-in unless told otherwise.</summary>
    public async Task<Guid> BookingAsync(
        Tenant tenant, string status = "confirmed", string paymentMethod = "drop_in", Guid? membershipId = null, Guid? packId = null,
        bool charged = false, int? waitlistPosition = null, Guid? organizationId = null, Guid? customerId = null, Guid? sessionId = null)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync(
            """
            INSERT INTO bookings (id, organization_id, customer_id, session_id, status, payment_method, membership_id, pack_id, charged, waitlist_position, source, booked_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'public', $11)
            """,
            id, organizationId ?? tenant.OrganizationId, customerId ?? tenant.CustomerId, sessionId ?? tenant.SessionId, status, paymentMethod,
            membershipId, packId, charged, waitlistPosition, Now);
        return id;
    }

    public async Task<Guid> LedgerAsync(Tenant tenant, Guid booking, int delta = -1, Guid? membershipId = null, Guid? packId = null)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync(
            """
            INSERT INTO credit_ledger (id, organization_id, customer_id, booking_id, membership_id, pack_id, delta, reason, at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, 'booked', $8)
            """,
            id, tenant.OrganizationId, tenant.CustomerId, booking, membershipId, packId, delta, Now);
        return id;
    }

    public async Task<int> ExecuteAsync(string sql, params object?[] values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return await command.ExecuteNonQueryAsync();
    }
}
