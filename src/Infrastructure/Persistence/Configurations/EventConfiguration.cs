using UnifiedCustomers.Application.Events;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Domain.Webhooks;

namespace UnifiedCustomers.Infrastructure.Persistence.Configurations;

/// <summary>
/// The outbox and the feed in one table. transaction_id (the writing transaction's id, a column
/// default) is not mapped: only the publisher reads it, to keep each transaction's events together.
/// </summary>
internal sealed class StoredEventConfiguration : IEntityTypeConfiguration<StoredEvent>
{
    public void Configure(EntityTypeBuilder<StoredEvent> builder)
    {
        builder.ToTable("events");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasAlternateKey(e => new { e.OrganizationId, e.Id });
        builder.Property(e => e.Type).HasMaxLength(StoredEvent.TypeMaxLength);
        builder.Property(e => e.Data).HasColumnType("json");
        builder.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // The feed: an organization's events after a position.
        builder.HasIndex(e => new { e.OrganizationId, e.Position }).HasFilter("position IS NOT NULL");
        // Unique by construction (one publisher at a time); not a unique index, so the table could be distributed by organization.
        builder.HasIndex(e => e.Position).HasFilter("position IS NOT NULL");
        builder.HasIndex(e => e.OccurredAt);
        // ix_events_unpublished (transaction_id, ordinal) WHERE position IS NULL is made by the migration, over the unmapped column.
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhook_subscriptions");
        builder.IsTenantOwned();
        builder.Property(s => s.Url).HasMaxLength(WebhookSubscription.UrlMaxLength);
        builder.Property(s => s.Description).HasMaxLength(WebhookSubscription.DescriptionMaxLength);
        builder.Property(s => s.Secret).HasMaxLength(100);
        builder.Property(s => s.PreviousSecret).HasMaxLength(100);
        builder.Property(s => s.DisabledReason).HasMaxLength(200);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries", t =>
        {
            t.HasCheckConstraint("ck_webhook_deliveries_status", TenantKeys.In<DeliveryStatus>("status"));
            t.HasCheckConstraint("ck_webhook_deliveries_attempts", "attempts >= 0");
        });
        builder.IsTenantOwned();
        builder.Property(d => d.Status).HasMaxLength(16);
        builder.Property(d => d.EventType).HasMaxLength(StoredEvent.TypeMaxLength);
        builder.ReferencesInTenant<WebhookDelivery, WebhookSubscription>(nameof(WebhookDelivery.SubscriptionId));
        builder.HasOne<StoredEvent>().WithMany()
            .HasForeignKey(d => new { d.OrganizationId, d.EventId }).HasPrincipalKey(e => new { e.OrganizationId, e.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Property<long>("EventPosition");
        builder.HasIndex(d => new { d.OrganizationId, d.SubscriptionId, d.EventId }).IsUnique();
        builder.HasIndex(d => new { d.OrganizationId, d.SubscriptionId, d.CreatedAt });
        // What the workers claim: pending and due.
        builder.HasIndex(d => new { d.NextAttemptAt }).HasFilter("status = 'pending'").HasDatabaseName("ix_webhook_deliveries_due");
    }
}

internal sealed class WebhookDeliveryAttemptConfiguration : IEntityTypeConfiguration<WebhookDeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryAttempt> builder)
    {
        builder.ToTable("webhook_delivery_attempts", t =>
            t.HasCheckConstraint("ck_webhook_delivery_attempts_outcome", TenantKeys.In<AttemptOutcome>("outcome")));
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasAlternateKey(a => new { a.OrganizationId, a.Id });
        builder.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Outcome).HasMaxLength(16);
        builder.Property(a => a.ResponseExcerpt).HasMaxLength(WebhookDelivery.ResponseExcerptMaxLength);
        builder.Property(a => a.Error).HasMaxLength(WebhookDelivery.ResponseExcerptMaxLength);
        builder.ReferencesInTenant<WebhookDeliveryAttempt, WebhookDelivery>(nameof(WebhookDeliveryAttempt.DeliveryId));
        builder.HasIndex(a => new { a.OrganizationId, a.DeliveryId, a.Number });
    }
}
