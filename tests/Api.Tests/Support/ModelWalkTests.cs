using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace UnifiedCustomers.Api.Tests.Support;

/// <summary>The API with the events' publisher on, so the walk can read the feed.</summary>
public sealed class ModelWalkFactory : ApiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Events:PublisherEnabled"] = "true",
    };
}

/// <summary>
/// A seeded random walk over one studio's API: after every step the invariants of the booking model
/// are checked in the database and in the answers. Seeds are fixed, so a failure reproduces.
/// </summary>
public sealed class ModelWalkTests(ModelWalkFactory api) : IClassFixture<ModelWalkFactory>
{
    private const int Seeds = 20;
    private const int Steps = 60;

    [Fact]
    public async Task RandomWalk_KeepsEveryInvariant()
    {
        var failures = new List<string>();
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var walk = new Walk(api, seed);
            await walk.SetUpAsync();
            for (var step = 0; step < Steps && walk.Violations.Count == 0; step++)
            {
                await walk.StepAsync();
                if (walk.Violations.Count == 0) await walk.CheckInvariantsAsync();
            }
            if (walk.Violations.Count == 0) await walk.CheckEventsAsync();
            if (Environment.GetEnvironmentVariable("MODEL_WALK_TRACE") is { Length: > 0 } traceFile)
                File.AppendAllLines(traceFile, walk.Trace.Select(t => $"{seed}: {t}"));
            if (walk.Violations.Count > 0)
                failures.Add($"seed {seed}:\n  " + string.Join("\n  ", walk.Violations) + "\n  trace:\n    " + string.Join("\n    ", walk.Trace));
        }
        failures.Should().BeEmpty(string.Join("\n\n", failures));
    }

    internal sealed class Walk(ApiFactory api, int seed)
    {
        private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        private static readonly HashSet<string> KnownCodes = LoadCodes();
        private readonly Random _rng = new(seed);
        private TestStudio _studio = null!;
        private readonly List<Guid> _types = [];
        private readonly List<Guid> _customers = [];
        private readonly List<Guid> _sessions = [];
        private readonly List<Guid> _bookings = [];
        private readonly List<Guid> _memberships = [];
        private readonly List<Guid> _plans = [];
        private readonly List<Guid> _products = [];
        private readonly Dictionary<Guid, HttpClient> _tokens = [];
        private int _emails;

        public List<string> Violations { get; } = [];
        public List<string> Trace { get; } = [];

        private DateTimeOffset Now => api.Clock.GetUtcNow();
        private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, London).DateTime);

        private static HashSet<string> LoadCodes()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(dir.FullName, "docs", "errors.md"))) dir = dir.Parent!;
            var text = File.ReadAllText(Path.Combine(dir.FullName, "docs", "errors.md"));
            return Regex.Matches(text, @"^\| `([a-z_.]+)` \| (\d{3}) \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value + ":" + m.Groups[2].Value).ToHashSet();
        }

        private T Pick<T>(IReadOnlyList<T> list) => list[_rng.Next(list.Count)];

        public async Task SetUpAsync()
        {
            _studio = await api.StudioAsync();
            _types.Add(await _studio.ClassTypeAsync("Yoga", 3));
            _types.Add(await _studio.ClassTypeAsync("Spin", 2));
            _plans.Add((await _studio.CreatedAsync("/api/v1/membership-plans", new { name = "Weekly 2", allowancePeriod = "week", allowanceClasses = 2 })).Id());
            _plans.Add((await _studio.CreatedAsync("/api/v1/membership-plans", new { name = "Monthly 3 yoga", allowancePeriod = "month", allowanceClasses = 3, classTypeIds = new[] { _types[0] } })).Id());
            _plans.Add((await _studio.CreatedAsync("/api/v1/membership-plans", new { name = "Trial term", allowancePeriod = "term", allowanceClasses = 2, isTrial = true })).Id());
            _plans.Add((await _studio.CreatedAsync("/api/v1/membership-plans", new { name = "Unlimited", allowancePeriod = "unlimited" })).Id());
            _products.Add((await _studio.CreatedAsync("/api/v1/pack-products", new { name = "3 pack", credits = 3, validityDays = 30 })).Id());
            _products.Add((await _studio.CreatedAsync("/api/v1/pack-products", new { name = "Trial 1", credits = 1, validityDays = 7, isTrial = true })).Id());
            _products.Add((await _studio.CreatedAsync("/api/v1/pack-products", new { name = "Spin 2 short", credits = 2, validityDays = 2, classTypeIds = new[] { _types[1] } })).Id());
            for (var i = 0; i < 5; i++) await RegisterAsync();
            for (var i = 0; i < 4; i++) await ScheduleAsync();
        }

        private async Task<HttpResponseMessage> Send(string op, HttpMethod method, string path, object? body, HttpClient? client = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null) request.Content = JsonContent.Create(body);
            if (method == HttpMethod.Patch) request.Content!.Headers.ContentType = new("application/merge-patch+json");
            var response = await (client ?? _studio.Client).SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            string? code = null;
            if (status >= 400 && text.StartsWith('{')) code = JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
            Trace.Add($"{op} -> {status} {code}");
            if (status >= 500) Violations.Add($"{op}: {status} {text}");
            else if (status >= 400 && (code is null || !KnownCodes.Contains(code + ":" + status))) Violations.Add($"{op}: undocumented problem {status} {text}");
            return response;
        }

        private static async Task<JsonElement> Json(HttpResponseMessage r) => await r.JsonAsync();

        private async Task RegisterAsync()
        {
            var n = ++_emails;
            var r = await Send($"register c{n}", HttpMethod.Post, "/api/v1/customers", new { firstName = "C" + n, lastName = "W", email = $"c{n}@example.com" });
            if (r.StatusCode == HttpStatusCode.Created) _customers.Add((await Json(r)).Id());
        }

        private async Task ScheduleAsync()
        {
            var startsAt = Now.AddHours(_rng.Next(2, 24 * 3));
            startsAt = new DateTimeOffset(startsAt.Year, startsAt.Month, startsAt.Day, startsAt.Hour, 0, 0, TimeSpan.Zero);
            var capacity = _rng.Next(1, 3);
            var r = await Send($"schedule {startsAt:O} cap {capacity}", HttpMethod.Post, "/api/v1/sessions", new { classTypeId = Pick(_types), startsAt, capacity });
            if (r.StatusCode == HttpStatusCode.Created) _sessions.Add((await Json(r)).Id());
        }

        private string C(Guid id) => "c" + _customers.IndexOf(id);
        private string S(Guid id) => "s" + _sessions.IndexOf(id);
        private string B(Guid id) => "b" + _bookings.IndexOf(id);

        private object? RandomPayment(Guid customer)
        {
            return _rng.Next(6) switch
            {
                0 when _memberships.Count > 0 => new { method = "membership", id = Pick(_memberships) },
                1 => new { method = "pack", id = (Guid?)null },
                2 => new { method = "drop_in" },
                3 => new { method = "complimentary" },
                _ => null,
            };
        }

        private async Task<Guid?> PackOf(Guid customer)
        {
            await using var db = await Db();
            await using var cmd = new NpgsqlCommand("select id from class_packs where customer_id=@c order by purchased_at limit 1", db);
            cmd.Parameters.AddWithValue("c", customer);
            return await cmd.ExecuteScalarAsync() as Guid?;
        }

        public async Task StepAsync()
        {
            var roll = _rng.Next(100);
            var c = Pick(_customers);
            var upcoming = (await RowsAsync("select id from class_sessions where organization_id=@o and status='scheduled' and starts_at > " + $"'{Now:O}'::timestamptz"))
                .Select(r => (Guid)r[0]!).OrderBy(_sessions.IndexOf).ToList();
            if (upcoming.Count < 3) { await ScheduleAsync(); return; }
            var s = _rng.Next(10) < 8 ? Pick(upcoming) : Pick(_sessions);
            var live = (await RowsAsync("select id from bookings where organization_id=@o and status in ('confirmed','waitlisted','attended')"))
                .Select(r => (Guid)r[0]!).OrderBy(_bookings.IndexOf).ToList();
            Guid PickBooking() => live.Count > 0 && _rng.Next(10) < 8 ? Pick(live) : Pick(_bookings);
            switch (roll)
            {
                case < 25:
                {
                    var payment = RandomPayment(c);
                    if (payment is not null && payment.GetType().GetProperty("method")!.GetValue(payment) as string == "pack")
                        payment = new { method = "pack", id = await PackOf(c) ?? Guid.NewGuid() };
                    var wait = _rng.Next(2) == 0;
                    var r = await Send($"book {C(c)} {S(s)} pay {JsonSerializer.Serialize(payment)} wait {wait}", HttpMethod.Post, "/api/v1/bookings",
                        new { customerId = c, sessionId = s, payment, joinWaitlistIfFull = wait });
                    if (r.StatusCode == HttpStatusCode.Created) _bookings.Add((await Json(r)).Id());
                    break;
                }
                case < 27:
                {
                    var ids = Enumerable.Range(0, _rng.Next(2, 4)).Select(_ => Pick(_sessions)).Distinct().ToList();
                    var mode = _rng.Next(2) == 0 ? "all_or_nothing" : "best_effort";
                    var r = await Send($"batch {C(c)} [{string.Join(",", ids.Select(S))}] {mode}", HttpMethod.Post, "/api/v1/bookings/batch",
                        new { customerId = c, sessionIds = ids, mode, joinWaitlistIfFull = _rng.Next(2) == 0 });
                    if (r.IsSuccessStatusCode) await SyncCustomersAndBookingsAsync();
                    break;
                }
                case < 32:
                {
                    var client = await TokenAsync(c);
                    if (client is null) break;
                    var wait = _rng.Next(2) == 0;
                    var r = await Send($"me-book {C(c)} {S(s)} wait {wait}", HttpMethod.Post, "/api/v1/me/bookings", new { sessionId = s, joinWaitlistIfFull = wait }, client);
                    if (r.StatusCode == HttpStatusCode.Created) _bookings.Add((await Json(r)).Id());
                    if (r.StatusCode == HttpStatusCode.Unauthorized) _tokens.Remove(c);
                    break;
                }
                case < 35:
                {
                    var email = _rng.Next(2) == 0 ? $"c{_rng.Next(1, _emails + 1)}@example.com" : $"web{++_emails}@example.com";
                    var r = await Send($"widget {email} {S(s)}", HttpMethod.Post, $"/api/v1/public/{_studio.Slug}/bookings",
                        new { sessionId = s, name = "Web Person", email, joinWaitlistIfFull = _rng.Next(2) == 0 }, api.CreateClient());
                    await SyncCustomersAndBookingsAsync();
                    break;
                }
                case < 47 when _bookings.Count > 0:
                {
                    var b = PickBooking();
                    var by = _rng.Next(2) == 0 ? "customer" : "staff";
                    var waive = by == "staff" && _rng.Next(2) == 0;
                    await Send($"cancel {B(b)} by {by} waive {waive}", HttpMethod.Post, $"/api/v1/bookings/{b}/cancel", new { by, waiveLateFee = waive });
                    break;
                }
                case < 50 when _bookings.Count > 0:
                {
                    var b = PickBooking();
                    var owner = await ScalarAsync<Guid>("select customer_id from bookings where id=@id", b);
                    var client = await TokenAsync(owner);
                    if (client is null) break;
                    var r = await Send($"me-cancel {B(b)} as {C(owner)}", HttpMethod.Post, $"/api/v1/me/bookings/{b}/cancel", null, client);
                    if (r.StatusCode == HttpStatusCode.Unauthorized) _tokens.Remove(owner);
                    break;
                }
                case < 57 when _bookings.Count > 0:
                {
                    var near = (await RowsAsync("select b.id from bookings b join class_sessions s on s.id=b.session_id where b.organization_id=@o and b.status in ('confirmed','attended') and s.starts_at - interval '30 minutes' <= " + $"'{Now:O}'::timestamptz and s.ends_at >= '{Now:O}'::timestamptz"))
                        .Select(r => (Guid)r[0]!).OrderBy(_bookings.IndexOf).ToList();
                    var b = near.Count > 0 && _rng.Next(10) < 8 ? Pick(near) : PickBooking();
                    var what = Pick(new[] { "check-in", "check-in", "undo-check-in", "no-show" });
                    await Send($"{what} {B(b)}", HttpMethod.Post, $"/api/v1/bookings/{b}/{what}", null);
                    break;
                }
                case < 63:
                {
                    object body = _rng.Next(3) switch
                    {
                        0 => new { startsAt = Now.AddMinutes(_rng.Next(2, 24 * 3) * 30) },
                        1 => new { capacity = _rng.Next(1, 5) },
                        _ => new { startsAt = Now.AddMinutes(_rng.Next(2, 24 * 3) * 30), capacity = _rng.Next(1, 5) },
                    };
                    await Send($"patch {S(s)} {JsonSerializer.Serialize(body)}", HttpMethod.Patch, $"/api/v1/sessions/{s}", body);
                    break;
                }
                case < 66:
                    await Send($"cancel-session {S(s)}", HttpMethod.Post, $"/api/v1/sessions/{s}/cancel", null);
                    break;
                case < 68:
                    await ScheduleAsync();
                    break;
                case < 72:
                {
                    var p = Pick(_products);
                    var r = await Send($"sell-pack {C(c)} p{_products.IndexOf(p)}", HttpMethod.Post, $"/api/v1/customers/{c}/packs", new { productId = p });
                    if (r.IsSuccessStatusCode) await CheckLifecycleAsync(c, "after sell-pack");
                    break;
                }
                case < 76:
                {
                    var p = Pick(_plans);
                    var start = Today.AddDays(_rng.Next(-10, 6));
                    DateOnly? end = _rng.Next(2) == 0 ? null : start.AddDays(_rng.Next(3, 40));
                    var r = await Send($"sell-membership {C(c)} plan{_plans.IndexOf(p)} {start} {end}", HttpMethod.Post, $"/api/v1/customers/{c}/memberships",
                        new { planId = p, startDate = start.ToString("yyyy-MM-dd"), endDate = end?.ToString("yyyy-MM-dd") });
                    if (r.IsSuccessStatusCode)
                    {
                        _memberships.Add((await Json(r)).Id());
                        await CheckLifecycleAsync(c, "after sell-membership");
                    }
                    break;
                }
                case < 80 when _memberships.Count > 0:
                {
                    var m = Pick(_memberships);
                    var owner = await ScalarAsync<Guid>("select customer_id from memberships where id=@id", m);
                    HttpResponseMessage r;
                    switch (_rng.Next(3))
                    {
                        case 0:
                            var from = Today.AddDays(_rng.Next(-2, 5));
                            DateOnly? until = _rng.Next(2) == 0 ? null : from.AddDays(_rng.Next(1, 10));
                            r = await Send($"pause m{_memberships.IndexOf(m)} {from} {until}", HttpMethod.Post, $"/api/v1/memberships/{m}/pause",
                                new { from = from.ToString("yyyy-MM-dd"), until = until?.ToString("yyyy-MM-dd") });
                            break;
                        case 1:
                            r = await Send($"resume m{_memberships.IndexOf(m)}", HttpMethod.Post, $"/api/v1/memberships/{m}/resume", new { });
                            break;
                        default:
                            var endDate = Today.AddDays(_rng.Next(-3, 10));
                            r = await Send($"cancel-membership m{_memberships.IndexOf(m)} {endDate}", HttpMethod.Post, $"/api/v1/memberships/{m}/cancel",
                                new { endDate = endDate.ToString("yyyy-MM-dd") });
                            break;
                    }
                    if (r.IsSuccessStatusCode) await CheckLifecycleAsync(owner, "after membership change");
                    break;
                }
                case < 86:
                {
                    // Jump to just before (or into) an upcoming class: check-in, late cancellations, no-shows, cutoffs.
                    var nextUp = (await RowsAsync("select id, starts_at from class_sessions where organization_id=@o and status='scheduled' and starts_at > " + $"'{Now:O}'::timestamptz"))
                        .Select(r => (Id: (Guid)r[0]!, At: new DateTimeOffset((DateTime)r[1]!, TimeSpan.Zero))).OrderBy(x => _sessions.IndexOf(x.Id)).ToList();
                    if (nextUp.Count == 0) break;
                    var target = Pick(nextUp);
                    var minutes = Pick(new[] { -13 * 60, -11 * 60, -61, -59, -29, -5, 1, 30 });
                    var to = target.At.AddMinutes(minutes);
                    if (to <= Now) break;
                    api.Clock.Advance(to - Now);
                    Trace.Add($"jump to {S(target.Id)}{minutes:+0;-0}min -> {Now:O}");
                    if (minutes is -29 or -5)
                        foreach (var r in await RowsAsync($"select id from bookings where session_id='{target.Id}' and status='confirmed'"))
                            await Send($"check-in {B((Guid)r[0]!)}", HttpMethod.Post, $"/api/v1/bookings/{r[0]}/check-in", null);
                    break;
                }
                case < 88:
                {
                    var other = Pick(_customers);
                    var r = await Send($"merge {C(other)} into {C(c)}", HttpMethod.Post, $"/api/v1/customers/{c}/merge", new { mergedId = other });
                    if (r.IsSuccessStatusCode) await CheckLifecycleAsync(c, "after merge");
                    break;
                }
                case < 90:
                {
                    var restore = _rng.Next(2) == 0;
                    var r = await Send($"{(restore ? "restore" : "archive")} {C(c)}", HttpMethod.Post, $"/api/v1/customers/{c}/{(restore ? "restore" : "archive")}", restore ? null : new { });
                    if (r.IsSuccessStatusCode && restore) await CheckLifecycleAsync(c, "after restore");
                    break;
                }
                case < 94:
                {
                    var hours = _rng.Next(5) == 0 ? _rng.Next(24, 72) : _rng.Next(1, 8);
                    api.Clock.Advance(TimeSpan.FromHours(hours));
                    Trace.Add($"advance {hours}h -> {Now:O}");
                    break;
                }
                case < 97:
                {
                    var r = await Send("recompute", HttpMethod.Post, "/api/v1/customers/recompute-lifecycles", null);
                    if (r.IsSuccessStatusCode) foreach (var id in _customers) await CheckLifecycleAsync(id, "after recompute");
                    break;
                }
                case < 99:
                    await CheckBalanceAsync(c);
                    break;
                default:
                    await RegisterAsync();
                    break;
            }
        }

        private async Task SyncCustomersAndBookingsAsync()
        {
            await using var db = await Db();
            await using (var cmd = new NpgsqlCommand("select id from customers where organization_id=@o order by created_at, email nulls last", db))
            {
                cmd.Parameters.AddWithValue("o", _studio.Id);
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) if (!_customers.Contains(reader.GetGuid(0))) _customers.Add(reader.GetGuid(0));
            }
            var rows = new List<(Guid Id, DateTime At, int Session)>();
            await using (var cmd = new NpgsqlCommand("select id, booked_at, session_id from bookings where organization_id=@o", db))
            {
                cmd.Parameters.AddWithValue("o", _studio.Id);
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) rows.Add((reader.GetGuid(0), reader.GetDateTime(1), _sessions.IndexOf(reader.GetGuid(2))));
            }
            foreach (var row in rows.OrderBy(r => r.At).ThenBy(r => r.Session)) if (!_bookings.Contains(row.Id)) _bookings.Add(row.Id);
        }

        private async Task<HttpClient?> TokenAsync(Guid customer)
        {
            if (_tokens.TryGetValue(customer, out var client)) return client;
            var r = await Send($"token {C(customer)}", HttpMethod.Post, $"/api/v1/customers/{customer}/access-tokens", new { expiresInMinutes = 1440, label = "walk" });
            if (r.StatusCode != HttpStatusCode.Created) return null;
            client = api.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", (await Json(r)).Str("token"));
            _tokens[customer] = client;
            return client;
        }

        private async Task<NpgsqlConnection> Db()
        {
            var db = new NpgsqlConnection(api.Database.ConnectionString);
            await db.OpenAsync();
            return db;
        }

        private async Task<T> ScalarAsync<T>(string sql, Guid id)
        {
            await using var db = await Db();
            await using var cmd = new NpgsqlCommand(sql, db);
            cmd.Parameters.AddWithValue("id", id);
            return (T)(await cmd.ExecuteScalarAsync())!;
        }

        private async Task<List<object?[]>> RowsAsync(string sql)
        {
            await using var db = await Db();
            await using var cmd = new NpgsqlCommand(sql, db);
            cmd.Parameters.AddWithValue("o", _studio.Id);
            await using var reader = await cmd.ExecuteReaderAsync();
            var rows = new List<object?[]>();
            while (await reader.ReadAsync())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(row);
            }
            return rows;
        }

        private void Fail(string what) => Violations.Add($"after step {Trace.Count}: {what}");

        public async Task CheckInvariantsAsync()
        {
            // Seats held never above the capacity of a scheduled session.
            foreach (var r in await RowsAsync("""
                select s.id, s.capacity, count(b.id) from class_sessions s
                join bookings b on b.session_id = s.id and b.status in ('confirmed','attended','no_show')
                where s.organization_id=@o and s.status='scheduled' group by s.id, s.capacity having count(b.id) > s.capacity
                """)) Fail($"session {S((Guid)r[0]!)} holds {r[2]} seats of {r[1]}");
            // Waitlist positions are 1..n.
            foreach (var r in await RowsAsync("""
                select session_id, array_agg(waitlist_position order by waitlist_position) from bookings
                where organization_id=@o and status='waitlisted' group by session_id
                """))
            {
                var positions = ((Array)r[1]!).Cast<object?>().Select(x => x is null ? (int?)null : Convert.ToInt32(x)).ToList();
                if (!positions.SequenceEqual(Enumerable.Range(1, positions.Count).Select(i => (int?)i)))
                    Fail($"waitlist of {S((Guid)r[0]!)} is [{string.Join(",", positions)}]");
            }
            // Nothing waits on a cancelled class; nothing non-waitlisted has a position.
            foreach (var r in await RowsAsync("""
                select b.id, b.status, s.status, b.waitlist_position from bookings b join class_sessions s on s.id=b.session_id
                where b.organization_id=@o and ((s.status='cancelled' and b.status in ('confirmed','waitlisted'))
                  or (b.status<>'waitlisted' and b.waitlist_position is not null))
                """)) Fail($"booking {B((Guid)r[0]!)} is {r[1]} (position {r[3]}) on a {r[2]} session");
            // Charged: only membership or pack, never waitlisted; charged_for only on charged membership bookings.
            foreach (var r in await RowsAsync("""
                select id, status, payment_method, charged, charged_for from bookings where organization_id=@o and
                  ((charged and payment_method not in ('membership','pack')) or (charged and status in ('waitlisted'))
                   or (charged_for is not null and not (charged and payment_method='membership'))
                   or (status in ('confirmed','attended','no_show') and payment_method in ('membership','pack') and not charged))
                """)) Fail($"booking {B((Guid)r[0]!)} {r[1]} {r[2]} charged={r[3]} charged_for={r[4]}");
            // Pack credits: total - charged bookings, and the ledger agrees.
            foreach (var r in await RowsAsync("""
                select p.id, p.credits_total, p.credits_remaining,
                  (select count(*) from bookings b where b.pack_id=p.id and b.charged),
                  (select coalesce(-sum(delta),0) from credit_ledger l where l.pack_id=p.id)
                from class_packs p where p.organization_id=@o
                """))
            {
                var (total, remaining, charged, ledger) = ((int)r[1]!, (int)r[2]!, (long)r[3]!, (long)r[4]!);
                if (remaining != total - charged || remaining < 0 || remaining > total || ledger != charged)
                    Fail($"pack {r[0]}: total {total} remaining {remaining} charged bookings {charged} ledger consumed-refunded {ledger}");
            }
            // Membership ledger agrees with its charged bookings.
            foreach (var r in await RowsAsync("""
                select m.id, (select count(*) from bookings b where b.membership_id=m.id and b.charged),
                  (select coalesce(-sum(delta),0) from credit_ledger l where l.membership_id=m.id)
                from memberships m where m.organization_id=@o
                """))
                if ((long)r[1]! != (long)r[2]!) Fail($"membership m{_memberships.IndexOf((Guid)r[0]!)}: charged bookings {r[1]} ledger {r[2]}");
            // Per booking: the ledger sums to -1 when charged, else 0; the ledger row's customer is the booking's.
            foreach (var r in await RowsAsync("""
                select b.id, b.charged, coalesce(sum(l.delta),0), bool_or(l.customer_id<>b.customer_id) from bookings b left join credit_ledger l on l.booking_id=b.id
                where b.organization_id=@o group by b.id, b.charged
                having coalesce(sum(l.delta),0) <> case when b.charged then -1 else 0 end or bool_or(l.customer_id<>b.customer_id)
                """)) Fail($"booking {B((Guid)r[0]!)} charged={r[1]} ledger sum {r[2]} other customer {r[3]}");
            // One active booking per customer and session (also the index), and a booking's customer is not merged away while active.
            foreach (var r in await RowsAsync("""
                select b.id, b.status from bookings b join customers c on c.id=b.customer_id
                where b.organization_id=@o and c.merged_into_id is not null and b.status in ('confirmed','waitlisted','attended')
                """)) Fail($"booking {B((Guid)r[0]!)} {r[1]} belongs to a merged-away customer");
            // Limited allowance per period.
            var charges = await RowsAsync("""
                select m.id, m.allowance_period, m.allowance_classes, m.start_date, m.end_date, coalesce(b.charged_for, s.starts_at)
                from bookings b join memberships m on m.id=b.membership_id join class_sessions s on s.id=b.session_id
                where b.organization_id=@o and b.charged and m.allowance_period<>'unlimited'
                """);
            foreach (var g in charges.GroupBy(r => (Guid)r[0]!))
            {
                var first = g.First();
                var period = (string)first[1]!;
                var limit = (int)first[2]!;
                foreach (var p in g.GroupBy(r => PeriodKey(period, LocalDate((DateTime)r[5]!))))
                    if (p.Count() > limit) Fail($"membership m{_memberships.IndexOf(g.Key)} ({period} {limit}) charged {p.Count()} classes in period {p.Key}");
            }
            // A lead or trial (who can always pay by drop-in) waits beside a free seat before the promotion cutoff.
            foreach (var r in await RowsAsync("""
                select s.id, b.id, c.lifecycle_status from class_sessions s join bookings b on b.session_id=s.id and b.status='waitlisted'
                join customers c on c.id=b.customer_id
                where s.organization_id=@o and s.status='scheduled' and s.starts_at - interval '60 minutes' > @now::timestamptz
                  and (select count(*) from bookings x where x.session_id=s.id and x.status in ('confirmed','attended','no_show')) < s.capacity
                  and c.lifecycle_status in ('lead','trial')
                """.Replace("@now", $"'{Now:O}'")))
                Fail($"waitlisted {B((Guid)r[1]!)} ({r[2]}) waits beside a free seat of {S((Guid)r[0]!)} before the cutoff");
        }

        private static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London));

        private static string PeriodKey(string period, DateOnly date) => period switch
        {
            "week" => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)).ToString(),
            "month" => $"{date.Year}-{date.Month}",
            "year" => date.Year.ToString(),
            _ => "term",
        };

        private async Task CheckLifecycleAsync(Guid customer, string when)
        {
            var today = Today;
            var now = Now;
            await using var db = await Db();
            string status;
            await using (var cmd = new NpgsqlCommand("select lifecycle_status from customers where id=@c", db))
            {
                cmd.Parameters.AddWithValue("c", customer);
                status = (string)(await cmd.ExecuteScalarAsync())!;
            }
            if (status == "archived") return;
            var (paid, trial, any) = (false, false, false);
            await using (var cmd = new NpgsqlCommand("select status, start_date, end_date, is_trial, pauses::text from memberships where customer_id=@c", db))
            {
                cmd.Parameters.AddWithValue("c", customer);
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    any = true;
                    var live = reader.GetString(0) is "active" or "paused";
                    var start = reader.GetFieldValue<DateOnly>(1);
                    DateOnly? end = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2);
                    var paused = false;
                    if (!reader.IsDBNull(4))
                        foreach (var pause in JsonDocument.Parse(reader.GetString(4)).RootElement.EnumerateArray())
                        {
                            var props = pause.EnumerateObject().ToDictionary(p => p.Name.ToLowerInvariant(), p => p.Value);
                            var from = DateOnly.Parse(props["from"].GetString()!);
                            DateOnly? until = props["until"].ValueKind == JsonValueKind.Null ? null : DateOnly.Parse(props["until"].GetString()!);
                            if (from <= today && (until is null || until > today)) paused = true;
                        }
                    if (!live || start > today || (end is not null && end < today) || paused) continue;
                    if (reader.GetBoolean(3)) trial = true; else paid = true;
                }
            }
            await using (var cmd = new NpgsqlCommand("select status, credits_remaining, expires_at, is_trial from class_packs where customer_id=@c", db))
            {
                cmd.Parameters.AddWithValue("c", customer);
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    any = true;
                    if (reader.GetString(0) != "active" || reader.GetInt32(1) <= 0 || (!reader.IsDBNull(2) && reader.GetFieldValue<DateTimeOffset>(2) <= now)) continue;
                    if (reader.GetBoolean(3)) trial = true; else paid = true;
                }
            }
            var expected = paid ? "member" : trial ? "trial" : any ? "lapsed" : null;
            if (expected is not null && expected != status) Fail($"{C(customer)} is {status} {when}, the rule gives {expected} (today {today})");
        }

        private async Task CheckBalanceAsync(Guid customer)
        {
            var r = await Send($"balance {C(customer)}", HttpMethod.Get, $"/api/v1/customers/{customer}/balance", null);
            if (!r.IsSuccessStatusCode) return;
            var balance = await Json(r);
            foreach (var pack in balance.GetProperty("packs").EnumerateArray())
            {
                var db = await ScalarAsync<int>("select credits_remaining from class_packs where id=@id", pack.Id());
                if (db != pack.GetProperty("creditsRemaining").GetInt32()) Fail($"balance of {C(customer)}: pack {pack.Id()} {pack.GetProperty("creditsRemaining")} vs db {db}");
            }
            foreach (var m in balance.GetProperty("memberships").EnumerateArray())
            {
                if (m.GetProperty("periodFrom").ValueKind == JsonValueKind.Null) continue;
                var from = DateOnly.Parse(m.Str("periodFrom")!);
                var until = m.GetProperty("periodUntil").ValueKind == JsonValueKind.Null ? DateOnly.MaxValue : DateOnly.Parse(m.Str("periodUntil")!);
                var used = (await RowsAsync($"""
                    select coalesce(b.charged_for, s.starts_at) from bookings b join class_sessions s on s.id=b.session_id
                    where b.organization_id=@o and b.charged and b.membership_id='{m.Id()}'
                    """)).Count(x => LocalDate((DateTime)x[0]!) >= from && LocalDate((DateTime)x[0]!) <= until);
                if (used != m.GetProperty("usedThisPeriod").GetInt32()) Fail($"balance of {C(customer)}: membership m{_memberships.IndexOf(m.Id())} used {m.GetProperty("usedThisPeriod")} vs db {used}");
            }
        }

        public async Task CheckEventsAsync()
        {
            var expected = (long)(await RowsAsync("select count(*) from events where organization_id=@o"))[0][0]!;
            var items = new List<JsonElement>();
            for (var attempt = 0; attempt < 50; attempt++)
            {
                items.Clear();
                string? after = null;
                while (true)
                {
                    var r = await _studio.GetAsync("/api/v1/events?limit=1000" + (after is null ? "" : "&after=" + after));
                    var page = await r.JsonAsync();
                    items.AddRange(page.GetProperty("items").EnumerateArray());
                    after = page.GetProperty("next").ToString();
                    if (!page.GetProperty("hasMore").GetBoolean()) break;
                }
                if (items.Count >= expected) break;
                await Task.Delay(100);
            }
            if (items.Count != expected) Fail($"feed has {items.Count} events, the table {expected}");
            var dupes = items.GroupBy(e => e.Str("id")).Where(g => g.Count() > 1).ToList();
            if (dupes.Count > 0) Fail($"feed repeats {dupes.Count} event ids");

            var bookings = (await RowsAsync("select id, status from bookings where organization_id=@o")).ToDictionary(r => (Guid)r[0]!, r => (string)r[1]!);
            var byBooking = items.Where(e => e.Str("type")!.StartsWith("booking.")).GroupBy(e => e.GetProperty("data").Id()).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var (id, status) in bookings)
            {
                if (!byBooking.TryGetValue(id, out var events)) { Fail($"booking {B(id)} has no event"); continue; }
                var created = events.Count(e => e.Str("type") is "booking.confirmed" or "booking.waitlisted");
                if (created != 1) Fail($"booking {B(id)} has {created} creation events: {string.Join(",", events.Select(e => e.Str("type")))}");
                var last = events[^1].GetProperty("data").Str("status");
                if (last != status) Fail($"booking {B(id)} is {status}, its last event {events[^1].Str("type")} says {last}: {string.Join(",", events.Select(e => e.Str("type")))}");
            }
            var memberships = (await RowsAsync("select id, status from memberships where organization_id=@o")).ToDictionary(r => (Guid)r[0]!, r => (string)r[1]!);
            foreach (var (id, status) in memberships)
            {
                var events = items.Where(e => e.Str("type")!.StartsWith("membership.") && e.GetProperty("data").Id() == id).ToList();
                if (events.Count == 0 || events[^1].GetProperty("data").Str("status") != status)
                    Fail($"membership m{_memberships.IndexOf(id)} is {status}, its events say {string.Join(",", events.Select(e => e.Str("type") + ":" + e.GetProperty("data").Str("status")))}");
            }
            var customers = (await RowsAsync("select id, lifecycle_status from customers where organization_id=@o")).ToDictionary(r => (Guid)r[0]!, r => (string)r[1]!);
            foreach (var (id, status) in customers)
            {
                var changes = items.Where(e => e.Str("type") == "customer.lifecycle_changed" && e.GetProperty("data").GetProperty("customer").Id() == id).ToList();
                var last = changes.Count == 0 ? "lead" : changes[^1].GetProperty("data").Str("to");
                if (last != status) Fail($"{C(id)} is {status}, its lifecycle events end at {last}");
                var createdEvents = items.Count(e => e.Str("type") == "customer.created" && e.GetProperty("data").Id() == id);
                if (createdEvents != 1) Fail($"{C(id)} has {createdEvents} customer.created events");
            }
            var sessions = (await RowsAsync("select id, status from class_sessions where organization_id=@o")).ToDictionary(r => (Guid)r[0]!, r => (string)r[1]!);
            foreach (var (id, status) in sessions)
            {
                var cancelled = items.Count(e => e.Str("type") == "session.cancelled" && e.GetProperty("data").Id() == id);
                if (cancelled != (status == "cancelled" ? 1 : 0)) Fail($"session {S(id)} is {status} with {cancelled} session.cancelled events");
            }
        }
    }
}
