using System.Text.Json;

namespace UnifiedCustomers.Application.Events.ListEvents;

/// <param name="After">the cursor: the `next` of the previous page; empty or "0" for the oldest event kept</param>
/// <param name="Types">only these event types, comma-separated; empty for all</param>
public sealed record ListEventsQuery(Guid OrganizationId, string? After, string? Types, int Limit = ListEventsQuery.DefaultLimit)
    : ITenantQuery<Result<EventPage>>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public IReadOnlyList<string> TypeList() => (Types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The envelope of every event, in the feed and as a webhook's body.</summary>
/// <param name="Id">unique, and the same in every delivery of the event (the webhook-id header): drop duplicates by it</param>
public sealed record EventEnvelope(Guid Id, string Type, DateTimeOffset OccurredAt, Guid OrganizationId, JsonElement Data);

/// <param name="Next">pass as `after` to read on; equals the `after` given when nothing new has committed</param>
/// <param name="HasMore">more events are ready now: read again at once</param>
public sealed record EventPage(IReadOnlyList<EventEnvelope> Items, string Next, bool HasMore);

internal sealed class ListEventsValidator : AbstractValidator<ListEventsQuery>
{
    public ListEventsValidator()
    {
        RuleFor(q => q.After)
            .Must(after => string.IsNullOrEmpty(after) || EventCursor.TryParse(after, out _))
            .WithMessage("The cursor is the `next` of an earlier page.");
        RuleFor(q => q.Types)
            .Must(types => types is null || (types.Length <= 2000 && new ListEventsQuery(Guid.Empty, null, types).TypeList().All(EventCatalog.IsKnown)))
            .WithMessage("Every type must be an event type of the catalog (docs/events.md).");
        RuleFor(q => q.Limit).InclusiveBetween(1, ListEventsQuery.MaxLimit)
            .WithMessage($"A page holds between 1 and {ListEventsQuery.MaxLimit} events.");
    }
}

/// <summary>The cursor is the position of the last event read, as decimal digits; clients treat it as opaque.</summary>
internal static class EventCursor
{
    public static bool TryParse(string text, out long position) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out position) && text.Length <= 19;

    public static string Format(long position) => position.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed class ListEventsHandler(IAppDbContext db) : IQueryHandler<ListEventsQuery, Result<EventPage>>
{
    public async ValueTask<Result<EventPage>> Handle(ListEventsQuery query, CancellationToken ct)
    {
        var after = string.IsNullOrEmpty(query.After) ? 0 : EventCursor.TryParse(query.After, out var parsed) ? parsed : 0;
        // Positions are given only after commit, by one publisher at a time: no event can later appear behind this cursor.
        var events = db.Events.AsNoTracking().Where(e => e.Position > after);
        if (query.TypeList() is { Count: > 0 } typeList)
        {
            var types = typeList.ToArray();
            events = events.Where(e => types.Contains(e.Type));
        }
        var rows = await events
            .OrderBy(e => e.Position)
            .Take(query.Limit + 1)
            .Select(e => new { e.Id, e.Type, e.OccurredAt, e.OrganizationId, e.Data, e.Position })
            .ToListAsync(ct);
        var page = rows.Take(query.Limit).ToList();
        var items = page.Select(e => new EventEnvelope(e.Id, e.Type, e.OccurredAt, e.OrganizationId, JsonDocument.Parse(e.Data).RootElement.Clone())).ToList();
        var next = page.Count > 0 ? page[^1].Position!.Value : after;
        return new EventPage(items, EventCursor.Format(next), rows.Count > query.Limit);
    }
}
