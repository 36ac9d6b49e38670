using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UnifiedCustomers.Migrations.Schema
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "legacy_id_map",
                columns: table => new
                {
                    source_table = table.Column<string>(type: "text", nullable: false),
                    legacy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target_table = table.Column<string>(type: "text", nullable: false),
                    target_id = table.Column<Guid>(type: "uuid", nullable: false),
                    outcome = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legacy_id_map", x => new { x.source_table, x.legacy_id });
                    table.CheckConstraint("ck_legacy_id_map_outcome", "outcome IN ('migrated', 'merged')");
                });

            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    country = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    policy_booking_closes_minutes_before = table.Column<int>(type: "integer", nullable: false),
                    policy_booking_opens_days_before = table.Column<int>(type: "integer", nullable: false),
                    policy_drop_ins_for_leads_and_trials = table.Column<bool>(type: "boolean", nullable: false),
                    policy_late_cancel_forfeits_credit = table.Column<bool>(type: "boolean", nullable: false),
                    policy_late_cancel_hours = table.Column<int>(type: "integer", nullable: false),
                    policy_promotion_cutoff_minutes = table.Column<int>(type: "integer", nullable: false),
                    policy_waitlist_cap = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organizations", x => x.id);
                    table.CheckConstraint("ck_organizations_country", "country ~ '^[A-Z]{2}$'");
                });

            migrationBuilder.CreateTable(
                name: "class_types",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    default_capacity = table.Column<int>(type: "integer", nullable: false),
                    default_duration_minutes = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_class_types", x => x.id);
                    table.UniqueConstraint("ak_class_types_organization_id_id", x => new { x.organization_id, x.id });
                    table.CheckConstraint("ck_class_types_capacity", "default_capacity BETWEEN 1 AND 1000");
                    table.CheckConstraint("ck_class_types_duration", "default_duration_minutes > 0");
                    table.ForeignKey(
                        name: "fk_class_types_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    source = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    lifecycle_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    merged_into_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers", x => x.id);
                    table.UniqueConstraint("ak_customers_organization_id_id", x => new { x.organization_id, x.id });
                    table.CheckConstraint("ck_customers_email_normalized", "email = lower(email) AND email !~ '\\s' AND email <> ''");
                    table.CheckConstraint("ck_customers_lifecycle_status", "lifecycle_status IN ('lead', 'trial', 'member', 'lapsed', 'archived')");
                    table.CheckConstraint("ck_customers_merged_is_archived", "merged_into_id IS NULL OR lifecycle_status = 'archived'");
                    table.CheckConstraint("ck_customers_name", "first_name <> '' OR last_name <> ''");
                    table.ForeignKey(
                        name: "fk_customers_customers_organization_id_merged_into_id",
                        columns: x => new { x.organization_id, x.merged_into_id },
                        principalTable: "customers",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customers_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "membership_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    class_type_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    is_trial = table.Column<bool>(type: "boolean", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    allowance_classes = table.Column<int>(type: "integer", nullable: true),
                    allowance_period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_membership_plans", x => x.id);
                    table.UniqueConstraint("ak_membership_plans_organization_id_id", x => new { x.organization_id, x.id });
                    table.CheckConstraint("ck_membership_plans_allowance", "(allowance_period = 'unlimited' AND allowance_classes IS NULL) OR (allowance_period <> 'unlimited' AND allowance_classes >= 1)");
                    table.CheckConstraint("ck_membership_plans_allowance_period", "allowance_period IN ('unlimited', 'week', 'month', 'term')");
                    table.ForeignKey(
                        name: "fk_membership_plans_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pack_products",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    credits = table.Column<int>(type: "integer", nullable: false),
                    validity_days = table.Column<int>(type: "integer", nullable: false),
                    class_type_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    is_trial = table.Column<bool>(type: "boolean", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pack_products", x => x.id);
                    table.UniqueConstraint("ak_pack_products_organization_id_id", x => new { x.organization_id, x.id });
                    table.CheckConstraint("ck_pack_products_credits", "credits >= 1");
                    table.CheckConstraint("ck_pack_products_validity", "validity_days >= 1");
                    table.ForeignKey(
                        name: "fk_pack_products_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "class_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    class_type_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    instructor = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    location = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_class_sessions", x => x.id);
                    table.UniqueConstraint("ak_class_sessions_organization_id_id", x => new { x.organization_id, x.id });
                    table.CheckConstraint("ck_class_sessions_capacity", "capacity BETWEEN 1 AND 1000");
                    table.CheckConstraint("ck_class_sessions_status", "status IN ('scheduled', 'cancelled')");
                    table.CheckConstraint("ck_class_sessions_times", "ends_at > starts_at");
                    table.ForeignKey(
                        name: "fk_class_sessions_class_types_organization_id_class_type_id",
                        columns: x => new { x.organization_id, x.class_type_id },
                        principalTable: "class_types",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_class_sessions_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "customer_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_notes", x => x.id);
                    table.UniqueConstraint("ak_customer_notes_organization_id_id", x => new { x.organization_id, x.id });
                    table.ForeignKey(
                        name: "fk_customer_notes_customers_organization_id_customer_id",
                        columns: x => new { x.organization_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customer_notes_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "customer_status_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    to = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cause = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_status_changes", x => x.id);
                    table.CheckConstraint("ck_customer_status_changes_from", "\"from\" IS NULL OR \"from\" IN ('lead', 'trial', 'member', 'lapsed', 'archived')");
                    table.CheckConstraint("ck_customer_status_changes_to", "\"to\" IN ('lead', 'trial', 'member', 'lapsed', 'archived')");
                    table.ForeignKey(
                        name: "fk_customer_status_changes_customers_organization_id_customer_",
                        columns: x => new { x.organization_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "memberships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    class_type_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    is_trial = table.Column<bool>(type: "boolean", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    allowance_classes = table.Column<int>(type: "integer", nullable: true),
                    allowance_period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    pauses = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_memberships", x => x.id);
                    table.UniqueConstraint("ak_memberships_organization_id_id", x => new { x.organization_id, x.id });
                    table.CheckConstraint("ck_memberships_allowance", "(allowance_period = 'unlimited' AND allowance_classes IS NULL) OR (allowance_period <> 'unlimited' AND allowance_classes >= 0)");
                    table.CheckConstraint("ck_memberships_allowance_period", "allowance_period IN ('unlimited', 'week', 'month', 'term')");
                    table.CheckConstraint("ck_memberships_dates", "end_date IS NULL OR end_date >= start_date");
                    table.CheckConstraint("ck_memberships_status", "status IN ('active', 'paused', 'cancelled', 'expired')");
                    table.ForeignKey(
                        name: "fk_memberships_customers_organization_id_customer_id",
                        columns: x => new { x.organization_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_memberships_membership_plans_organization_id_plan_id",
                        columns: x => new { x.organization_id, x.plan_id },
                        principalTable: "membership_plans",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_memberships_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "class_packs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    credits_total = table.Column<int>(type: "integer", nullable: false),
                    credits_remaining = table.Column<int>(type: "integer", nullable: false),
                    class_type_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    is_trial = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    purchased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_class_packs", x => x.id);
                    table.UniqueConstraint("ak_class_packs_organization_id_id", x => new { x.organization_id, x.id });
                    table.CheckConstraint("ck_class_packs_credits", "credits_remaining BETWEEN 0 AND credits_total");
                    table.CheckConstraint("ck_class_packs_status", "status IN ('active', 'refunded')");
                    table.ForeignKey(
                        name: "fk_class_packs_customers_organization_id_customer_id",
                        columns: x => new { x.organization_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_class_packs_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_class_packs_pack_products_organization_id_product_id",
                        columns: x => new { x.organization_id, x.product_id },
                        principalTable: "pack_products",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bookings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    payment_method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    membership_id = table.Column<Guid>(type: "uuid", nullable: true),
                    pack_id = table.Column<Guid>(type: "uuid", nullable: true),
                    charged = table.Column<bool>(type: "boolean", nullable: false),
                    waitlist_position = table.Column<int>(type: "integer", nullable: true),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    booked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    promoted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bookings", x => x.id);
                    table.UniqueConstraint("ak_bookings_organization_id_id", x => new { x.organization_id, x.id });
                    table.CheckConstraint("ck_bookings_charged", "NOT charged OR payment_method IN ('membership', 'pack')");
                    table.CheckConstraint("ck_bookings_payment_method", "payment_method IN ('membership', 'pack', 'drop_in', 'complimentary', 'legacy_unknown')");
                    table.CheckConstraint("ck_bookings_payment_reference", "(payment_method = 'membership') = (membership_id IS NOT NULL) AND (payment_method = 'pack') = (pack_id IS NOT NULL)");
                    table.CheckConstraint("ck_bookings_source", "source IN ('staff', 'public', 'api', 'legacy')");
                    table.CheckConstraint("ck_bookings_status", "status IN ('confirmed', 'waitlisted', 'cancelled', 'late_cancelled', 'attended', 'no_show')");
                    table.CheckConstraint("ck_bookings_waitlist_position", "(status = 'waitlisted') = (waitlist_position IS NOT NULL) AND (waitlist_position IS NULL OR waitlist_position >= 1)");
                    table.ForeignKey(
                        name: "fk_bookings_class_packs_organization_id_pack_id",
                        columns: x => new { x.organization_id, x.pack_id },
                        principalTable: "class_packs",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bookings_class_sessions_organization_id_session_id",
                        columns: x => new { x.organization_id, x.session_id },
                        principalTable: "class_sessions",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bookings_customers_organization_id_customer_id",
                        columns: x => new { x.organization_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bookings_memberships_organization_id_membership_id",
                        columns: x => new { x.organization_id, x.membership_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bookings_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "credit_ledger",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    booking_id = table.Column<Guid>(type: "uuid", nullable: true),
                    membership_id = table.Column<Guid>(type: "uuid", nullable: true),
                    pack_id = table.Column<Guid>(type: "uuid", nullable: true),
                    delta = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_ledger", x => x.id);
                    table.UniqueConstraint("ak_credit_ledger_organization_id_id", x => new { x.organization_id, x.id });
                    table.CheckConstraint("ck_credit_ledger_delta", "delta IN (-1, 1)");
                    table.CheckConstraint("ck_credit_ledger_reason", "reason IN ('booked', 'promoted', 'cancellation_refund', 'session_cancelled', 'merge_duplicate', 'legacy_import')");
                    table.CheckConstraint("ck_credit_ledger_target", "(membership_id IS NULL) <> (pack_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_credit_ledger_bookings_organization_id_booking_id",
                        columns: x => new { x.organization_id, x.booking_id },
                        principalTable: "bookings",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_credit_ledger_class_packs_organization_id_pack_id",
                        columns: x => new { x.organization_id, x.pack_id },
                        principalTable: "class_packs",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_credit_ledger_customers_organization_id_customer_id",
                        columns: x => new { x.organization_id, x.customer_id },
                        principalTable: "customers",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_credit_ledger_memberships_organization_id_membership_id",
                        columns: x => new { x.organization_id, x.membership_id },
                        principalTable: "memberships",
                        principalColumns: new[] { "organization_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_credit_ledger_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_customer_id_booked_at",
                table: "bookings",
                columns: new[] { "customer_id", "booked_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_membership_id_charged",
                table: "bookings",
                columns: new[] { "membership_id", "charged" },
                filter: "membership_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_bookings_organization_id_customer_id",
                table: "bookings",
                columns: new[] { "organization_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_organization_id_membership_id",
                table: "bookings",
                columns: new[] { "organization_id", "membership_id" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_organization_id_pack_id",
                table: "bookings",
                columns: new[] { "organization_id", "pack_id" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_organization_id_session_id",
                table: "bookings",
                columns: new[] { "organization_id", "session_id" });

            migrationBuilder.CreateIndex(
                name: "ix_bookings_session_id_status",
                table: "bookings",
                columns: new[] { "session_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ux_bookings_idempotency_key",
                table: "bookings",
                columns: new[] { "organization_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_bookings_one_active_per_customer_and_session",
                table: "bookings",
                columns: new[] { "customer_id", "session_id" },
                unique: true,
                filter: "status IN ('confirmed', 'waitlisted', 'attended')");

            migrationBuilder.CreateIndex(
                name: "ix_class_packs_customer_id_status",
                table: "class_packs",
                columns: new[] { "customer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_class_packs_organization_id_customer_id",
                table: "class_packs",
                columns: new[] { "organization_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_class_packs_organization_id_product_id",
                table: "class_packs",
                columns: new[] { "organization_id", "product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_class_sessions_class_type_id_starts_at",
                table: "class_sessions",
                columns: new[] { "class_type_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_class_sessions_organization_id_class_type_id",
                table: "class_sessions",
                columns: new[] { "organization_id", "class_type_id" });

            migrationBuilder.CreateIndex(
                name: "ix_class_sessions_organization_id_starts_at",
                table: "class_sessions",
                columns: new[] { "organization_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_booking_id",
                table: "credit_ledger",
                column: "booking_id");

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_customer_id_at",
                table: "credit_ledger",
                columns: new[] { "customer_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_organization_id_booking_id",
                table: "credit_ledger",
                columns: new[] { "organization_id", "booking_id" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_organization_id_customer_id",
                table: "credit_ledger",
                columns: new[] { "organization_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_organization_id_membership_id",
                table: "credit_ledger",
                columns: new[] { "organization_id", "membership_id" });

            migrationBuilder.CreateIndex(
                name: "ix_credit_ledger_organization_id_pack_id",
                table: "credit_ledger",
                columns: new[] { "organization_id", "pack_id" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_notes_customer_id_created_at",
                table: "customer_notes",
                columns: new[] { "customer_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_notes_organization_id_customer_id",
                table: "customer_notes",
                columns: new[] { "organization_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_status_changes_customer_id_at",
                table: "customer_status_changes",
                columns: new[] { "customer_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_status_changes_organization_id_customer_id",
                table: "customer_status_changes",
                columns: new[] { "organization_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_organization_id_last_name_first_name",
                table: "customers",
                columns: new[] { "organization_id", "last_name", "first_name" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_organization_id_lifecycle_status",
                table: "customers",
                columns: new[] { "organization_id", "lifecycle_status" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_organization_id_merged_into_id",
                table: "customers",
                columns: new[] { "organization_id", "merged_into_id" });

            migrationBuilder.CreateIndex(
                name: "ix_customers_organization_id_phone",
                table: "customers",
                columns: new[] { "organization_id", "phone" });

            migrationBuilder.CreateIndex(
                name: "ux_customers_email_per_organization",
                table: "customers",
                columns: new[] { "organization_id", "email" },
                unique: true,
                filter: "email IS NOT NULL AND lifecycle_status <> 'archived'");

            migrationBuilder.CreateIndex(
                name: "ix_legacy_id_map_legacy_id",
                table: "legacy_id_map",
                column: "legacy_id");

            migrationBuilder.CreateIndex(
                name: "ix_legacy_id_map_target_table_target_id",
                table: "legacy_id_map",
                columns: new[] { "target_table", "target_id" });

            migrationBuilder.CreateIndex(
                name: "ix_memberships_customer_id_status",
                table: "memberships",
                columns: new[] { "customer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_memberships_organization_id_customer_id",
                table: "memberships",
                columns: new[] { "organization_id", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_memberships_organization_id_plan_id",
                table: "memberships",
                columns: new[] { "organization_id", "plan_id" });

            migrationBuilder.CreateIndex(
                name: "ix_organizations_slug",
                table: "organizations",
                column: "slug",
                unique: true);

            // The credit ledger is append-only: no deletes, and no change but the customer a merge moves it to.
            migrationBuilder.Sql("""
                CREATE FUNCTION credit_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        RAISE EXCEPTION 'credit_ledger is append-only: rows cannot be deleted' USING ERRCODE = 'integrity_constraint_violation';
                    END IF;
                    IF (NEW.id, NEW.organization_id, NEW.booking_id, NEW.membership_id, NEW.pack_id, NEW.delta, NEW.reason, NEW.at)
                       IS DISTINCT FROM (OLD.id, OLD.organization_id, OLD.booking_id, OLD.membership_id, OLD.pack_id, OLD.delta, OLD.reason, OLD.at) THEN
                        RAISE EXCEPTION 'credit_ledger is append-only: only the customer may change (merge)' USING ERRCODE = 'integrity_constraint_violation';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER credit_ledger_append_only BEFORE UPDATE OR DELETE ON credit_ledger
                    FOR EACH ROW EXECUTE FUNCTION credit_ledger_append_only();
                """);

            // Written by the consolidation (migrations -- consolidate); queried by the data team.
            migrationBuilder.Sql("""
                CREATE TABLE consolidation_quarantine (
                    source_table text NOT NULL,
                    legacy_id uuid NOT NULL,
                    reason text NOT NULL,
                    "row" jsonb NOT NULL,
                    PRIMARY KEY (source_table, legacy_id)
                );
                CREATE TABLE consolidation_runs (
                    id uuid PRIMARY KEY,
                    started_at timestamptz NOT NULL,
                    finished_at timestamptz,
                    cutover timestamptz NOT NULL,
                    legacy_schema text NOT NULL,
                    report jsonb
                );
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE consolidation_runs;
                DROP TABLE consolidation_quarantine;
                DROP TRIGGER credit_ledger_append_only ON credit_ledger;
                DROP FUNCTION credit_ledger_append_only();
                """);

            migrationBuilder.DropTable(
                name: "credit_ledger");

            migrationBuilder.DropTable(
                name: "customer_notes");

            migrationBuilder.DropTable(
                name: "customer_status_changes");

            migrationBuilder.DropTable(
                name: "legacy_id_map");

            migrationBuilder.DropTable(
                name: "bookings");

            migrationBuilder.DropTable(
                name: "class_packs");

            migrationBuilder.DropTable(
                name: "class_sessions");

            migrationBuilder.DropTable(
                name: "memberships");

            migrationBuilder.DropTable(
                name: "pack_products");

            migrationBuilder.DropTable(
                name: "class_types");

            migrationBuilder.DropTable(
                name: "customers");

            migrationBuilder.DropTable(
                name: "membership_plans");

            migrationBuilder.DropTable(
                name: "organizations");
        }
    }
}
