namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// The legacy README's rule for the customer of a booking, membership, pack, waitlist entry or note:
/// client_id first; else customer_id as a lead; else customer_id as a client. An id that names no row
/// (or a quarantined lead) is ignored; two ids naming different customers conflict.
/// </summary>
internal static class CustomerResolution
{
    public static string Joins(string clientId, string customerId) => $"""
        LEFT JOIN uc_client_ref rc ON rc.id = {clientId}
        LEFT JOIN uc_lead_ref rl ON rl.id = {customerId}
        LEFT JOIN uc_client_ref rlc ON rlc.id = {customerId}
        """;

    public const string Customer = "coalesce(rc.customer_id, rl.customer_id, rlc.customer_id)";

    public const string Organization = "coalesce(rc.org_id, rl.org_id, rlc.org_id)";

    public const string Reason = """
        CASE WHEN coalesce(rc.customer_id, rl.customer_id, rlc.customer_id) IS NULL THEN 'orphan_customer'
             WHEN rc.customer_id <> coalesce(rl.customer_id, rlc.customer_id) THEN 'conflicting_customer_ids' END
        """;
}
