namespace UnifiedCustomers.Api.Events;

internal static class EventsEndpoints
{
    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder api)
    {
        api.MapGet("/events", async (Tenant tenant, IMediator mediator, CancellationToken ct, string? after = null, string? types = null, int limit = ListEventsQuery.DefaultLimit) =>
                (await mediator.Send(new ListEventsQuery(tenant.OrganizationId, after, types, limit), ct)).ToOk())
            .WithTags("Events")
            .WithName("ListEvents")
            .WithSummary("The organization's events in commit order, after a cursor")
            .WithDescription("""
                `after`: the `next` of the previous page (leave out to start from the oldest event kept, 30 days by default).
                `types`: comma-separated event types (docs/events.md); all when left out. `limit`: 1 to 1000, default 100.
                No gaps: an event can never appear later behind a cursor already returned, so reading on from the last `next`
                misses nothing. `hasMore` says more is ready now; otherwise poll again later with the same `next`.
                """)
            .Produces<EventPage>()
            .Problems();
        return api;
    }
}
