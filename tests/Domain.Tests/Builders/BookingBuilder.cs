using UnifiedCustomers.Domain.Bookings;
using UnifiedCustomers.Domain.Customers;
using UnifiedCustomers.Domain.Scheduling;

namespace UnifiedCustomers.Domain.Tests.Builders;

internal sealed class BookingBuilder
{
    private Customer? _customer;
    private ClassSession? _session;
    private BookingPayment _payment = BookingPayment.ByPack(Guid.Parse("0196f2a0-0000-7000-8000-0000000000aa"));
    private Admission _admission = new(false, null);
    private DateTimeOffset _bookedAt = TestClock.Start;

    public BookingBuilder For(Customer customer)
    {
        _customer = customer;
        return this;
    }

    public BookingBuilder Of(ClassSession session)
    {
        _session = session;
        return this;
    }

    public BookingBuilder PaidBy(BookingPayment payment)
    {
        _payment = payment;
        return this;
    }

    public BookingBuilder Waitlisted(int position)
    {
        _admission = new Admission(true, position);
        return this;
    }

    public BookingBuilder BookedAt(DateTimeOffset bookedAt)
    {
        _bookedAt = bookedAt;
        return this;
    }

    public Booking Build() =>
        Booking.Create(_customer ?? A.Customer.Build(), _session ?? A.Session.Build(), _admission, _payment, BookingSource.Public, null, _bookedAt);
}
