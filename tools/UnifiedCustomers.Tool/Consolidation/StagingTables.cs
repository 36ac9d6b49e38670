namespace UnifiedCustomers.Tool.Consolidation;

/// <summary>
/// A work table of the fold: an unlogged table in <see cref="StagingTables.Schema"/>, created and dropped
/// inside the run's transaction, so no other session ever sees it and a rollback leaves nothing.
/// </summary>
internal sealed record StagingTable(string Name, string Holds)
{
    public override string ToString() => $"{StagingTables.Schema}.{Name}";
}

/// <summary>
/// Every work table the phases pass between each other, by name, in one place. A phase declares which
/// of them it reads and writes (<see cref="Phase"/>); <c>PipelineTests</c> holds each declaration
/// against the phase's SQL and the order of the pipeline.
/// </summary>
internal static class StagingTables
{
    /// <summary>
    /// The run's own schema for its work tables. Not temporary tables: a statement that reads one of those
    /// cannot run in parallel, and the big groupings and joins of the fold take half the time on two cores.
    /// </summary>
    public const string Schema = "consolidation_work";

    public static readonly StagingTable Orgs = new("uc_org", "legacy organizations with zone, country, cutover day and slug");
    public static readonly StagingTable LeadOrgs = new("uc_lead_org", "each lead's organization, borrowed from its client when missing");
    public static readonly StagingTable People = new("uc_person", "leads and clients as people, one numbered row each");
    public static readonly StagingTable Phones = new("uc_phone", "each organization's raw phone and its E.164 form");
    public static readonly StagingTable Links = new("uc_edge", "same-person links between two people");
    public static readonly StagingTable Groups = new("uc_group", "each person's same-person group (its root)");
    public static readonly StagingTable RankedPeople = new("uc_ranked", "people in their group, ranked for field values and for the id");
    public static readonly StagingTable GroupFields = new("uc_group_fields", "one row of field values per group");
    public static readonly StagingTable Customers = new("uc_customer", "one customer per group, with its id");
    public static readonly StagingTable LeadRefs = new("uc_lead_ref", "legacy lead id to customer");
    public static readonly StagingTable ClientRefs = new("uc_client_ref", "legacy client id to customer");
    public static readonly StagingTable ClassTypes = new("uc_class_type", "programs as class types, with their quarantine reason");
    public static readonly StagingTable Sessions = new("uc_session", "migrated sessions");
    public static readonly StagingTable Plans = new("uc_plan", "migrated membership plans");
    public static readonly StagingTable Products = new("uc_product", "migrated pack products");
    public static readonly StagingTable Memberships = new("uc_membership", "memberships resolved to customers, current or not at the cutover");
    public static readonly StagingTable Packs = new("uc_pack", "packs resolved to customers, current or not at the cutover");
    public static readonly StagingTable Statuses = new("uc_customer_status", "each customer's lifecycle status at the cutover");
    public static readonly StagingTable Bookings = new("uc_booking", "bookings, class bookings and waitlist entries, with their reason");
    public static readonly StagingTable DuplicateGroups = new("uc_dup_group", "customer and session pairs with more than one booking");
    public static readonly StagingTable Keepers = new("uc_keep", "each duplicate booking's keeper and payment");
    public static readonly StagingTable IdClashes = new("uc_id_clash", "booking ids used by more than one legacy table");
    public static readonly StagingTable WaitPositions = new("uc_wait_position", "waitlisted survivors renumbered per session");
    public static readonly StagingTable Targets = new("uc_target", "the bookings to write");
    public static readonly StagingTable SeatsHeld = new("uc_seats_held", "per session, the bookings written that hold a seat");
    public static readonly StagingTable Notes = new("uc_note", "notes resolved to customers, with their reason");
    public static readonly StagingTable DeferredDdl = new("uc_deferred_ddl", "the target's foreign keys and indexes dropped for the load");

    public static readonly IReadOnlyList<StagingTable> All =
    [
        Orgs, LeadOrgs, People, Phones, Links, Groups, RankedPeople, GroupFields, Customers, LeadRefs, ClientRefs,
        ClassTypes, Sessions, Plans, Products, Memberships, Packs, Statuses,
        Bookings, DuplicateGroups, Keepers, IdClashes, WaitPositions, Targets, SeatsHeld, Notes, DeferredDdl,
    ];
}
