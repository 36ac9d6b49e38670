using static UnifiedCustomers.Tool.Consolidation.StagingTables;

namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// The legacy README's rule for the customer of a booking, membership, pack, waitlist entry or note:
/// client_id first; else customer_id as a lead; else customer_id as a client. An id that names no row
/// (or a quarantined lead) is ignored; two ids naming different customers conflict.
/// The joins and the expressions over them come together, so a query uses the aliases it was given.
/// </summary>
/// <param name="Joins">the LEFT JOINs to add after the row's FROM</param>
/// <param name="Customer">the resolved customer id, or NULL</param>
/// <param name="Organization">the resolved customer's organization, or NULL</param>
/// <param name="Reason">the quarantine reason when the row has no single customer, else NULL</param>
internal sealed record CustomerResolution(string Joins, string Customer, string Organization, string Reason)
{
    /// <param name="clientId">the row's client id column, qualified (e.g. <c>m.client_id</c>)</param>
    /// <param name="customerId">the row's customer (lead) id column, qualified</param>
    public static CustomerResolution Of(string clientId, string customerId)
    {
        const string byClient = "res_client", byLead = "res_lead", byLeadAsClient = "res_lead_client";
        return new CustomerResolution(
            Joins: $"""
                LEFT JOIN {ClientRefs} {byClient} ON {byClient}.id = {clientId}
                LEFT JOIN {LeadRefs} {byLead} ON {byLead}.id = {customerId}
                LEFT JOIN {ClientRefs} {byLeadAsClient} ON {byLeadAsClient}.id = {customerId}
                """,
            Customer: $"coalesce({byClient}.customer_id, {byLead}.customer_id, {byLeadAsClient}.customer_id)",
            Organization: $"coalesce({byClient}.org_id, {byLead}.org_id, {byLeadAsClient}.org_id)",
            Reason: $"""
                CASE WHEN coalesce({byClient}.customer_id, {byLead}.customer_id, {byLeadAsClient}.customer_id) IS NULL THEN 'orphan_customer'
                     WHEN {byClient}.customer_id <> coalesce({byLead}.customer_id, {byLeadAsClient}.customer_id) THEN 'conflicting_customer_ids' END
                """);
    }
}
