using UnifiedCustomers.Domain.Organizations;

namespace UnifiedCustomers.Domain.Tests.Organizations;

/// <summary>
/// The property every allowance period and timetable range relies on: an instant lies inside the local day that
/// <see cref="Organization.LocalDate"/> gives it, i.e. StartOfDay(LocalDate(t)) &lt;= t &lt; StartOfDay(LocalDate(t) + 1).
/// CustomerAccount.UsedInPeriod decides the period by LocalDate and counts by StartOfDay instants; ListSessions does
/// the same for the timetable. Checked every 15 minutes over 2026-2027 in zones with unusual daylight saving.
/// </summary>
public sealed class LocalDayBoundaryTests
{
    private static Organization In(string zone) =>
        Organization.Create(Guid.NewGuid(), "Studio", "studio", zone, "GB", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).Value;

    [Theory]
    [InlineData("Europe/London")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Lord_Howe")]   // 30-minute DST
    [InlineData("Pacific/Chatham")]       // UTC+12:45 / +13:45
    [InlineData("Pacific/Kiritimati")]    // UTC+14
    [InlineData("Pacific/Auckland")]
    [InlineData("America/Santiago")]      // changes at midnight
    [InlineData("Asia/Beirut")]           // changes at midnight
    [InlineData("Africa/Cairo")]          // changes at midnight
    [InlineData("America/Havana")]        // falls back at 01:00 to 00:00: midnight happens twice
    [InlineData("Atlantic/Azores")]       // falls back at 01:00 to 00:00: midnight happens twice
    public void EveryInstant_LiesInsideTheLocalDayItIsDatedTo(string zone)
    {
        var studio = In(zone);
        var misplaced = new List<string>();
        for (var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero); t < new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero); t = t.AddMinutes(15))
        {
            var date = studio.LocalDate(t);
            var (from, until) = (studio.StartOfDay(date), studio.StartOfDay(date.AddDays(1)));
            if (t < from || t >= until) misplaced.Add($"{t:u} (local {studio.LocalTime(t):yyyy-MM-dd HH:mm zzz}) is dated {date} but that day runs [{from:u}, {until:u})");
        }
        misplaced.Should().BeEmpty();
    }
}
