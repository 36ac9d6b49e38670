using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Organizations;
using UnifiedCustomers.Tool.Consolidation;

namespace UnifiedCustomers.Consolidation.Tests;

/// <summary>
/// Legacy values the schema allows and the sample and the generator never write, each of which once
/// rolled the whole run back or folded a row against docs/legacy/README.md. All in one database, so
/// the run also shows that none of them stops the others.
/// </summary>
public sealed class UnusualValuesDatabase : LegacyDatabase
{
    public static readonly Guid London = Guid.Parse("0c000000-0000-0000-0000-00000000000a");
    public static readonly Guid[] Yogas = [Org(1), Org(2), Org(3)];
    public static readonly Guid Punctuated = Org(4);
    public static readonly Guid[] Pilates = [Guid.Parse("0f000000-0000-0000-0000-000000000001"), Guid.Parse("0f000000-0000-0000-0000-000000000002"), Org(6), Org(7)];

    public static readonly Guid Original = Person(1), Duplicate = Person(2);
    public static readonly Guid OnlySeparator = Person(3), SeparatorInside = Person(4);
    public static readonly Guid Ann = Person(5), Bob = Person(6), UnlimitedMember = Person(7);
    public static readonly Guid AnnsMembership = Row(1), BobsBookingOnAnnsMembership = Row(2), HugePack = Row(3);
    public static readonly Guid QuarterlyUnlimitedPlan = Row(4), QuarterlyMembership = Row(5), MonthlyPlan = Row(6), Session = Row(7), Package = Row(8), Program = Row(9), LongNote = Row(10);
    public static readonly Guid Timeless = Person(8), EndlessSession = Row(11), DayLongSession = Row(12), NeverExpiring = Row(13), LongExpired = Row(14),
        PausedForever = Row(15), TimelessBooking = Row(16);
    public static readonly Guid Blank = Org(5), Spaced = Person(9), SpacedAgain = Person(10), NonBreaking = Person(11), AtTheEdge = Person(12);
    public static readonly Guid Marathon = Row(17), MarathonSession = Row(18), LastHalfHour = Row(19), EndOfTime = Row(20), Forever = Row(21),
        EdgePlan = Row(22), CancelledFarAhead = Row(23), PausedAtTheEdge = Row(24), Tiny = Row(25), TinyFirst = Row(26), TinySecond = Row(27),
        ControlledProgram = Row(28), ControlledSession = Row(29), Barre = Row(30), Caller = Person(13);
    public static readonly Guid Verbose = Person(14), VerboseLead = Person(15), LongNamesSession = Row(31);
    public static readonly Guid Smiley = Person(16), NoBreak = Person(17), Mailer = Person(18), MailerLead = Person(19);
    public static readonly Guid CancelledClass = Row(32), RoomyClass = Row(33), AnnOnTheCancelledClass = Row(34), BobWaitingOnTheCancelledClass = Row(35),
        BobWaitingBesideFreeSeats = Row(36);

    private static Guid Org(int n) => Guid.Parse($"0b000000-0000-0000-0000-{n:D12}");

    private static Guid Person(int n) => Guid.Parse($"0d000000-0000-0000-0000-{n:D12}");

    private static Guid Row(int n) => Guid.Parse($"0e000000-0000-0000-0000-{n:D12}");

    protected override Task LoadLegacyDataAsync() => ExecuteAsync($"""
        INSERT INTO legacy.organizations (id, name, slug, timezone, created_at) VALUES
            ('{London}', 'London Studio', NULL, E' europe/LONDON\n', '2020-01-01Z'),
            ('{Yogas[0]}', 'Yoga', NULL, 'UTC', '2020-01-01Z'),
            ('{Yogas[1]}', 'Yoga', NULL, 'UTC', '2020-01-02Z'),
            ('{Yogas[2]}', 'Yoga', NULL, 'UTC', '2020-01-03Z'),
            ('{Punctuated}', 'Punctuated', E'  My Studio!! -- (Main)\t', 'UTC', '2020-01-04Z'),
            ('{Pilates[0]}', 'Pilates', NULL, 'UTC', '2020-01-01Z'),
            ('{Pilates[1]}', 'Pilates', NULL, 'UTC', '2020-01-02Z'),
            ('{Pilates[2]}', 'Pilates Annex', 'pilates-0f000000', 'UTC', '2020-01-03Z'),
            ('{Pilates[3]}', 'Pilates Old', 'pilates-0f000000000000000000000000000002', 'UTC', '2020-01-04Z');

        INSERT INTO legacy.clients (id, org_id, first_name, last_name, phone, metadata, created_at) VALUES
            ('{Original}', '{London}', 'Orla', 'Original', NULL, jsonb_build_object(), '2020-01-01Z'),
            ('{Duplicate}', '{London}', 'Orla', 'Copy', NULL, jsonb_build_object('archived_as_duplicate_of', E'\t{Original}\n'), '2020-02-01Z'),
            ('{OnlySeparator}', '{London}', E'\x1f', NULL, NULL, jsonb_build_object(), '2020-01-01Z'),
            ('{SeparatorInside}', '{London}', E'Ann\x1fMarie', 'Smith', NULL, jsonb_build_object(), '2020-01-01Z'),
            ('{Ann}', '{London}', 'Ann', 'Payer', '07700 900123', jsonb_build_object(), '2020-01-01Z'),
            ('{Bob}', '{London}', 'Bob', 'Borrower', NULL, jsonb_build_object(), '2020-01-01Z'),
            ('{UnlimitedMember}', '{London}', 'Una', 'Limited', NULL, jsonb_build_object(), '2020-01-01Z');

        INSERT INTO legacy.membership_plans (id, organization_id, name, billing_period, classes_per_period) VALUES
            ('{MonthlyPlan}', '{London}', 'Eight a month', 'monthly', 8),
            ('{QuarterlyUnlimitedPlan}', '{London}', 'Unlimited quarterly', 'quarterly', NULL);
        INSERT INTO legacy.customer_memberships (id, organization_id, client_id, membership_plan_id, status, start_date, created_at) VALUES
            ('{AnnsMembership}', '{London}', '{Ann}', '{MonthlyPlan}', 'active', '2026-01-01', '2026-01-01Z'),
            ('{QuarterlyMembership}', '{London}', '{UnlimitedMember}', '{QuarterlyUnlimitedPlan}', 'active', '2026-01-01', '2026-01-01Z');

        INSERT INTO legacy.class_packages (id, organization_id, name, classes_included) VALUES ('{Package}', '{London}', 'Ten', 10);
        INSERT INTO legacy.customer_class_packages (id, organization_id, client_id, package_id, status, classes_remaining, classes_used, purchase_date)
            VALUES ('{HugePack}', '{London}', '{Ann}', '{Package}', 'active', 2147483647, 1, '2026-01-01Z');

        INSERT INTO legacy.programs (id, organization_id, name) VALUES ('{Program}', '{London}', '  ' || repeat('Flow ', 30));
        INSERT INTO legacy.customer_notes (id, organization_id, client_id, content) VALUES ('{LongNote}', '{London}', '{Ann}', repeat('n', 5000));
        INSERT INTO legacy.clients (id, org_id, first_name, created_at, updated_at) VALUES ('{Timeless}', '{London}', 'Tim', 'infinity', 'infinity');
        INSERT INTO legacy.class_sessions (id, organization_id, program_id, start_time, end_time) VALUES
            ('{EndlessSession}', '{London}', '{Program}', '2026-05-21 09:00Z', 'infinity'),
            ('{DayLongSession}', '{London}', '{Program}', '2026-05-22 09:00Z', '2026-05-23 15:00Z');
        INSERT INTO legacy.customer_class_packages (id, organization_id, client_id, package_id, status, classes_remaining, classes_used, purchase_date, expiry_date, created_at) VALUES
            ('{NeverExpiring}', '{London}', '{Timeless}', '{Package}', 'active', 3, 0, 'infinity', 'infinity', '-infinity'),
            ('{LongExpired}', '{London}', '{Timeless}', '{Package}', 'active', 3, 0, '2026-01-01Z', '-infinity', '2026-01-01Z');
        INSERT INTO legacy.customer_memberships (id, organization_id, client_id, membership_plan_id, status, start_date, cancellation_date, created_at, updated_at) VALUES
            ('{PausedForever}', '{London}', '{Timeless}', '{MonthlyPlan}', 'paused', '2026-01-01', 'infinity', 'infinity', 'infinity');
        INSERT INTO legacy.class_bookings (id, organization_id, class_session_id, client_id, booking_status, booked_at, cancelled_at, created_at) VALUES
            ('{TimelessBooking}', '{London}', '{EndlessSession}', '{Timeless}', 'cancelled', 'infinity', '-infinity', '-infinity');
        INSERT INTO legacy.organizations (id, name, slug, timezone, created_at) VALUES ('{Blank}', E'  \t ', NULL, 'Pacific/Kiritimati', '2020-01-01Z');
        INSERT INTO legacy.clients (id, org_id, first_name, email, created_at, updated_at) VALUES
            ('{Spaced}', '{London}', 'Sam', 'sam@example.test', '2020-01-01Z', '2020-01-01Z'),
            ('{SpacedAgain}', '{London}', 'Sam', U&'sam@example.test\00A0', '2020-02-01Z', '2020-02-01Z'),
            ('{NonBreaking}', '{London}', U&'\00A0\2003', NULL, '2020-01-01Z', '2020-01-01Z'),
            ('{AtTheEdge}', '{Blank}', 'Edge', NULL, '2020-01-01Z', '2020-01-01Z');
        INSERT INTO legacy.programs (id, organization_id, name, duration_minutes) VALUES ('{Marathon}', '{London}', 'Marathon', 100000);
        INSERT INTO legacy.class_sessions (id, organization_id, program_id, start_time, end_time) VALUES
            ('{MarathonSession}', '{London}', '{Marathon}', '2026-05-23 09:00Z', '2026-05-23 09:00Z'),
            ('{LastHalfHour}', '{London}', '{Program}', '2200-12-31 23:30Z', 'infinity'),
            ('{EndOfTime}', '{London}', '{Program}', '294276-12-31 23:00:00+00', '294276-12-31 23:00:00+00');
        INSERT INTO legacy.class_packages (id, organization_id, name, classes_included, validity_days) VALUES ('{Forever}', '{London}', 'Forever', 5000, 2147483647);
        INSERT INTO legacy.membership_plans (id, organization_id, name, billing_period, classes_per_period) VALUES ('{EdgePlan}', '{Blank}', 'Edge', 'monthly', NULL);
        INSERT INTO legacy.customer_memberships (id, organization_id, client_id, membership_plan_id, status, start_date, cancellation_date, created_at, updated_at) VALUES
            ('{CancelledFarAhead}', '{London}', '{Timeless}', '{MonthlyPlan}', 'cancelled', '2025-01-01', '300000-01-01', '2025-01-01Z', '2025-01-01Z'),
            ('{PausedAtTheEdge}', '{Blank}', '{AtTheEdge}', '{EdgePlan}', 'paused', '2026-01-01', NULL, '2026-01-01Z', '2200-12-31 23:00Z');
        INSERT INTO legacy.class_sessions (id, organization_id, program_id, start_time, end_time, max_capacity, current_bookings) VALUES
            ('{Tiny}', '{London}', '{Program}', '2026-06-10 09:00Z', '2026-06-10 10:00Z', 1, 2);
        INSERT INTO legacy.class_bookings (id, organization_id, class_session_id, client_id, booking_status, created_at) VALUES
            ('{TinyFirst}', '{London}', '{Tiny}', '{Original}', 'confirmed', '2026-05-01Z'),
            ('{TinySecond}', '{London}', '{Tiny}', '{Ann}', 'confirmed', '2026-05-02Z');
        INSERT INTO legacy.programs (id, organization_id, name) VALUES ('{ControlledProgram}', '{London}', E'Yoga\x01Flow\t'), ('{Barre}', '{London}', E'Barre\x01');
        INSERT INTO legacy.class_sessions (id, organization_id, program_id, start_time, end_time, instructor_name, location) VALUES
            ('{ControlledSession}', '{London}', '{ControlledProgram}', '2026-06-11 09:00Z', '2026-06-11 10:00Z', E'Ina\tStructor', E'Studio\x02 B');
        INSERT INTO legacy.clients (id, org_id, first_name, phone, source, created_at) VALUES
            ('{Caller}', '{London}', 'Cal', E'call\tme', E'web\x01site', '2020-01-01Z');
        INSERT INTO legacy.class_sessions (id, organization_id, program_id, start_time, end_time) VALUES
            ('{Session}', '{London}', '{Program}', '2026-05-20 09:00Z', '2026-05-20 10:00Z');
        INSERT INTO legacy.class_bookings (id, organization_id, class_session_id, client_id, membership_id, booking_status, created_at) VALUES
            ('{BobsBookingOnAnnsMembership}', '{London}', '{Session}', '{Bob}', '{AnnsMembership}', 'attended', '2026-05-01Z');
        INSERT INTO legacy.clients (id, org_id, first_name, email, phone, source, created_at) VALUES
            ('{Verbose}', '{London}', repeat('Abcd ', 25), repeat('e', 250) || '@example.test', repeat('1', 40), repeat('s', 60), '2020-01-01Z');
        INSERT INTO legacy.leads (id, organization_id, client_id, first_name, source, notes, created_at) VALUES
            ('{VerboseLead}', '{London}', '{Verbose}', 'Short', repeat('q', 70), repeat('x', 4500), '2020-01-01Z');
        INSERT INTO legacy.class_sessions (id, organization_id, program_id, start_time, end_time, instructor_name, location) VALUES
            ('{LongNamesSession}', '{London}', '{Program}', '2026-06-12 09:00Z', '2026-06-12 10:00Z', repeat('I', 130), repeat('L', 125));
        INSERT INTO legacy.clients (id, org_id, first_name, last_name, email, created_at) VALUES
            ('{Smiley}', '{London}', repeat(U&'\+01F600', 60), 'Face', NULL, '2020-01-01Z'),
            ('{NoBreak}', '{London}', repeat('A', 99) || U&'\00A0' || 'BBBBBBBBBB', 'Space', NULL, '2020-01-01Z'),
            ('{Mailer}', '{London}', 'Mae', 'Iler', 'mae@example.test', '2020-01-01Z');
        INSERT INTO legacy.leads (id, organization_id, client_id, first_name, email, created_at) VALUES
            ('{MailerLead}', '{London}', '{Mailer}', 'Mae', repeat('m', 300) || '@example.test', '2020-01-01Z');
        INSERT INTO legacy.class_sessions (id, organization_id, program_id, start_time, end_time, max_capacity, session_status) VALUES
            ('{CancelledClass}', '{London}', '{Program}', '2026-06-15 09:00Z', '2026-06-15 10:00Z', 10, 'cancelled'),
            ('{RoomyClass}', '{London}', '{Program}', '2026-06-16 09:00Z', '2026-06-16 10:00Z', 10, 'scheduled');
        INSERT INTO legacy.class_bookings (id, organization_id, class_session_id, client_id, booking_status, created_at) VALUES
            ('{AnnOnTheCancelledClass}', '{London}', '{CancelledClass}', '{Ann}', 'confirmed', '2026-05-20Z');
        INSERT INTO legacy.class_waitlists (id, organization_id, class_session_id, customer_id, position, status, added_at) VALUES
            ('{BobWaitingOnTheCancelledClass}', '{London}', '{CancelledClass}', '{Bob}', 1, 'waiting', '2026-05-21Z'),
            ('{BobWaitingBesideFreeSeats}', '{London}', '{RoomyClass}', '{Bob}', 1, 'waiting', '2026-05-21Z');
        """);
}

public sealed class UnusualValuesTests(FoldedOnce<UnusualValuesDatabase> fixture) : IClassFixture<FoldedOnce<UnusualValuesDatabase>>
{
    private UnusualValuesDatabase Db => fixture.Database;

    [Fact]
    public void TheRun_CommitsAndBalances()
    {
        fixture.Result.Outcome.Should().Be(ConsolidationOutcome.Committed, fixture.Result.Message);
        fixture.Result.Report!.Balanced.Should().BeTrue();
    }

    [Fact]
    public async Task ADuplicateReference_WithTabsAndNewlinesAroundTheId_StillLinksTheTwoClients()
    {
        var customers = await Db.QueryAsync(
            $"SELECT DISTINCT target_id FROM legacy_id_map WHERE legacy_id IN ('{UnusualValuesDatabase.Original}', '{UnusualValuesDatabase.Duplicate}')",
            r => r.GetGuid(0));

        customers.Should().Equal(UnusualValuesDatabase.Original);
    }

    [Fact]
    public async Task ControlCharactersInNames_BecomeSpaces_AndNoNameIsLost()
    {
        var names = await Db.QueryAsync(
            $"SELECT id, first_name, last_name FROM customers WHERE id IN ('{UnusualValuesDatabase.OnlySeparator}', '{UnusualValuesDatabase.SeparatorInside}')",
            r => (r.GetGuid(0), r.GetString(1), r.GetString(2)));

        names.Should().BeEquivalentTo(new[]
        {
            (UnusualValuesDatabase.OnlySeparator, CustomersPhase.NamelessFirstName, ""),
            (UnusualValuesDatabase.SeparatorInside, "Ann Marie", "Smith"),
        });
    }

    [Fact]
    public async Task APackWhoseCreditsOverflowAnInteger_IsCappedAtTheLargest()
    {
        var credits = await Db.QueryAsync(
            $"SELECT credits_total, credits_remaining FROM class_packs WHERE id = '{UnusualValuesDatabase.HugePack}'",
            r => (r.GetInt32(0), r.GetInt32(1)));

        credits.Should().Equal((int.MaxValue, int.MaxValue));
    }

    [Fact]
    public async Task OrganizationsOfOneName_WithPatternedIds_GetDistinctValidSlugs()
    {
        var slugs = await Db.QueryAsync("SELECT id, slug FROM organizations", r => (Id: r.GetGuid(0), Slug: r.GetString(1)));
        var yogas = UnusualValuesDatabase.Yogas.Select(id => slugs.Single(s => s.Id == id).Slug).ToList();

        yogas.Should().Equal("yoga", "yoga-0b000000", "yoga-0b000000000000000000000000000003");
        slugs.Single(s => s.Id == UnusualValuesDatabase.Punctuated).Slug.Should().Be("my-studio-main");
        // Legacy slugs that spell out the suffixes another organization's would get keep theirs; that one gets the last resort.
        UnusualValuesDatabase.Pilates.Select(id => slugs.Single(s => s.Id == id).Slug).Should().Equal(
            "pilates", "organization-0f000000000000000000000000000002-0f000000000000000000000000000002",
            "pilates-0f000000", "pilates-0f000000000000000000000000000002");
        slugs.Select(s => s.Slug).Should().OnlyHaveUniqueItems().And.OnlyContain(s => Organization.IsValidSlug(s));
    }

    [Fact]
    public async Task ATimeZoneInAnotherCase_IsThatZone_SoItsCountryNormalisesPhones()
    {
        var organization = await Db.QueryAsync(
            $"SELECT time_zone, country FROM organizations WHERE id = '{UnusualValuesDatabase.London}'", r => (r.GetString(0), r.GetString(1)));
        var phone = await Db.ScalarAsync<string>($"SELECT phone FROM customers WHERE id = '{UnusualValuesDatabase.Ann}'");

        organization.Should().Equal(("Europe/London", "GB"));
        phone.Should().Be("+447700900123");
    }

    [Fact]
    public async Task TextsLongerThanTheModelHolds_AreCutToFit_AndListedInTheReport()
    {
        var note = await Db.ScalarAsync<int>($"SELECT length(content) FROM customer_notes WHERE id = '{UnusualValuesDatabase.LongNote}'");
        var classType = await Db.ScalarAsync<string>($"SELECT name FROM class_types WHERE id = '{UnusualValuesDatabase.Program}'");

        (note, classType).Should().Be((4000, string.Concat(Enumerable.Repeat("Flow ", 24)).TrimEnd()));
        fixture.Result.Report!.ShortenedValues.Should().Equal(
            new ShortenedValue("class_sessions", "instructor_name", UnusualValuesDatabase.LongNamesSession, 130, 120),
            new ShortenedValue("class_sessions", "location", UnusualValuesDatabase.LongNamesSession, 125, 120),
            new ShortenedValue("clients", "email", UnusualValuesDatabase.Verbose, 263, 0),
            new ShortenedValue("clients", "first_name", UnusualValuesDatabase.Verbose, 124, 99),
            new ShortenedValue("clients", "first_name", UnusualValuesDatabase.Smiley, 120, 100),
            new ShortenedValue("clients", "first_name", UnusualValuesDatabase.NoBreak, 110, 99),
            new ShortenedValue("clients", "phone", UnusualValuesDatabase.Verbose, 40, 0),
            new ShortenedValue("clients", "source", UnusualValuesDatabase.Verbose, 60, 50),
            new ShortenedValue("customer_notes", "content", UnusualValuesDatabase.LongNote, 5000, 4000),
            new ShortenedValue("leads", "notes", UnusualValuesDatabase.VerboseLead, 4500, 4000),
            new ShortenedValue("programs", "name", UnusualValuesDatabase.Program, 149, 119));
    }

    [Fact]
    public async Task ACustomersTextsLongerThanTheModelHolds_ComeFromItsPreferredRows_CutToFit()
    {
        var customer = await Db.QueryAsync(
            $"SELECT first_name, email, phone, source, length(notes) FROM customers WHERE id = '{UnusualValuesDatabase.Verbose}'",
            r => (First: r.GetString(0), Email: r.IsDBNull(1) ? null : r.GetString(1), Phone: r.IsDBNull(2) ? null : r.GetString(2),
                Source: r.GetString(3), Notes: r.GetInt32(4)));

        // The client's name and source beat the lead's; the lead's notes are the only ones; an email or phone too long to hold is none.
        customer.Should().Equal((string.Concat(Enumerable.Repeat("Abcd ", 20)).TrimEnd(), null, null, new string('s', 50), 4000));
    }

    [Fact]
    public async Task ACutName_FitsTheDomainsCount_AndEndsWithNoWhiteSpace()
    {
        var names = await Db.QueryAsync(
            $"SELECT first_name, last_name FROM customers WHERE id IN ('{UnusualValuesDatabase.Smiley}', '{UnusualValuesDatabase.NoBreak}') ORDER BY last_name",
            r => (r.GetString(0), r.GetString(1)));

        // An emoji is two UTF-16 units, as .NET counts the domain's 100; the no-break space the cut left is trimmed.
        names.Should().Equal((string.Concat(Enumerable.Repeat("\U0001F600", 50)), "Face"), (new string('A', 99), "Space"));
        names.Should().OnlyContain(n => PersonName.From(n.Item1, n.Item2).IsSuccess);
    }

    [Fact]
    public async Task NoInstantOrDateStored_LiesOutsideTheBoundsTheSystemAccepts()
    {
        var columns = await Db.QueryAsync(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('timestamp with time zone', 'date')",
            r => (Table: r.GetString(0), Column: r.GetString(1)));
        var outside = await Db.QueryAsync(string.Join(" UNION ALL ", columns.Select(c =>
            $"SELECT '{c.Table}.{c.Column}' FROM {c.Table} WHERE {c.Column}::timestamptz < '1900-01-01Z' OR {c.Column}::timestamptz >= '2201-01-01Z'"))
            + " UNION ALL SELECT 'memberships.pauses' FROM memberships, jsonb_array_elements(pauses) p WHERE (p ->> 'From')::date NOT BETWEEN '1900-01-01' AND '2200-12-31'",
            r => r.GetString(0));

        columns.Should().Contain(("class_packs", "expires_at"));
        outside.Should().BeEmpty("'infinity' and year-9999 instants are read as unknown (docs/legacy/README.md)");
    }

    [Fact]
    public async Task InstantsOutsideTheBounds_AreUnknown_AndWhatDependsOnThemFallsBack()
    {
        var customer = await Db.ScalarAsync<DateTime>($"SELECT created_at FROM customers WHERE id = '{UnusualValuesDatabase.Timeless}'");
        var sessions = await Db.QueryAsync(
            $"SELECT id, extract(epoch FROM ends_at - starts_at)::int / 60 FROM class_sessions WHERE id IN ('{UnusualValuesDatabase.EndlessSession}', '{UnusualValuesDatabase.DayLongSession}')",
            r => (r.GetGuid(0), r.GetInt32(1)));
        var packs = await Db.QueryAsync(
            $"SELECT id, expires_at, purchased_at FROM class_packs WHERE id IN ('{UnusualValuesDatabase.NeverExpiring}', '{UnusualValuesDatabase.LongExpired}')",
            r => (r.GetGuid(0), r.IsDBNull(1) ? (DateTime?)null : r.GetDateTime(1), r.GetDateTime(2)));
        var membership = await Db.QueryAsync(
            $"SELECT cancelled_at IS NULL, pauses -> 0 ->> 'From' FROM memberships WHERE id = '{UnusualValuesDatabase.PausedForever}'",
            r => (r.GetBoolean(0), r.GetString(1)));
        var booking = await Db.QueryAsync(
            $"SELECT booked_at, cancelled_at IS NULL FROM bookings WHERE id = '{UnusualValuesDatabase.TimelessBooking}'", r => (r.GetDateTime(0), r.GetBoolean(1)));

        var cutover = LegacyDatabase.Cutover.UtcDateTime;
        customer.Should().Be(cutover);
        sessions.Should().BeEquivalentTo(new[] { (UnusualValuesDatabase.EndlessSession, 60), (UnusualValuesDatabase.DayLongSession, 60) });
        packs.Should().BeEquivalentTo(new[]
        {
            (UnusualValuesDatabase.NeverExpiring, (DateTime?)null, cutover),
            (UnusualValuesDatabase.LongExpired, (DateTime?)new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        });
        membership.Should().Equal((true, "2026-01-01"));
        booking.Should().Equal((cutover, true));
    }

    [Fact]
    public async Task WhitespaceThatDotNetTrims_IsTrimmedByTheFoldToo()
    {
        var spaced = await Db.QueryAsync(
            $"SELECT DISTINCT target_id FROM legacy_id_map WHERE legacy_id IN ('{UnusualValuesDatabase.Spaced}', '{UnusualValuesDatabase.SpacedAgain}')", r => r.GetGuid(0));
        var email = await Db.ScalarAsync<string>($"SELECT email FROM customers WHERE id = '{UnusualValuesDatabase.Spaced}'");
        var nameless = await Db.ScalarAsync<string>($"SELECT first_name || '|' || last_name FROM customers WHERE id = '{UnusualValuesDatabase.NonBreaking}'");
        var organization = await Db.ScalarAsync<string>($"SELECT name FROM organizations WHERE id = '{UnusualValuesDatabase.Blank}'");

        spaced.Should().Equal(UnusualValuesDatabase.Spaced);
        email.Should().Be("sam@example.test");
        nameless.Should().Be($"{CustomersPhase.NamelessFirstName}|");
        organization.Should().Be("Organization");
    }

    [Fact]
    public async Task ValuesBeyondTheDomainsLimits_AreBroughtWithinThem_OrQuarantined()
    {
        var marathon = await Db.QueryAsync(
            $"SELECT t.default_duration_minutes, extract(epoch FROM s.ends_at - s.starts_at)::int / 60 FROM class_types t JOIN class_sessions s ON s.class_type_id = t.id WHERE s.id = '{UnusualValuesDatabase.MarathonSession}'",
            r => (r.GetInt32(0), r.GetInt32(1)));
        var forever = await Db.QueryAsync($"SELECT credits, validity_days FROM pack_products WHERE id = '{UnusualValuesDatabase.Forever}'", r => (r.GetInt32(0), r.GetInt32(1)));
        var quarantined = await Db.QueryAsync(
            $"SELECT legacy_id, reason FROM consolidation_quarantine WHERE legacy_id IN ('{UnusualValuesDatabase.LastHalfHour}', '{UnusualValuesDatabase.EndOfTime}')",
            r => (r.GetGuid(0), r.GetString(1)));
        var cancelled = await Db.QueryAsync(
            $"SELECT status, cancelled_at IS NULL FROM memberships WHERE id = '{UnusualValuesDatabase.CancelledFarAhead}'", r => (r.GetString(0), r.GetBoolean(1)));

        marathon.Should().Equal((60, 60));
        forever.Should().Equal((1000, 365));
        quarantined.Should().BeEquivalentTo(new[] { (UnusualValuesDatabase.LastHalfHour, "invalid_dates"), (UnusualValuesDatabase.EndOfTime, "invalid_dates") });
        cancelled.Should().Equal(("cancelled", true));
    }

    [Fact]
    public async Task ASessionTheLegacySystemOverbooked_KeepsItsBookings_AndIsListed()
    {
        var held = await Db.QueryAsync(
            $"SELECT id FROM bookings WHERE session_id = '{UnusualValuesDatabase.Tiny}' AND status = 'confirmed' ORDER BY id", r => r.GetGuid(0));

        held.Should().Equal(UnusualValuesDatabase.TinyFirst, UnusualValuesDatabase.TinySecond);
        fixture.Result.Report!.OverbookedSessions.Should().Equal(new OverbookedSession(UnusualValuesDatabase.Tiny, 1, 2));
    }

    // The rules keep a booking's legacy status whatever its session's, and a legacy waitlist beside free seats: the
    // studio sees both listed (the domain itself never leaves either), and nothing else about them changes.
    [Fact]
    public async Task ActiveBookingsOfACancelledClass_AndAWaitlistBesideFreeSeats_AreKeptAndListed()
    {
        var kept = await Db.QueryAsync(
            $"SELECT id, status FROM bookings WHERE session_id IN ('{UnusualValuesDatabase.CancelledClass}', '{UnusualValuesDatabase.RoomyClass}') ORDER BY id",
            r => (r.GetGuid(0), r.GetString(1)));

        kept.Should().Equal((UnusualValuesDatabase.AnnOnTheCancelledClass, "confirmed"), (UnusualValuesDatabase.BobWaitingOnTheCancelledClass, "waitlisted"),
            (UnusualValuesDatabase.BobWaitingBesideFreeSeats, "waitlisted"));
        fixture.Result.Report!.BookingsOnCancelledSessions.Should().Equal(
            new BookingOnCancelledSession(UnusualValuesDatabase.CancelledClass, UnusualValuesDatabase.AnnOnTheCancelledClass, "confirmed", false),
            new BookingOnCancelledSession(UnusualValuesDatabase.CancelledClass, UnusualValuesDatabase.BobWaitingOnTheCancelledClass, "waitlisted", false));
        fixture.Result.Report!.WaitlistsBesideFreeSeats.Should().Equal(new WaitlistBesideFreeSeats(UnusualValuesDatabase.RoomyClass, 10, 0, 1));
    }

    [Fact]
    public async Task NoOneLineTextStored_HoldsAControlCharacter()
    {
        string[] lines =
        [
            "customers.first_name", "customers.last_name", "customers.phone", "customers.source", "organizations.name", "class_types.name",
            "membership_plans.name", "pack_products.name", "instructors.name", "locations.name",
        ];
        var unclean = await Db.QueryAsync(string.Join(" UNION ALL ", lines.Select(c => c.Split('.')).Select(c =>
            $"SELECT '{c[0]}.{c[1]}: ' || {c[1]} FROM {c[0]} WHERE {c[1]} ~ '[[:cntrl:]]'")), r => r.GetString(0));
        var caller = await Db.QueryAsync(
            $"SELECT phone, source FROM customers WHERE id = '{UnusualValuesDatabase.Caller}'", r => (r.GetString(0), r.GetString(1)));
        var classType = await Db.ScalarAsync<string>($"SELECT name FROM class_types WHERE id = '{UnusualValuesDatabase.ControlledProgram}'");

        unclean.Should().BeEmpty("control characters become spaces in one-line texts, which the domain keeps clean (CleanText)");
        caller.Should().Equal(("call me", "web site"));
        classType.Should().Be("Yoga Flow");
    }

    [Fact]
    public async Task ABookingOnAnotherCustomersMembership_IsPaidByAnUnknownMeans_AndSpendsNothingOfTheirs()
    {
        var booking = await Db.QueryAsync(
            $"SELECT customer_id, status, payment_method, membership_id IS NULL, charged FROM bookings WHERE id = '{UnusualValuesDatabase.BobsBookingOnAnnsMembership}'",
            r => (r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), r.GetBoolean(4)));
        var spentOfAnns = await Db.ScalarAsync<long>($"SELECT count(*) FROM credit_ledger WHERE membership_id = '{UnusualValuesDatabase.AnnsMembership}'");

        booking.Should().Equal((UnusualValuesDatabase.Bob, "attended", "legacy_unknown", true, false));
        spentOfAnns.Should().Be(0);
    }

    [Fact]
    public async Task AnUnlimitedPlanWithAnUnknownBillingPeriod_IsFolded_AndItsMemberIsAMember()
    {
        var plan = await Db.QueryAsync(
            $"SELECT allowance_period, allowance_classes IS NULL FROM membership_plans WHERE id = '{UnusualValuesDatabase.QuarterlyUnlimitedPlan}'",
            r => (r.GetString(0), r.GetBoolean(1)));
        var member = await Db.ScalarAsync<string>($"SELECT lifecycle_status FROM customers WHERE id = '{UnusualValuesDatabase.UnlimitedMember}'");
        var membership = await Db.ScalarAsync<long>($"SELECT count(*) FROM memberships WHERE id = '{UnusualValuesDatabase.QuarterlyMembership}'");

        plan.Should().Equal(("unlimited", true));
        (member, membership).Should().Be(("member", 1L));
    }
}
